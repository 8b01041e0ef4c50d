package dev.ecsguard.aws;

import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.Note;
import dev.ecsguard.engine.ScanListener;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.Unreadable;
import dev.ecsguard.source.InputException;
import dev.ecsguard.source.Node;
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
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * A live scan: every account (the caller's, roles given, or an organization's) × every region,
 * concurrently within a bound, each read by an {@link EcsInventory}. Results are replayed in
 * account and region order, so that reports do not depend on timing. Whatever could not be read is
 * an error naming the call and AWS's error code, and its resources are UNKNOWN, never PASSED.
 */
public final class AwsScan {
  private final Scanner scanner;
  private final AwsScanOptions options;
  private final ApiCalls calls = new ApiCalls();
  private final SdkHttpClient http = UrlConnectionHttpClient.create();
  private final SignedCalls signedCalls;
  private final Progress progress;

  /** {@code progress}: where a progress line goes (standard error on a terminal), or null. */
  public AwsScan(Scanner scanner, AwsScanOptions options, PrintWriter progress) {
    this.scanner = scanner;
    this.options = options;
    this.signedCalls = new SignedCalls(http, options.endpoint(), calls);
    this.progress = new Progress(progress, calls);
  }

  /** Scans and reports into {@code result}, its API calls included. */
  public void run(ScanResult result) {
    run(result, result);
  }

  /** Scans, reporting to {@code listener} (which may filter on its way to {@code result}), and records the API calls in {@code result}. */
  public void run(ScanListener listener, ScanResult result) {
    try {
      List<Account> accounts = accounts(listener);
      List<Target> targets = new ArrayList<>();
      for (Account account : accounts) {
        for (String region : regions(account, listener)) {
          targets.add(new Target(account, region));
        }
      }
      if (targets.isEmpty()) {
        // Nothing scanned must not pass as nothing wrong.
        listener.error(new InputException("aws", "no account and region to scan, so nothing was checked"));
      }
      progress.targets(targets.size());
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.concurrency(), Math.max(1, targets.size())));
      try {
        List<Future<Recorded>> futures = new ArrayList<>();
        for (Target target : targets) {
          futures.add(pool.submit(() -> scan(target)));
        }
        for (int i = 0; i < futures.size(); i++) {
          try {
            futures.get(i).get().replay(listener);
          } catch (ExecutionException e) {
            // One target's fault: its results are lost, the other targets' are kept.
            Target target = targets.get(i);
            listener.error(new InputException("aws://" + target.account().id() + "/" + target.region(),
                "ecsguard could not scan it (internal error " + e.getCause().getClass().getSimpleName() + "; please report it)"));
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
      result.apiCalls(calls.byOperation());
      http.close();
    }
  }

  private Recorded scan(Target target) {
    Recorded recorded = new Recorded("aws://" + target.account().id() + "/" + target.region());
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("account", target.account().id());
    labels.put("region", target.region());
    new EcsInventory(scanner, client(target), target.account().id(), target.region(), labels, progress).read(recorded);
    progress.targetDone();
    return recorded;
  }

  private software.amazon.awssdk.services.ecs.EcsClient client(Target target) {
    return configure(software.amazon.awssdk.services.ecs.EcsClient.builder(), target.account().credentials(), target.region()).build();
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder, AwsCredentialsProvider credentials, String region) {
    builder
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                // Adaptive: under throttling, calls slow down instead of failing.
                .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(options.maxAttempts()).build())
                .addExecutionInterceptor(calls)
                .build());
    if (options.endpoint() != null) {
      builder.endpointOverride(options.endpoint());
    }
    if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
      sync.httpClient(http);
    }
    return builder;
  }

  /** The caller's account; each role given; or each active account of the organization. */
  private List<Account> accounts(ScanListener result) {
    AwsCredentialsProvider base =
        options.profile() != null ? ProfileCredentialsProvider.create(options.profile()) : DefaultCredentialsProvider.builder().build();
    String homeRegion = homeRegion();
    List<Account> accounts = new ArrayList<>();
    StsClient sts = configure(StsClient.builder(), base, homeRegion).build();
    if (options.organization()) {
      try {
        String self = accountOf(sts, "the caller");
        for (String id : signedCalls.activeAccounts(base)) {
          accounts.add(id.equals(self) ? new Account(id, base) : assumed(sts, "arn:aws:iam::" + id + ":role/" + options.organizationRole(), id));
        }
      } catch (AwsCallException e) {
        result.error(new InputException(e.call(), "cannot list the organization's accounts (" + e.code() + "); nothing was scanned"));
      }
    } else if (!options.roleArns().isEmpty()) {
      for (String role : options.roleArns()) {
        String id = role.split(":").length > 4 ? role.split(":")[4] : role;
        accounts.add(assumed(sts, role, id));
      }
    } else {
      try {
        accounts.add(new Account(accountOf(sts, "the caller"), base));
      } catch (AwsCallException e) {
        result.error(new InputException(e.call(), "cannot tell who the credentials belong to (" + e.code() + "); nothing was scanned"));
      }
    }
    return accounts;
  }

  private Account assumed(StsClient sts, String roleArn, String accountId) {
    StsAssumeRoleCredentialsProvider credentials =
        StsAssumeRoleCredentialsProvider.builder()
            .stsClient(sts)
            .refreshRequest(r -> r.roleArn(roleArn).roleSessionName("ecsguard-scan"))
            .asyncCredentialUpdateEnabled(false)
            .build();
    return new Account(accountId, credentials);
  }

  private static String accountOf(StsClient sts, String who) throws AwsCallException {
    try {
      return sts.getCallerIdentity().account();
    } catch (RuntimeException e) {
      throw AwsCallException.of("sts:GetCallerIdentity", e);
    }
  }

  private List<String> regions(Account account, ScanListener result) {
    if (!options.regions().isEmpty()) {
      return options.regions();
    }
    try {
      return signedCalls.enabledRegions(account.credentials(), homeRegion());
    } catch (AwsCallException e) {
      result.error(new InputException(e.call(), "cannot list the regions enabled for account " + account.id() + " (" + e.code()
          + "); give them with --region; account " + account.id() + " was not scanned"));
      return List.of();
    } catch (RuntimeException e) {
      result.error(new InputException("ec2:DescribeRegions", "cannot list the regions enabled for account " + account.id() + " ("
          + AwsCallException.describe(e) + "); give them with --region; account " + account.id() + " was not scanned"));
      return List.of();
    }
  }

  /** Where account-wide calls go: the configured region, else us-east-1. */
  private String homeRegion() {
    try {
      return DefaultAwsRegionProviderChain.builder().profileName(options.profile()).build().getRegion().id();
    } catch (RuntimeException e) {
      return options.regions().isEmpty() ? "us-east-1" : options.regions().get(0);
    }
  }

  private record Account(String id, AwsCredentialsProvider credentials) {}

  private record Target(Account account, String region) {}

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
  static final class Progress {
    private final PrintWriter out;
    private final ApiCalls calls;
    private final AtomicInteger targets = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger resources = new AtomicInteger();

    Progress(PrintWriter out, ApiCalls calls) {
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
        out.print("\r\033[Kecsguard: " + done.get() + "/" + targets.get() + " account-regions, " + resources.get() + " resources described, "
            + calls.total() + " calls, " + calls.retries() + " retries");
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

  static void unreadable(ScanListener listener, Scanner scanner, ResourceType type, String id, String account, String region,
      Map<String, String> labels, AwsCallException failure) {
    Node origin = Node.newDocument("aws://" + account + "/" + region + "/" + failure.call(), 0, 0);
    String reason = failure.call() + " failed (" + failure.code() + "), so it could not be read";
    scanner.evaluate(Unreadable.of(type, id, origin, reason), labels, listener);
    listener.fileScanned(id, 1); // counted as a resource of its account-region
    listener.error(new InputException(id, failure.call() + " failed (" + failure.code() + "): its controls are UNKNOWN"));
  }
}
