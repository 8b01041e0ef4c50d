package dev.ecsguard.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scans;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The same task definitions, services and clusters written as raw ECS JSON, a CloudFormation
 * template, a Terraform plan and Terraform source get the same verdicts from every control: each
 * format becomes the same model. One resource of each type is compliant ("good"), one is not ("bad").
 */
class ParityTest {
  private static final List<String> FORMATS = List.of("api.json", "cloudformation.yaml", "plan.json", "main.tf");

  @Test
  void everyFormatGetsTheSameVerdicts() throws URISyntaxException {
    Path directory = Path.of(ParityTest.class.getResource("/dev/ecsguard/parity").toURI());
    Map<String, Map<String, Status>> verdictsByFormat = new TreeMap<>();
    for (String format : FORMATS) {
      ScanResult result = Scans.files(List.of(), directory.resolve(format));
      assertThat(result.errors()).as(format).isEmpty();
      Map<String, Status> verdicts = new TreeMap<>();
      for (Finding finding : result.findings()) {
        verdicts.put(finding.resourceType().words() + (finding.resourceId().toLowerCase(Locale.ROOT).contains("bad") ? " bad " : " good ")
            + finding.control().id(), finding.status());
        assertThat(finding.location().line()).as(format + " " + finding.control().id()).isPositive();
      }
      verdictsByFormat.put(format, verdicts);
    }
    Map<String, Status> expected = verdictsByFormat.get("api.json");
    assertThat(expected).hasSize(32).containsValue(Status.FAILED).containsValue(Status.PASSED);
    assertThat(expected.entrySet().stream().filter(e -> e.getKey().contains(" good ")).map(Map.Entry::getValue))
        .doesNotContain(Status.FAILED, Status.UNKNOWN);
    for (String format : FORMATS) {
      assertThat(verdictsByFormat.get(format)).as(format).isEqualTo(expected);
    }
  }
}
