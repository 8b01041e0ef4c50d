package dev.ecsguard.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * fix and aws ask the catalogue's remedies what to change and derive control ids from the controls:
 * no control id is written in their main code, so a new fixable control touches neither.
 */
class NoControlIdsTest {
  private static final Pattern CONTROL_ID = Pattern.compile("\"ECSG?\\.");

  @Test
  void fixAndAwsMainCodeNameNoControl() throws IOException {
    List<String> offenders = new java.util.ArrayList<>();
    for (Path root : List.of(Path.of("src/main/java"), Path.of("../aws/src/main/java"))) {
      assertThat(root).isDirectory();
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
          List<String> lines = Files.readAllLines(file);
          for (int i = 0; i < lines.size(); i++) {
            if (CONTROL_ID.matcher(lines.get(i)).find()) {
              offenders.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
  }
}
