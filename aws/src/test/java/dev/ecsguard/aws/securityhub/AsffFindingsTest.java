package dev.ecsguard.aws.securityhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.engine.Suppressing;
import dev.ecsguard.engine.Suppression;
import dev.ecsguard.report.AsffReport;
import dev.ecsguard.tree.InputLimits;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * What the ASFF report writes reaches BatchImportFindings whole: every member, in the SDK's model.
 */
class AsffFindingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyMemberTheReportWritesIsInTheSdkFinding() throws Exception {
    ScanResult result = new ScanResult();
    // Every control on the bundled examples, ECS.4 suppressed: findings of each status, with a note
    // and without.
    new Scanner(Selection.defaults(), InputLimits.DEFAULT)
        .scan(
            List.of(Path.of("../examples")),
            new Suppressing(
                List.of(new Suppression("ECS.4", "*", "vendor agent", null, ".ecsguard.yml")),
                LocalDate.now(),
                result));
    List<String> findings =
        new AsffReport("123456789012", "eu-west-1", Instant.now()).findings(result);
    assertThat(findings)
        .anyMatch(finding -> finding.contains("\"Note\""))
        .anyMatch(finding -> !finding.contains("\"Note\""))
        .anyMatch(finding -> finding.contains("\"Url\""))
        .anyMatch(finding -> finding.contains("\"ecsguard/line\""))
        .anyMatch(finding -> finding.contains("\"SecurityControlId\""))
        .anyMatch(finding -> finding.contains("\"AssociatedStandards\""))
        .anyMatch(finding -> finding.contains("\"RelatedRequirements\""))
        .anyMatch(finding -> finding.contains("\"StatusReasons\""))
        .allMatch(finding -> finding.contains("\"FirstObservedAt\""))
        .allMatch(finding -> finding.contains("\"CompanyName\""));
    for (String finding : findings) {
      assertThat(asWritten(AsffFindings.of(finding))).isEqualTo(JSON.readTree(finding));
    }
  }

  /**
   * The SDK model back as ASFF JSON, by the SDK's own member names: what it would send, member for
   * member.
   */
  private static JsonNode asWritten(Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value instanceof SdkPojo pojo) {
      ObjectNode object = nodes.objectNode();
      for (SdkField<?> field : pojo.sdkFields()) {
        Object member = field.getValueOrDefault(pojo);
        if (member != null
            && !(member instanceof SdkAutoConstructList<?>)
            && !(member instanceof SdkAutoConstructMap<?, ?>)) {
          object.set(field.locationName(), asWritten(member));
        }
      }
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = nodes.arrayNode();
      list.forEach(element -> array.add(asWritten(element)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = nodes.objectNode();
      map.forEach((name, member) -> object.set(name.toString(), asWritten(member)));
      return object;
    }
    return nodes.textNode(value.toString());
  }
}
