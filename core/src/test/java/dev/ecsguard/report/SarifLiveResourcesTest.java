package dev.ecsguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.tree.Location;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifLiveResourcesTest {
  private static final String KEY = "AKIAZ3MHXQ4TPLWRN2QA";
  private static final String ARN =
      "arn:aws:ecs:eu-west-1:111122223333:task-definition/" + KEY + "-web:7";

  private static Finding live(ControlInfo control, Status status, String arn) {
    return new Finding(
        control,
        status,
        ResourceType.TASK_DEFINITION,
        arn,
        Map.of("account", "111122223333", "region", "eu-west-1"),
        new Location("aws://111122223333/eu-west-1/ecs:DescribeTaskDefinition", "", 0, 0),
        "m",
        List.of());
  }

  @Test
  void oneLinePerResourceWithAResultAfterTheHeaderWithoutCredentialFormats(@TempDir Path dir)
      throws IOException {
    List<ControlInfo> controls =
        Catalogue.CONTROLS.stream().map(control -> control.info()).limit(2).toList();
    ScanResult result = new ScanResult();
    result.finding(live(controls.get(0), Status.FAILED, ARN));
    result.finding(live(controls.get(1), Status.UNKNOWN, ARN));
    result.finding(live(controls.get(0), Status.PASSED, ARN.replace(":7", ":8")));
    SarifLiveResources resources = SarifLiveResources.of(result);
    String line =
        "arn:aws:ecs:eu-west-1:111122223333:task-definition/(value not shown)-web:7\t"
            + "111122223333\teu-west-1\tAWS::ECS::TaskDefinition\n";
    assertThat(resources.text()).isEqualTo(SarifLiveResources.HEADER + "\n" + line);

    Files.createDirectories(dir.resolve(".git"));
    StringWriter out = new StringWriter();
    new SarifReport(null, dir.resolve("live.tsv")).render(result, out);
    JsonNode results =
        new ObjectMapper().readTree(out.toString()).get("runs").get(0).get("results");
    assertThat(results).hasSize(2);
    for (JsonNode each : results) {
      JsonNode physical = each.get("locations").get(0).get("physicalLocation");
      assertThat(physical.get("artifactLocation").get("uri").asText()).isEqualTo("live.tsv");
      assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(2);
    }
  }
}
