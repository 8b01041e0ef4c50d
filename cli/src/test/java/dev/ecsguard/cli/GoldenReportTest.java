package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every report format's output for the bundled examples, kept in src/test/resources/golden (named
 * examples and the format's usual extension) so that any change to a public format shows up in
 * review. Regenerate after an intended change: {@code mvn test -pl cli -am
 * -Decsguard.updateGolden=true}.
 */
class GoldenReportTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @ParameterizedTest(name = "{0}")
  @EnumSource(ReportFormat.class)
  void reportOfTheExamplesIsUnchanged(ReportFormat format) throws IOException {
    Run run =
        Run.with(
            Run.ACCOUNT, false, "scan", "--verbose", "--format", format.label(), "../examples");
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED.code());
    Path file = GOLDEN.resolve("examples" + format.extensions().getFirst());
    // Timestamps change from run to run, and SARIF's root is where the repository is checked out.
    String output =
        run.out()
            .replaceAll(
                "\"(CreatedAt|UpdatedAt|FirstObservedAt|LastObservedAt|start_time|end_time)\""
                    + " : \"[^\"]+\"",
                "\"$1\" : \"(time)\"")
            .replaceAll(
                "(\"%SRCROOT%\" : \\{\\s*\"uri\" : \")file:[^\"]+\"", "$1(the repository)\"")
            .replaceAll("<time datetime=\"[^\"]+\">[^<]+</time>", "<time>(time)</time>");
    if (format == ReportFormat.SARIF) {
      ReportFormatsTest.assertValidSarif(run.out());
    }
    if (Boolean.getBoolean("ecsguard.updateGolden")) {
      Files.writeString(file, output);
    }
    assertThat(output)
        .as(
            "%s changed; if that is intended, regenerate with -Decsguard.updateGolden=true and review the diff",
            file)
        .isEqualTo(Files.readString(file));
  }
}
