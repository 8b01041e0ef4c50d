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
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
  private final Display display;

  /** {@code display}: how progress is shown (on standard error), or null for not at all. */
  public AwsScan(AwsOptions options, Display display) {
    this.options = options;
    this.display = display;
  }

  /**
   * Scans, reporting to {@code listener} (which may filter on its way to {@code result}), and
   * records the API calls in {@code result}.
   */
  @Override
  public void scan(Scanner scanner, ScanListener listener, ScanResult result) {
    AwsSession session = new AwsSession(options);
    Progress progress = new Progress(display, session.calls());
    try (session) {
      List<Target> targets = session.targets(listener);
      if (targets.isEmpty()) {
        // Nothing scanned must not pass as nothing wrong.
        listener.error(
            new InputException("aws", "no account and region to scan, so nothing was checked"));
      }
      progress.targets(targets);
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

  /**
   * How a live scan shows its progress on standard error: a line redrawn in place (a terminal), or
   * a log line every {@code interval} (CI logs, where a redrawn line would pile up).
   *
   * @param clock what elapsed time, and so the ETA, is measured by (tests give a fixed one)
   */
  public record Display(PrintWriter out, boolean redrawn, Duration interval, InstantSource clock) {
    /** The log interval when standard error is not a terminal. */
    public static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    public static Display redrawn(PrintWriter out) {
      return new Display(out, true, Duration.ZERO, InstantSource.system());
    }

    public static Display logged(PrintWriter out, Duration interval) {
      return new Display(out, false, interval, InstantSource.system());
    }
  }

  /**
   * A scan's progress: accounts, account-regions done of all, resources described, calls, retries
   * and the time left at the pace so far; shown as its {@link Display} says, or nowhere (null).
   */
  public static final class Progress {
    private final Display display;
    private final ApiCalls calls;
    private final InstantSource clock;
    private final Instant start;
    private final AtomicInteger accounts = new AtomicInteger();
    private final AtomicInteger targets = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger resources = new AtomicInteger();
    private ScheduledExecutorService logger;

    public Progress(Display display, ApiCalls calls) {
      this.display = display;
      this.calls = calls;
      this.clock = display == null ? InstantSource.system() : display.clock();
      this.start = clock.instant();
    }

    synchronized void targets(List<Target> all) {
      accounts.set((int) all.stream().map(target -> target.account().id()).distinct().count());
      targets.set(all.size());
      if (display != null && !display.redrawn()) {
        // A timer, not the scan's events: a scan waiting on throttled calls still says so.
        logger =
            Executors.newSingleThreadScheduledExecutor(
                task -> {
                  Thread thread = new Thread(task, "ecsguard-progress");
                  thread.setDaemon(true);
                  return thread;
                });
        long every = Math.max(1, display.interval().toMillis());
        logger.scheduleAtFixedRate(this::log, every, every, TimeUnit.MILLISECONDS);
      }
      redraw();
    }

    void targetDone() {
      done.incrementAndGet();
      redraw();
    }

    void described(int count) {
      resources.addAndGet(count);
      redraw();
    }

    /** What progress was made so far, in one line. */
    String line() {
      int finished = done.get();
      int all = targets.get();
      return "ecsguard: "
          + accounts.get()
          + (accounts.get() == 1 ? " account, " : " accounts, ")
          + finished
          + "/"
          + all
          + " account-regions done, "
          + resources.get()
          + " resources described, "
          + calls.total()
          + " API calls, "
          + calls.retries()
          + " retries"
          + (finished == all ? "" : ", ETA " + eta(finished, all));
    }

    /** The time left if the remaining account-regions take as long as the finished ones did. */
    private String eta(int finished, int all) {
      if (finished == 0) {
        return "unknown";
      }
      Duration elapsed = Duration.between(start, clock.instant());
      long seconds = elapsed.multipliedBy(all - finished).dividedBy(finished).toSeconds();
      return seconds >= 3600
          ? seconds / 3600 + "h" + String.format("%02dm", seconds % 3600 / 60)
          : seconds >= 60
              ? seconds / 60 + "m" + String.format("%02ds", seconds % 60)
              : seconds + "s";
    }

    private synchronized void redraw() {
      if (display != null && display.redrawn()) {
        display.out().print("\r\033[K" + line());
        display.out().flush();
      }
    }

    private synchronized void log() {
      display.out().println(line());
      display.out().flush();
    }

    synchronized void done() {
      if (logger != null) {
        logger.shutdownNow();
      }
      if (display != null && display.redrawn()) {
        display.out().print("\r\033[K");
        display.out().flush();
      }
    }
  }
}
