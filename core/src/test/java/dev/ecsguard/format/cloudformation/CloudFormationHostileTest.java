package dev.ecsguard.format.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scans;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates written to hurt the evaluation of CloudFormation's functions: cycles, deep chains,
 * exponential fan-out. Each is UNKNOWN with a reason, fast, and the other files of the scan keep
 * their results.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CloudFormationHostileTest {
  @TempDir Path directory;
  @TempDir Path generated; // templates made here, then copied beside the good one

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(CloudFormationHostileTest.class.getResource("hostile/" + name).toURI());
  }

  /**
   * Scans the hostile file beside a good template and checks that the good one still fails as it
   * should.
   */
  private ScanResult scanBesideAGoodFile(Path hostile) throws IOException, URISyntaxException {
    Path copy = Files.copy(hostile, directory.resolve(hostile.getFileName().toString()));
    Files.copy(fixture("good.json"), directory.resolve("good.json"));
    ScanResult result = Scans.files(List.of("ECS.4", "ECS.5"), directory);
    assertThat(result.errors()).isEmpty();
    assertThat(result.findings())
        .filteredOn(
            finding ->
                finding.resourceId().equals("Good") && finding.control().id().equals("ECS.4"))
        .extracting(Finding::status)
        .containsExactly(Status.FAILED);
    assertThat(result.findings())
        .filteredOn(finding -> finding.location().file().equals(copy.toString()))
        .isNotEmpty();
    return result;
  }

  private static Finding finding(ScanResult result, String control, String resource) {
    return result.findings().stream()
        .filter(
            finding ->
                finding.control().id().equals(control) && finding.resourceId().equals(resource))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aFindInMapThatLeadsBackToItselfIsUnknown() throws Exception {
    ScanResult result = scanBesideAGoodFile(fixture("findinmap-cycle.yaml"));
    Finding privileged = finding(result, "ECS.4", "TaskDef");
    assertThat(privileged.status()).isEqualTo(Status.UNKNOWN);
    assertThat(privileged.message()).contains("refers to itself");
    assertThat(finding(result, "ECS.5", "TaskDef").status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void splitWithAnEmptyDelimiterIsUnknownAsCloudFormationRefusesIt() throws Exception {
    Finding privileged =
        finding(scanBesideAGoodFile(fixture("split-empty-delimiter.yaml")), "ECS.4", "TaskDef");
    assertThat(privileged.status()).isEqualTo(Status.UNKNOWN);
    assertThat(privileged.message()).contains("Fn::Split: the delimiter is empty");
    assertThat(privileged.location().line()).isEqualTo(9);
  }

  @Test
  void aChainOfFiveThousandConditionsIsTooDeepNotACrash() throws Exception {
    StringBuilder template =
        new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\nConditions:\n");
    for (int i = 0; i < 5000; i++) {
      template.append("  C").append(i).append(": !Not [!Condition C").append(i + 1).append("]\n");
    }
    template.append("  C5000: !Equals [a, a]\n");
    template.append(taskDefinition("Privileged: !If [C0, true, false]"));
    Finding privileged =
        finding(scanBesideAGoodFile(write("conditions.yaml", template)), "ECS.4", "TaskDef");
    assertThat(privileged.status()).isEqualTo(Status.UNKNOWN);
    assertThat(privileged.message()).contains("too deep");
  }

  /**
   * Mappings M whose levels l1 to l40 each use the level below twice ({@code twice} makes a value
   * of two look-ups), under {@code first}, then the task definition.
   */
  private static String levels(
      String first, java.util.function.BinaryOperator<String> twice, String privileged) {
    StringBuilder template =
        new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\nMappings:\n  M:\n" + first);
    for (int i = 1; i <= 40; i++) {
      String below = "{\"Fn::FindInMap\": [M, l" + (i - 1) + ", v]}";
      template
          .append("    l")
          .append(i)
          .append(": {v: ")
          .append(twice.apply(below, below))
          .append("}\n");
    }
    return template.append(taskDefinition(privileged)).toString();
  }

  @Test
  void findInMapFanOutIsEvaluatedOnceANode() throws Exception {
    // Each level looks the level below up twice: 2^40 look-ups without memory of what was found.
    String template =
        levels(
            "    k: {k: k, t: \"true\"}\n    l0: {v: k}\n",
            (a, b) -> "{\"Fn::FindInMap\": [M, " + a + ", " + b + "]}",
            "Privileged: !FindInMap [M, !FindInMap [M, l40, v], t]");
    Finding privileged =
        finding(scanBesideAGoodFile(write("fan-out.yaml", template)), "ECS.4", "TaskDef");
    assertThat(privileged.status()).as(privileged.message()).isEqualTo(Status.FAILED);
  }

  @Test
  void textThatDoublesAtEveryLevelIsBoundedByTheWorkBudget() throws Exception {
    String template =
        levels(
            "    l0: {v: ab}\n",
            (a, b) -> "{\"Fn::Join\": [\"\", [" + a + ", " + b + "]]}",
            "Privileged: !FindInMap [M, l40, v]");
    Finding privileged =
        finding(scanBesideAGoodFile(write("doubling.yaml", template)), "ECS.4", "TaskDef");
    assertThat(privileged.status()).isEqualTo(Status.UNKNOWN);
    assertThat(privileged.message()).contains("too much work");
  }

  /** Mappings Mn whose levels each join the level below twice: text that doubles 40 times. */
  private static String doublingMapping(int n) {
    StringBuilder mapping = new StringBuilder("  M" + n + ":\n    l0: {v: ab}\n");
    for (int i = 1; i <= 40; i++) {
      String below = "{\"Fn::FindInMap\": [M" + n + ", l" + (i - 1) + ", v]}";
      mapping
          .append("    l")
          .append(i)
          .append(": {v: {\"Fn::Join\": [\"\", [")
          .append(below)
          .append(", ")
          .append(below)
          .append("]]}}\n");
    }
    return mapping.toString();
  }

  private static String expensiveTaskDefinition(int n) {
    return "  Expensive"
        + n
        + ":\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n"
        + "        - Name: app\n          Image: !FindInMap [M"
        + n
        + ", l40, v]\n";
  }

  @Test
  void oneExpensiveResourceLeavesTheOthersJudged() throws Exception {
    String template =
        "AWSTemplateFormatVersion: \"2010-09-09\"\nMappings:\n"
            + doublingMapping(0)
            + "Resources:\n"
            + expensiveTaskDefinition(0)
            + "  Privileged:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n"
            + "        - Name: app\n          Image: nginx\n          Privileged: true\n";
    ScanResult result = scanBesideAGoodFile(write("one-expensive.yaml", template));
    assertThat(finding(result, "ECS.4", "Privileged").status()).isEqualTo(Status.FAILED);
  }

  @Test
  void resourcesPastTheTemplatesBudgetAreUnknownNotPassedOver() throws Exception {
    StringBuilder template =
        new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\nMappings:\n");
    int expensive =
        CloudFormationFunctions.MAX_TEMPLATE_WORK / CloudFormationFunctions.MAX_WORK + 1;
    for (int n = 0; n < expensive; n++) {
      template.append(doublingMapping(n));
    }
    template.append("Resources:\n");
    for (int n = 0; n < expensive; n++) {
      template.append(expensiveTaskDefinition(n));
    }
    template.append(
        "  Last:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n"
            + "        - Name: app\n          Image: !FindInMap [M0, l1, v]\n          Privileged: true\n");
    Finding last =
        finding(scanBesideAGoodFile(write("many-expensive.yaml", template)), "ECS.4", "Last");
    assertThat(last.status()).isEqualTo(Status.UNKNOWN);
    assertThat(last.message()).contains("too much work");
  }

  private Path write(String name, CharSequence text) throws IOException {
    return Files.writeString(generated.resolve(name), text);
  }

  private static String taskDefinition(String containerProperty) {
    return """
        Resources:
          TaskDef:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions:
                - Name: app
                  Image: nginx
                  ReadonlyRootFilesystem: true
        """
        + "          "
        + containerProperty
        + "\n";
  }
}
