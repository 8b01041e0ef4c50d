package dev.ecsguard.bench;

import dev.ecsguard.engine.Scanner;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parses and evaluates 10,000 generated task definitions with the controls of {@code standard}
 * (every active control by default; {@code securityhub}: Security Hub's only, the set before
 * ecsguard's own were added); the score is task definitions per second on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ScanBenchmark {
  static final int TASK_DEFINITIONS = 10_000;

  private List<byte[]> documents;
  private final DocumentReader reader = new DocumentReader(InputLimits.DEFAULT);
  private Scanner scanner;

  @Param({"all", "securityhub"})
  public String standard;

  @Setup
  public void generate() {
    documents = new TaskDefinitionGenerator(42).generate(TASK_DEFINITIONS);
    scanner =
        new Scanner(
            Selection.of(Selection.standards(standard), List.of(), List.of(), Map.of()),
            InputLimits.DEFAULT);
  }

  @Benchmark
  @OperationsPerInvocation(TASK_DEFINITIONS)
  public long scanTaskDefinitions() throws InputException {
    CountingListener listener = new CountingListener();
    for (int i = 0; i < documents.size(); i++) {
      scanner.scan(reader.read(documents.get(i), "generated.json"), listener);
    }
    return listener.findings;
  }
}
