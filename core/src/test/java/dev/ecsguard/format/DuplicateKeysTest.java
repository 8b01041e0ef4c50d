package dev.ecsguard.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scans;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A key written twice in one object: JSON keeps the last, as the AWS CLI does, and says so; YAML
 * refuses it.
 */
class DuplicateKeysTest {
  private static String taskDefinition(String first, String second) {
    return "{\n  \"family\": \"web\",\n  \"containerDefinitions\": [{\n    \"name\": \"app\",\n    \"image\": \"nginx\",\n"
        + "    \"privileged\": "
        + first
        + ",\n    \"privileged\": "
        + second
        + "\n  }]\n}\n";
  }

  @Test
  void theLastValueCountsAndTheNoteNamesBothLines() {
    ScanResult failing = Scans.json(taskDefinition("false", "true"), "ECS.4");
    assertThat(failing.findings()).extracting(Finding::status).containsExactly(Status.FAILED);
    assertThat(failing.findings().get(0).offenders().get(0).location().line()).isEqualTo(7);
    assertThat(failing.notes())
        .extracting(
            note -> note.location().file() + ":" + note.location().line() + ": " + note.message())
        .containsExactly(
            "test.json:7: duplicate key \"privileged\" (also on line 6); the last one counts, as the AWS CLI reads it");

    ScanResult passing = Scans.json(taskDefinition("true", "false"), "ECS.4");
    assertThat(passing.findings()).extracting(Finding::status).containsExactly(Status.PASSED);
    assertThat(passing.notes()).hasSize(1);
  }

  @Test
  void yamlRefusesADuplicateKey() {
    String template =
        "Resources:\n  T:\n    Type: AWS::ECS::Cluster\n    Type: AWS::ECS::Service\n";
    assertThatThrownBy(() -> Scans.text(template, "t.yaml", Map.of(), Map.of()))
        .hasMessageContaining("t.yaml:4:5: the key Type appears twice in the same mapping");
  }
}
