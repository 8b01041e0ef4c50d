package dev.ecsguard.bench;

import dev.ecsguard.engine.Scanner;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.tree.InputLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scans a Terraform root with the local modules it calls (read, parse, evaluate, every active
 * control), warm; the score is milliseconds a scan, against a target of 1,000 ms. {@code tree} is
 * the directory (relative to the project's root, where bench/run runs): by default the test fixture
 * written in the shape of terraform-aws-modules/terraform-aws-ecs; {@code -p tree=DIR} measures
 * another, the real repository's checkout say.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class TerraformModulesBenchmark {
  @Param("core/src/test/resources/dev/ecsguard/format/terraform/ecs-modules")
  public String tree;

  private Path directory;
  private final Scanner scanner = new Scanner(Selection.defaults(), InputLimits.DEFAULT);

  @Setup
  public void locate() {
    directory = Path.of(tree).toAbsolutePath();
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException(
          directory + " is not a directory (run from the project root)");
    }
  }

  @Benchmark
  public long scanRootAndModules() {
    CountingListener listener = new CountingListener();
    scanner.scan(List.of(directory), listener);
    if (listener.errors > 0) {
      throw new IllegalStateException(listener.errors + " errors scanning " + directory);
    }
    return listener.findings;
  }
}
