package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every report format's output for the bundled examples, kept in src/test/resources/golden so
 * that any change to a public format shows up in review. Regenerate after an intended change:
 * {@code mvn test -pl cli -am -Decsguard.updateGolden=true}.
 */
class GoldenReportTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @ParameterizedTest(name = "{0}")
  @CsvSource({"examples.json, json", "examples.txt, text", "examples.sarif, sarif", "examples.junit.xml, junit", "examples.md, markdown", "examples.csv, csv", "examples.asff.json, asff", "examples.html, html"})
  void reportOfTheExamplesIsUnchanged(String golden, String format) throws IOException {
    Run run = Run.of("scan", "--verbose", "--format", format, "../examples");
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED.code());
    Path file = GOLDEN.resolve(golden);
    // Timestamps are the only part of a report that changes from run to run.
    String output = run.out().replaceAll("\"(CreatedAt|UpdatedAt)\" : \"[^\"]+\"", "\"$1\" : \"(time)\"");
    if (Boolean.getBoolean("ecsguard.updateGolden")) {
      Files.writeString(file, output);
    }
    assertThat(output)
        .as("%s changed; if that is intended, regenerate with -Decsguard.updateGolden=true and review the diff", file)
        .isEqualTo(Files.readString(file));
  }
}
