package dev.ecsguard.format.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.tree.InputLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A module written to attack the scanner: file() reaching out of the scanned tree, special files
 * where a file is read, and references that never end. Each gives a one-line answer, never a leak,
 * a hang or a crash.
 */
class TerraformHostileModuleTest {
  private static final String SECRET = "PLANTEDoutsideSECRET0123456789";

  @TempDir Path tree;
  private Path module;

  @BeforeEach
  void plant() throws IOException {
    module = Files.createDirectories(tree.resolve("module"));
    Files.writeString(
        tree.resolve("outside.json"), "[{\"name\": \"" + SECRET + "\", \"privileged\": true}]");
    Files.createSymbolicLink(module.resolve("link.txt"), Path.of("../outside.json"));
    Files.createSymbolicLink(module.resolve("zero.txt"), Path.of("/dev/zero"));
    mkfifo(module.resolve("pipe.txt"));
  }

  static void mkfifo(Path path) throws IOException {
    try {
      assertThat(new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor())
          .isZero();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private ScanResult scan(Path path) {
    ScanResult result = new ScanResult();
    new Scanner(
            Selection.of(List.of("ECS.4"), List.of(), Map.of()),
            InputLimits.DEFAULT,
            Map.of(),
            Map.of())
        .scan(List.of(path), result);
    return result;
  }

  private void containers(String expression) throws IOException {
    Files.writeString(
        module.resolve("main.tf"),
        """
        resource "aws_ecs_task_definition" "app" {
          family                = "app"
          container_definitions = %s
        }
        """
            .formatted(expression));
  }

  @ParameterizedTest
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @CsvSource(
      delimiter = '|',
      value = {
        "file(\"/proc/self/environ\")                          | outside the scanned tree",
        "file(\"../outside.json\")                             | outside the scanned tree",
        "file(\"${path.module}/../outside.json\")              | outside the scanned tree",
        "file(\"link.txt\")                                   | outside the scanned tree",
        "file(\"zero.txt\")                                   | outside the scanned tree",
        "file(\"pipe.txt\")                                   | not a regular file",
        "templatefile(\"../outside.json\", {})                 | outside the scanned tree",
        "templatefile(\"pipe.txt\", {})                       | not a regular file"
      })
  void fileReadsNothingOutsideTheScannedTreeNorSpecialFiles(String expression, String reason)
      throws IOException {
    containers(expression);
    ScanResult result = scan(module);
    assertThat(result.errors()).isEmpty();
    assertThat(result.findings()).hasSize(1);
    Finding finding = result.findings().get(0);
    assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
    assertThat(finding.message()).contains(reason).doesNotContain(SECRET);
  }

  @Test
  void theScannedTreeIsWhatTheCommandLineNames() throws IOException {
    containers("file(\"../outside.json\")");
    assertThat(scan(tree).findings()).extracting(Finding::status).containsExactly(Status.FAILED);
    assertThat(scan(module.resolve("main.tf")).findings())
        .extracting(Finding::status)
        .containsExactly(Status.UNKNOWN);
  }

  @ParameterizedTest
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @CsvSource({
    "terraform.tfvars, pipe",
    "a.auto.tfvars, pipe",
    "terraform.tfvars, zero",
    "b.auto.tfvars, zero"
  })
  void aTfvarsFileThatIsAPipeOrNeverEndsIsOneLineNotAHang(String name, String kind)
      throws IOException {
    containers("jsonencode([{ name = \"app\", privileged = true }])");
    Path tfvars = module.resolve(name);
    if (kind.equals("pipe")) {
      mkfifo(tfvars);
    } else {
      Files.createSymbolicLink(tfvars, Path.of("/dev/zero"));
    }
    ScanResult result = scan(module);
    assertThat(result.errors()).hasSize(1);
    assertThat(result.errors().get(0).getMessage())
        .startsWith(tfvars + ": refused: a special file")
        .doesNotContain("\n");
  }

  @ParameterizedTest
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @CsvSource(
      delimiter = '|',
      value = {
        "variable \"x\" { default = var.x }                                          | var.x refers to itself",
        "variable \"x\" { default = var.y }\\nvariable \"y\" { default = var.x }      | var.x refers to itself",
        "locals {\\n  x = templatefile(\"self.tpl\", {})\\n}                        | templatefile(\"self.tpl\") includes itself"
      })
  void cyclesAreUnknownNamingTheCycle(String declarations, String reason) throws IOException {
    Files.writeString(module.resolve("self.tpl"), "${templatefile(\"self.tpl\", {})}");
    Files.writeString(module.resolve("cycle.tf"), declarations.replace("\\n", "\n"));
    String reference = declarations.startsWith("locals") ? "local.x" : "var.x";
    containers("jsonencode([{ name = \"app\", privileged = " + reference + " }])");
    ScanResult result = scan(module);
    assertThat(result.errors()).isEmpty();
    assertThat(result.findings()).extracting(Finding::status).containsExactly(Status.UNKNOWN);
    assertThat(result.findings().get(0).message()).contains(reason);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aLongChainOfLocalsIsUnknownAsTooDeep() throws IOException {
    StringBuilder locals = new StringBuilder("locals {\n  l2000 = true\n");
    for (int i = 1999; i >= 0; i--) {
      locals.append("  l").append(i).append(" = local.l").append(i + 1).append("\n");
    }
    Files.writeString(module.resolve("locals.tf"), locals.append("}\n").toString());
    containers("jsonencode([{ name = \"app\", privileged = local.l0 }])");
    ScanResult result = scan(module);
    assertThat(result.errors()).isEmpty();
    assertThat(result.findings()).extracting(Finding::status).containsExactly(Status.UNKNOWN);
    assertThat(result.findings().get(0).message()).contains("too deep");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aValueNestedDeeplyThroughLocalsEachEvaluatedShallowlyIsUnknownAsTooDeep()
      throws IOException {
    // Resources use the chain from its far end first, so that no one evaluation goes deep: the
    // value does.
    int length = 20_000;
    StringBuilder locals = new StringBuilder("locals {\n  l" + length + " = \"ENABLED\"\n");
    for (int i = length - 1; i >= 0; i--) {
      locals.append("  l").append(i).append(" = [local.l").append(i + 1).append("]\n");
    }
    Files.writeString(module.resolve("locals.tf"), locals.append("}\n").toString());
    StringBuilder clusters = new StringBuilder();
    for (int i = length - 100; i >= 0; i -= 100) {
      clusters
          .append("resource \"aws_ecs_cluster\" \"c")
          .append(i)
          .append("\" {\n  setting = local.l")
          .append(i)
          .append("\n}\n");
    }
    Files.writeString(module.resolve("main.tf"), clusters.toString());
    ScanResult result = new ScanResult();
    new Scanner(
            Selection.of(List.of("ECS.12"), List.of(), Map.of()),
            InputLimits.DEFAULT,
            Map.of(),
            Map.of())
        .scan(List.of(module), result);
    assertThat(result.errors()).isEmpty();
    assertThat(result.findings())
        .hasSize(length / 100)
        .allSatisfy(finding -> assertThat(finding.status()).isNotEqualTo(Status.PASSED));
    assertThat(result.findings().get(length / 100 - 1).message()).contains("too deep");
  }
}
