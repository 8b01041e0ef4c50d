package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.input.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/**
 * The whole command on a hostile file beside a good one: whatever the bytes, the exit code is 0, 1
 * or 2, every error is one line naming its file, and the good file's findings are still reported.
 */
class ScanProperties {
  private static final String TASK =
      "{\"family\":\"good\",\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":true}]}";
  private static final List<String> SEEDS =
      List.of(
          "../examples/legacy-worker.json",
          "../examples/services.json",
          "../examples/terraform-plan.json",
          "../examples/cloudformation/web-stack.yaml",
          "../examples/terraform/main.tf");

  /**
   * A bundled example cut short at any point and ended with any text: what an editor or a broken
   * pipe leaves.
   */
  @Provide
  Arbitrary<byte[]> truncatedExamples() {
    return Combinators.combine(
            Arbitraries.of(SEEDS),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.strings().ofMaxLength(8))
        .as(
            (seed, fraction, tail) -> {
              byte[] bytes = read(seed);
              byte[] end = tail.getBytes(java.nio.charset.StandardCharsets.UTF_8);
              int keep = (int) (bytes.length * fraction);
              byte[] out = java.util.Arrays.copyOf(bytes, keep + end.length);
              System.arraycopy(end, 0, out, keep, end.length);
              return out;
            });
  }

  private static byte[] read(String file) {
    try {
      return Files.readAllBytes(Path.of(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of(
        InputFormat.allExtensions().stream()
            .map(extension -> "x" + extension)
            .toList()); // every format's files
  }

  @Property(tries = 40) // each try is a whole run: about 8 s in all
  void aHostileFileNeverCostsTheOthers(
      @ForAll("truncatedExamples") byte[] bytes, @ForAll("names") String name) throws IOException {
    Path directory = Files.createTempDirectory("ecsguard-scan");
    Path hostile = directory.resolve(name);
    Path good = directory.resolve("good/td.json");
    try {
      Files.write(hostile, bytes);
      Files.createDirectories(good.getParent());
      Files.writeString(good, TASK);
      Run run =
          Assertions.assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () -> Run.of("scan", "--no-config", "--controls", "ECS.4", directory.toString()));
      assertThat(run.exitCode()).isBetween(0, 2);
      assertThat(run.out()).contains(good + ":1:");
      assertThat(run.err().lines())
          .allSatisfy(line -> assertThat(line).startsWith(directory.toString()));
      assertThat(run.all()).doesNotContain("Exception", "internal error");
    } finally {
      Files.deleteIfExists(good);
      Files.deleteIfExists(good.getParent());
      Files.deleteIfExists(hostile);
      Files.deleteIfExists(directory);
    }
  }
}
