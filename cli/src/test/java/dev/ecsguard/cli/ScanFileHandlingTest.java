package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a scan reads and writes: never an input overwritten, never a special file opened. */
class ScanFileHandlingTest {
  private static final String TASK =
      "{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":true}]}";

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  private static void assertRefused(Run run, Path report) {
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("the report file " + report).contains("is also an input");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aReportIsNeverWrittenOverAFileFoundInAScannedDirectory() throws IOException {
    Path task = write("d/td.json", TASK);
    Run run =
        Run.of("scan", "--format", "json", "-o", task.toString(), dir.resolve("d").toString());
    assertRefused(run, task);
    assertThat(Files.readString(task)).isEqualTo(TASK);
    Path nested = write("d/sub/other.yaml", "a: b\n");
    assertRefused(
        Run.of("scan", "--format", "sarif=" + nested, dir.resolve("d").toString()), nested);
    assertThat(Files.readString(nested)).isEqualTo("a: b\n");
  }

  @Test
  void aReportThatIsALinkToAnInputIsRefused() throws IOException {
    Path task = write("d/td.json", TASK);
    Path link = Files.createSymbolicLink(dir.resolve("report.json"), task);
    assertRefused(Run.of("scan", "-o", link.toString(), dir.resolve("d").toString()), link);
    assertRefused(Run.of("scan", "-o", link.toString(), task.toString()), link);
    assertThat(Files.readString(task)).isEqualTo(TASK);
  }

  @Test
  void theConfigurationBaselineAndTerraformFilesAreInputsToo() throws IOException {
    Path task = write("td.json", TASK);
    Path config = write("conf.yml", "failOn: high\n");
    assertRefused(
        Run.of("scan", "--config", config.toString(), "-o", config.toString(), task.toString()),
        config);
    Path baseline = write("base.json", "{\"schemaVersion\":1,\"findings\":[]}");
    assertRefused(
        Run.of(
            "scan", "--baseline", baseline.toString(), "-o", baseline.toString(), task.toString()),
        baseline);
    Path main = write("tf/main.tf", "resource \"aws_ecs_cluster\" \"c\" { name = \"c\" }\n");
    Path variables = write("tf/variables.tf", "variable \"v\" {}\n");
    Path tfvars = write("tf/terraform.tfvars", "v = 1\n");
    assertRefused(Run.of("scan", "-o", variables.toString(), main.toString()), variables);
    assertRefused(Run.of("scan", "-o", tfvars.toString(), main.toString()), tfvars);
    assertThat(Files.readString(tfvars)).isEqualTo("v = 1\n");
    Path created = dir.resolve("created.json");
    Run baselineOverInput =
        Run.of(
            "scan",
            "--create-baseline",
            task.toString(),
            "-o",
            created.toString(),
            task.toString());
    assertThat(baselineOverInput.exitCode()).isEqualTo(2);
    assertThat(baselineOverInput.err())
        .contains("the baseline file " + task)
        .contains("is also an input");
    assertThat(Files.readString(task)).isEqualTo(TASK);
    assertThat(created).doesNotExist();
  }

  @Test
  void twoReportsAreNeverWrittenToOneFile() throws IOException {
    Path task = write("d/td.json", TASK);
    Path report = dir.resolve("out/r.json");
    Run run =
        Run.of(
            "scan",
            "--format",
            "json=" + report,
            "--format",
            "sarif=" + dir.resolve("out/../out/r.json"),
            task.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("two reports would be written to");
    assertThat(report).doesNotExist();
  }

  @Test
  void aFileATerraformModuleMayReadIsAnInput() throws IOException {
    Path template =
        write("infra/templates/containers.tpl", "[{\"name\": \"app\", \"image\": \"app:1\"}]");
    write(
        "infra/main.tf",
        "resource \"aws_ecs_task_definition\" \"t\" {\n  family = \"t\"\n"
            + "  container_definitions = templatefile(\"${path.module}/templates/containers.tpl\", {})\n}\n");
    Path infra = dir.resolve("infra");
    assertRefused(
        Run.of("scan", "--format", "json", "-o", template.toString(), infra.toString()), template);
    assertRefused(
        Run.of(
            "scan",
            "--format",
            "json",
            "-o",
            template.toString(),
            infra.resolve("main.tf").toString()),
        template);
    assertThat(Files.readString(template)).startsWith("[{");
  }

  @Test
  void aNewReportFileOrOneTheScanDoesNotReadIsWritten() throws IOException {
    Path task = write("d/td.json", TASK);
    write("d/notes.txt", "kept");
    Run fresh =
        Run.of(
            "scan",
            "--format",
            "json",
            "-o",
            dir.resolve("d/report.json").toString(),
            dir.resolve("d").toString());
    assertThat(fresh.exitCode()).isEqualTo(1);
    assertThat(dir.resolve("d/report.json")).exists();
    Run text =
        Run.of("scan", "-o", dir.resolve("d/notes.txt").toString(), dir.resolve("d").toString());
    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(Files.readString(task)).isEqualTo(TASK);
  }

  private Path fifo(String name) throws IOException, InterruptedException {
    Path fifo = dir.resolve(name);
    Files.createDirectories(fifo.getParent());
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mkfifo.exitValue()).isZero();
    return fifo;
  }

  /**
   * {@code special}, named beside d/td.json and then found with it in d, is one error, and td.json
   * is still scanned.
   */
  private void assertRefusedNamedOrFound(Path special) throws IOException {
    assertRefusedNamedOrFound(
        special, "refused: a special file (a FIFO, socket or device), not a regular file");
  }

  /** As above, where found in d it is refused for {@code whyFound}. */
  private void assertRefusedNamedOrFound(Path special, String whyFound) throws IOException {
    Path task = dir.resolve("d/td.json");
    Files.writeString(task, TASK);
    Run named = Run.of("scan", "--controls", "ECS.4", special.toString(), task.toString());
    Run found = Run.of("scan", "--controls", "ECS.4", dir.resolve("d").toString());
    assertThat(named.err().lines())
        .containsExactly(
            special + ": refused: a special file (a FIFO, socket or device), not a regular file");
    assertThat(found.err().lines()).containsExactly(special + ": " + whyFound);
    for (Run run : List.of(named, found)) {
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).contains("ECS.4").contains("FAILED");
    }
    Files.delete(special);
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoIsRefusedNamedOrFoundAndTheOtherFilesAreStillScanned() throws Exception {
    for (String name : List.of("d/pipe.json", "d/pipe.tf", "d/pipe.yaml")) {
      assertRefusedNamedOrFound(fifo(name));
    }
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aLinkToDevZeroIsRefusedNamedOrFound() throws IOException {
    Files.createDirectories(dir.resolve("d"));
    for (String name : List.of("d/zero.json", "d/zero.tf")) {
      // Found in d, the link leads out of the scanned tree, which is refused before what it leads
      // to is looked at.
      assertRefusedNamedOrFound(
          Files.createSymbolicLink(dir.resolve(name), Path.of("/dev/zero")),
          "refused: a link that leads out of the scanned tree (name its target to scan it)");
    }
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aSpecialConfigurationOrBaselineIsRefused() throws Exception {
    Path task = write("td.json", TASK);
    Path config = fifo("conf.yml");
    Run run = Run.of("scan", "--config", config.toString(), task.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .containsExactly(
            config + ": refused: a special file (a FIFO, socket or device), not a regular file");
    Path baseline = fifo("base.json");
    Run base = Run.of("scan", "--baseline", baseline.toString(), task.toString());
    assertThat(base.exitCode()).isEqualTo(2);
    assertThat(base.err().lines())
        .containsExactly(
            baseline + ": refused: a special file (a FIFO, socket or device), not a regular file");
  }

  @Test
  void aModuleTooDeepToFollowIsOneErrorAndTheOtherFilesAreStillScanned()
      throws IOException, InterruptedException {
    Path task = write("td.json", TASK);
    StringBuilder chain = new StringBuilder("locals {\n");
    int length = 250; // within the evaluator's depth bound, past what the small stack below holds
    for (int i = 0; i < length; i++) {
      chain.append("  a").append(i).append(" = local.a").append(i + 1).append('\n');
    }
    chain
        .append("  a")
        .append(length)
        .append(" = \"x\"\n}\nresource \"aws_ecs_cluster\" \"c\" { name = local.a0 }\n");
    Path module = write("tf/main.tf", chain.toString()).getParent();
    // A thread with a small stack stands for a module deeper than any stack: the overflow is real.
    Run[] result = new Run[1];
    Thread small =
        new Thread(
            null,
            () ->
                result[0] =
                    Run.of("scan", "--controls", "ECS.4", module.toString(), task.toString()),
            "small-stack",
            192 * 1024);
    small.start();
    small.join();
    Run run = result[0];
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .containsExactly(
            module
                + ": refused: nested or chained too deeply to follow (a stack overflow; give Java more with JAVA_TOOL_OPTIONS=-Xss16m)");
    assertThat(run.out()).contains("ECS.4").contains("FAILED");
  }

  @Test
  void aReportThatCannotBeWrittenLeavesTheOthersWritten() throws IOException {
    Path task = write("td.json", TASK);
    Path sarif = dir.resolve("results.sarif");
    Run run =
        Run.of(
            "scan",
            "--format",
            "json=" + dir.resolve("no/such/dir/r.json"),
            "--format",
            "sarif=" + sarif,
            task.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .hasSize(2)
        .first()
        .satisfies(line -> assertThat(line).contains("cannot write the json report"));
    // the summary line names only the report written
    assertThat(run.err().lines().skip(1).findFirst().orElseThrow())
        .contains("sarif report in")
        .doesNotContain("r.json");
    assertThat(sarif).exists();
  }

  @Test
  void aReportReplacesTheOldOneWholeThroughALinkAndNeverADirectory() throws IOException {
    Path task = write("td.json", TASK);
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Path report = Files.writeString(reports.resolve("report.json"), "the earlier report");
    Path link = Files.createSymbolicLink(dir.resolve("latest.json"), report);
    Run run = Run.of("scan", "--format", "json", "-o", link.toString(), task.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(Files.isSymbolicLink(link)).as("the link stays a link").isTrue();
    assertThat(Files.readString(report)).startsWith("{").contains("\"ECS.4\"");
    try (var left = Files.list(reports)) {
      assertThat(left).as("no temporary file is left beside it").containsExactly(report);
    }
    Path emptyDirectory = Files.createDirectories(dir.resolve("empty"));
    Run intoDirectory = Run.of("scan", "-o", emptyDirectory.toString(), task.toString());
    assertThat(intoDirectory.exitCode()).isEqualTo(2);
    assertThat(intoDirectory.err()).contains("cannot write the text report");
    assertThat(emptyDirectory).isDirectory();
    try (var left = Files.list(dir)) {
      assertThat(left.map(path -> path.getFileName().toString()))
          .noneMatch(name -> name.endsWith(".ecsguard"));
    }
  }

  /** ecsguard in a JVM of its own with {@code heap} of memory. */
  private static Run inSmallHeap(String heap, String... args)
      throws IOException, InterruptedException {
    java.util.List<String> command =
        new java.util.ArrayList<>(
            java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(java.util.List.of(args));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    var out =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    String err = read(process.getErrorStream());
    assertThat(process.waitFor(100, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), out.join(), err);
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFileTooLargeForTheHeapIsOneErrorNotACrash() throws Exception {
    Path task = write("td.json", TASK);
    StringBuilder huge =
        new StringBuilder(
            "{\"family\":\"big\",\"containerDefinitions\":[{\"name\":\"a\",\"environment\":[");
    for (int i = 0; i < 200_000; i++) {
      huge.append(i == 0 ? "" : ",")
          .append("{\"name\":\"VARIABLE_")
          .append(i)
          .append("\",\"value\":\"some value\"}");
    }
    Path big =
        write(
            "big.json", huge.append("]}]}").toString()); // 9 MB: twice what 48 MB of heap can scan
    Run byDefault =
        inSmallHeap("48m", "scan", "--controls", "ECS.4", big.toString(), task.toString());
    assertThat(byDefault.exitCode()).isEqualTo(2);
    assertThat(byDefault.err().lines())
        .singleElement()
        .asString()
        .startsWith(big + ": refused: ")
        .endsWith("bytes (--max-file-size)");
    assertThat(byDefault.out()).contains("ECS.4").contains("FAILED");
    Run allowed =
        inSmallHeap(
            "48m",
            "scan",
            "--max-file-size",
            "100m",
            "--controls",
            "ECS.4",
            big.toString(),
            task.toString());
    assertThat(allowed.exitCode()).isEqualTo(2);
    assertThat(allowed.err().lines())
        .singleElement()
        .asString()
        .startsWith(big + ": refused: too large for the memory available (");
    assertThat(allowed.out()).contains("ECS.4").contains("FAILED");
  }
}
