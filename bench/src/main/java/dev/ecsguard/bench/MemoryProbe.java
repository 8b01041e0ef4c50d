package dev.ecsguard.bench;

import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.Note;
import dev.ecsguard.engine.ScanListener;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whole-process memory check, run by bench/run in fresh JVMs: {@code generate DIR N} writes N
 * task-definition files; {@code scan DIR count|collect} scans them and prints the peak live heap
 * (sampled after full collections), either counting findings only or keeping them all as the CLI
 * does.
 */
public final class MemoryProbe {
  private MemoryProbe() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 3 && args[0].equals("generate")) {
      generate(Path.of(args[1]), Integer.parseInt(args[2]));
    } else if (args.length == 3 && args[0].equals("scan")) {
      scan(Path.of(args[1]), args[2].equals("collect"));
    } else {
      System.err.println("usage: MemoryProbe generate DIR N | scan DIR count|collect");
      System.exit(2);
    }
  }

  private static void generate(Path directory, int count) throws IOException {
    Files.createDirectories(directory);
    TaskDefinitionGenerator generator = new TaskDefinitionGenerator(7);
    for (int i = 0; i < count; i++) {
      Files.writeString(directory.resolve(String.format("task-%06d.json", i)), generator.next(i));
    }
  }

  private static void scan(Path directory, boolean keepFindings) {
    ScanListener kept = keepFindings ? new ScanResult() : new CountingListener();
    LiveHeapSampler sampler = new LiveHeapSampler(kept);
    new Scanner(Selection.defaults(), InputLimits.DEFAULT).scan(List.of(directory), sampler);
    sampler.sample();
    long findings =
        kept instanceof ScanResult result
            ? result.findings().size()
            : ((CountingListener) kept).findings;
    System.out.println("peakLiveHeapBytes=" + sampler.peak + " findings=" + findings);
  }

  /**
   * Every few hundred files, a full collection and a reading of what is left: the live set. (The
   * heap after a young collection also counts promoted garbage, which grows with work done.)
   */
  private static final class LiveHeapSampler implements ScanListener {
    private static final int EVERY_FILES = 250;
    private final ScanListener delegate;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private int files;
    long peak;

    LiveHeapSampler(ScanListener delegate) {
      this.delegate = delegate;
    }

    void sample() {
      System.gc();
      peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }

    @Override
    public void finding(Finding finding) {
      delegate.finding(finding);
    }

    @Override
    public void note(Note note) {
      delegate.note(note);
    }

    @Override
    public void error(InputException error) {
      delegate.error(error);
    }

    @Override
    public void fileScanned(String file, int resources) {
      delegate.fileScanned(file, resources);
      if (++files % EVERY_FILES == 0) {
        sample();
      }
    }
  }
}
