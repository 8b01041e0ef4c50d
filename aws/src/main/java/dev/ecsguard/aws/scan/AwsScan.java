package dev.ecsguard.aws.scan;

import dev.ecsguard.aws.session.ApiCalls;
import dev.ecsguard.aws.session.AwsOptions;
import dev.ecsguard.aws.session.AwsSession;
import dev.ecsguard.aws.session.AwsSession.Target;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.Note;
import dev.ecsguard.engine.ScanInput;
import dev.ecsguard.engine.ScanListener;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.tree.InputException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * A live scan: every account (the caller's, roles given, or an organization's) × every region,
 * concurrently within a bound, each read by an {@link EcsInventory}. Results are replayed in
 * account and region order, so that reports do not depend on timing. Whatever could not be read is
 * an error naming the call and AWS's error code, and its resources are UNKNOWN, never PASSED.
 *
 * <p>It is one input of a {@link dev.ecsguard.engine.ScanRequest}, which gives it the controls and
 * suppressions: {@code Engine.scan(ScanRequest.builder().input(new AwsScan(options,
 * null)).build())}.
 */
public final class AwsScan implements ScanInput {
  private final AwsOptions options;
  private final PrintWriter progressLine;

  /** {@code progress}: where a progress line goes (standard error on a terminal), or null. */
  public AwsScan(AwsOptions options, PrintWriter progress) {
    this.options = options;
    this.progressLine = progress;
  }

  /**
   * Scans, reporting to {@code listener} (which may filter on its way to {@code result}), and
   * records the API calls in {@code result}.
   */
  @Override
  public void scan(Scanner scanner, ScanListener listener, ScanResult result) {
    AwsSession session = new AwsSession(options);
    Progress progress = new Progress(progressLine, session.calls());
    try (session) {
      List<Target> targets = session.targets(listener);
      if (targets.isEmpty()) {
        // Nothing scanned must not pass as nothing wrong.
        listener.error(
            new InputException("aws", "no account and region to scan, so nothing was checked"));
      }
      progress.targets(targets.size());
      ExecutorService pool =
          Executors.newFixedThreadPool(
              Math.min(options.concurrency(), Math.max(1, targets.size())));
      try {
        List<Future<Recorded>> futures = new ArrayList<>();
        for (Target target : targets) {
          futures.add(pool.submit(() -> scan(scanner, session, target, progress)));
        }
        for (int i = 0; i < futures.size(); i++) {
          try {
            futures.get(i).get().replay(listener);
          } catch (ExecutionException e) {
            // One target's fault: its results are lost, the other targets' are kept.
            listener.error(
                new InputException(
                    targets.get(i).name(),
                    "ecsguard could not scan it (internal error "
                        + e.getCause().getClass().getSimpleName()
                        + "; please report it)"));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        listener.error(new InputException("aws", "the scan was interrupted; it is incomplete"));
      } finally {
        pool.shutdownNow();
      }
    } finally {
      progress.done();
      result.apiCalls(session.calls().byOperation());
    }
  }

  private static Recorded scan(
      Scanner scanner, AwsSession session, Target target, Progress progress) {
    Recorded recorded = new Recorded(target.name());
    try (EcsClient ecs = session.ecs(target)) {
      new EcsInventory(scanner, ecs, target, progress).read(recorded);
    }
    progress.targetDone();
    return recorded;
  }

  /** The labels every finding of {@code target} carries. */
  static Map<String, String> labels(Target target) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("account", target.account().id());
    labels.put("region", target.region());
    return labels;
  }

  /** One target's results, kept until they can be replayed in order. */
  static final class Recorded implements ScanListener {
    private final List<Consumer<ScanListener>> events = new ArrayList<>();
    private final String target;
    private int resources;

    Recorded(String target) {
      this.target = target;
    }

    @Override
    public void finding(Finding finding) {
      events.add(listener -> listener.finding(finding));
    }

    @Override
    public void note(Note note) {
      events.add(listener -> listener.note(note));
    }

    @Override
    public void error(InputException error) {
      events.add(listener -> listener.error(error));
    }

    /** Each response is a document; the scan counts account-regions instead. */
    @Override
    public void fileScanned(String file, int resourcesInFile) {
      resources += resourcesInFile;
    }

    void replay(ScanListener listener) {
      events.forEach(event -> event.accept(listener));
      listener.fileScanned(target, resources);
    }
  }

  /** The progress line: accounts × regions done, resources described, retries. */
  public static final class Progress {
    private final PrintWriter out;
    private final ApiCalls calls;
    private final AtomicInteger targets = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger resources = new AtomicInteger();

    public Progress(PrintWriter out, ApiCalls calls) {
      this.out = out;
      this.calls = calls;
    }

    void targets(int count) {
      targets.set(count);
      show();
    }

    void targetDone() {
      done.incrementAndGet();
      show();
    }

    void described(int count) {
      resources.addAndGet(count);
      show();
    }

    private synchronized void show() {
      if (out != null) {
        out.print(
            "\r\033[Kecsguard: "
                + done.get()
                + "/"
                + targets.get()
                + " account-regions, "
                + resources.get()
                + " resources described, "
                + calls.total()
                + " calls, "
                + calls.retries()
                + " retries");
        out.flush();
      }
    }

    synchronized void done() {
      if (out != null) {
        out.print("\r\033[K");
        out.flush();
      }
    }
  }
}
