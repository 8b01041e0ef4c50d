package dev.ecsguard.aws.scan;

import dev.ecsguard.aws.session.Arns;
import dev.ecsguard.aws.session.AwsCallException;
import dev.ecsguard.aws.session.AwsSession;
import dev.ecsguard.aws.session.Pages;
import dev.ecsguard.aws.session.SdkJson;
import dev.ecsguard.engine.ScanListener;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.Unreadable;
import dev.ecsguard.tree.Document;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.TaskSet;
import software.amazon.awssdk.services.ecs.model.TaskSetField;

/**
 * Reads one account's ECS resources in one region the way Security Hub evaluates them, with the
 * fewest calls: the latest ACTIVE revision of each family (one DescribeTaskDefinition per family,
 * by family name), clusters by 100 with settings and tags, services by 10 with tags (their task
 * sets come with them), capacity providers by page. Then each revision a service or task set runs
 * that is not among those latest revisions, once, by ARN (a deregistered one too): what the
 * workload really runs. Every list follows its pages ({@link Pages}), and whatever a describe
 * answer leaves out is UNKNOWN.
 */
public final class EcsInventory {
  private static final int CLUSTERS_PER_CALL = 100;
  private static final int SERVICES_PER_CALL = 10;

  private final Scanner scanner;
  private final EcsClient ecs;
  private final String account;
  private final String region;
  private final Map<String, String> labels;
  private final AwsScan.Progress progress;
  private final Consumer<SdkPojo> described;

  public EcsInventory(
      Scanner scanner, EcsClient ecs, AwsSession.Target target, AwsScan.Progress progress) {
    this(scanner, ecs, target, progress, response -> {});
  }

  /**
   * {@code described} also receives each response as it is scanned (a remediation plans from them),
   * in this order: the latest revision of each family, clusters and their services, the revisions
   * services and task sets run that are not the latest, capacity providers.
   */
  public EcsInventory(
      Scanner scanner,
      EcsClient ecs,
      AwsSession.Target target,
      AwsScan.Progress progress,
      Consumer<SdkPojo> described) {
    this.scanner = scanner;
    this.ecs = ecs;
    this.account = target.account().id();
    this.region = target.region();
    this.labels = AwsScan.labels(target);
    this.progress = progress;
    this.described = described;
  }

  /** Reads and scans everything; the client stays open for the caller. */
  public void read(ScanListener listener) {
    Set<String> described = taskDefinitions(listener);
    Set<String> running = new LinkedHashSet<>();
    for (String cluster : clusters(listener)) {
      services(cluster, listener, running);
    }
    runningRevisions(running, described, listener);
    capacityProviders(List.of(), listener);
  }

  /**
   * Reads and scans one task definition revision (a family's name: its latest ACTIVE revision),
   * what a CloudTrail event names.
   */
  public void readTaskDefinition(String taskDefinition, ScanListener listener) {
    String id =
        taskDefinition.startsWith("arn:")
            ? taskDefinition
            : "arn:aws:ecs:" + region + ":" + account + ":task-definition/" + taskDefinition;
    DescribeTaskDefinitionResponse response = describe(taskDefinition, id, listener);
    if (response != null) {
      scanTaskDefinition(response, listener);
    }
  }

  /**
   * Reads and scans the named services of {@code cluster} (a name or an ARN) and the revisions they
   * run, as the whole read does each cluster's.
   */
  public void readServices(String cluster, List<String> services, ScanListener listener) {
    Set<String> running = new LinkedHashSet<>();
    describeServices(cluster, services, listener, running);
    runningRevisions(running, Set.of(), listener);
  }

  /**
   * Reads and scans the named task sets of a service ({@code taskSets} empty: every one of them)
   * and the revisions they run.
   */
  public void readTaskSets(
      String cluster, String service, List<String> taskSets, ScanListener listener) {
    DescribeTaskSetsResponse response;
    try {
      response =
          ecs.describeTaskSets(
              r -> {
                r.cluster(cluster).service(service).include(TaskSetField.TAGS);
                if (!taskSets.isEmpty()) {
                  r.taskSets(taskSets);
                }
              });
    } catch (RuntimeException e) {
      AwsCallException failure = AwsCallException.of("ecs:DescribeTaskSets", e);
      (taskSets.isEmpty() ? List.of(service) : taskSets)
          .forEach(id -> unreadable(listener, ResourceType.TASK_SET, id, failure));
      return;
    }
    failures(response.failures(), ResourceType.TASK_SET, "ecs:DescribeTaskSets", listener);
    leftOut(
        taskSets,
        response.taskSets().stream().map(TaskSet::taskSetArn).toList(),
        response.failures(),
        ResourceType.TASK_SET,
        "ecs:DescribeTaskSets",
        listener);
    List<TaskSet> described =
        response.taskSets().stream()
            .map(
                taskSet ->
                    taskSet.hasTags() ? taskSet : taskSet.toBuilder().tags(List.of()).build())
            .toList();
    progress.described(described.size());
    scan(
        "ecs:DescribeTaskSets",
        response.toBuilder().taskSets(described).failures(List.of()).build(),
        listener);
    Set<String> running = new LinkedHashSet<>();
    described.stream()
        .map(TaskSet::taskDefinition)
        .filter(java.util.Objects::nonNull)
        .forEach(running::add);
    runningRevisions(running, Set.of(), listener);
  }

  /** Reads and scans the named clusters (names or ARNs). */
  public void readClusters(List<String> clusters, ScanListener listener) {
    describeClusters(clusters, listener);
  }

  /** Reads and scans the named capacity providers (names or ARNs). */
  public void readCapacityProviders(List<String> capacityProviders, ScanListener listener) {
    capacityProviders(capacityProviders, listener);
  }

  /**
   * Returns the {@code family:revision} of each revision described, and the name of each family
   * that could not be.
   */
  private Set<String> taskDefinitions(ScanListener listener) {
    Set<String> described = new HashSet<>();
    Set<String> families = new LinkedHashSet<>();
    listing(
        "ecs:ListTaskDefinitionFamilies",
        "task definitions",
        listener,
        families,
        token ->
            ecs.listTaskDefinitionFamilies(
                r -> r.status(TaskDefinitionFamilyStatus.ACTIVE).nextToken(token)),
        ListTaskDefinitionFamiliesResponse::nextToken,
        ListTaskDefinitionFamiliesResponse::families);
    for (String family : families) {
      String id = "arn:aws:ecs:" + region + ":" + account + ":task-definition/" + family;
      // By family name, AWS answers with the latest ACTIVE revision: one call per family.
      DescribeTaskDefinitionResponse response = describe(family, id, listener);
      if (response == null) {
        described.add(family);
        continue;
      }
      if (response.taskDefinition().status() != TaskDefinitionStatus.ACTIVE) {
        continue; // an endpoint that answers with another revision: AWS evaluates ACTIVE ones only
      }
      described.add(Arns.name(response.taskDefinition().taskDefinitionArn()));
      scanTaskDefinition(response, listener);
    }
    return described;
  }

  /**
   * Describes, once each, the revisions services and task sets run that are not among the {@code
   * described} latest revisions: a service keeps running the revision it was deployed with. One
   * that cannot be read is UNKNOWN naming the call, as any resource a describe fails on. A family
   * whose latest revision could not be read is UNKNOWN already, its revisions not asked for again.
   */
  private void runningRevisions(Set<String> running, Set<String> described, ScanListener listener) {
    for (String arn : running) {
      String revision = Arns.name(arn);
      if (described.contains(revision)
          || described.contains(revision.substring(0, Math.max(0, revision.indexOf(':'))))) {
        continue;
      }
      // By ARN: AWS describes a deregistered (INACTIVE) revision too, which services may still
      // run.
      DescribeTaskDefinitionResponse response = describe(arn, arn, listener);
      if (response != null) {
        scanTaskDefinition(response, listener);
      }
    }
  }

  /**
   * DescribeTaskDefinition of {@code taskDefinition} (a family or an ARN) with its tags, counted;
   * null when the call fails or answers without one, the resource {@code id} then UNKNOWN naming
   * the call.
   */
  private DescribeTaskDefinitionResponse describe(
      String taskDefinition, String id, ScanListener listener) {
    DescribeTaskDefinitionResponse response;
    try {
      response =
          ecs.describeTaskDefinition(
              r -> r.taskDefinition(taskDefinition).include(TaskDefinitionField.TAGS));
    } catch (RuntimeException e) {
      unreadable(
          listener,
          ResourceType.TASK_DEFINITION,
          id,
          AwsCallException.of("ecs:DescribeTaskDefinition", e));
      return null;
    }
    progress.described(1);
    if (response.taskDefinition() == null) {
      notReturned(listener, ResourceType.TASK_DEFINITION, id, "ecs:DescribeTaskDefinition");
      return null;
    }
    return response;
  }

  private void scanTaskDefinition(DescribeTaskDefinitionResponse response, ScanListener listener) {
    scan(
        "ecs:DescribeTaskDefinition",
        response.hasTags() ? response : response.toBuilder().tags(List.of()).build(),
        listener);
  }

  /**
   * The revisions {@code service} runs: its own, each PRIMARY or ACTIVE deployment's, each task
   * set's.
   */
  private static void runningRevisions(Service service, Set<String> running) {
    if ("INACTIVE".equals(service.status())) {
      return; // deleted: it runs nothing, and is not evaluated
    }
    if (service.taskDefinition() != null) {
      running.add(service.taskDefinition());
    }
    service.deployments().stream()
        .filter(d -> "PRIMARY".equals(d.status()) || "ACTIVE".equals(d.status()))
        .map(Deployment::taskDefinition)
        .filter(java.util.Objects::nonNull)
        .forEach(running::add);
    service.taskSets().stream()
        .map(TaskSet::taskDefinition)
        .filter(java.util.Objects::nonNull)
        .forEach(running::add);
  }

  private List<String> clusters(ScanListener listener) {
    Set<String> arns = new LinkedHashSet<>();
    listing(
        "ecs:ListClusters",
        "clusters, and so their services and task sets",
        listener,
        arns,
        token -> ecs.listClusters(r -> r.nextToken(token)),
        ListClustersResponse::nextToken,
        ListClustersResponse::clusterArns);
    return describeClusters(List.copyOf(arns), listener);
  }

  /**
   * Describes and scans the {@code named} clusters by 100; returns those whose services may be read
   * (not INACTIVE, or not readable themselves).
   */
  private List<String> describeClusters(List<String> named, ScanListener listener) {
    List<String> active = new ArrayList<>();
    for (List<String> batch : batches(named, CLUSTERS_PER_CALL)) {
      DescribeClustersResponse response;
      try {
        response =
            ecs.describeClusters(
                r -> r.clusters(batch).include(ClusterField.SETTINGS, ClusterField.TAGS));
      } catch (RuntimeException e) {
        AwsCallException failure = AwsCallException.of("ecs:DescribeClusters", e);
        batch.forEach(arn -> unreadable(listener, ResourceType.CLUSTER, arn, failure));
        active.addAll(batch); // their services may still be readable
        continue;
      }
      failures(response.failures(), ResourceType.CLUSTER, "ecs:DescribeClusters", listener);
      progress.described(response.clusters().size());
      List<Cluster> clusters =
          response.clusters().stream()
              .map(c -> c.hasTags() ? c : c.toBuilder().tags(List.of()).build())
              .toList();
      scan(
          "ecs:DescribeClusters",
          response.toBuilder().clusters(clusters).failures(List.of()).build(),
          listener);
      clusters.stream()
          .filter(c -> !"INACTIVE".equals(c.status()))
          .forEach(c -> active.add(c.clusterArn()));
      // Their services may still be readable, as after a failed call.
      active.addAll(
          leftOut(
              batch,
              clusters.stream().map(Cluster::clusterArn).toList(),
              response.failures(),
              ResourceType.CLUSTER,
              "ecs:DescribeClusters",
              listener));
    }
    return active;
  }

  /** Reads the services of {@code cluster}, adding the revisions they run to {@code running}. */
  private void services(String cluster, ScanListener listener, Set<String> running) {
    Set<String> arns = new LinkedHashSet<>();
    listing(
        "ecs:ListServices",
        "services of " + cluster + ", and so their task sets",
        listener,
        arns,
        token -> ecs.listServices(r -> r.cluster(cluster).nextToken(token)),
        ListServicesResponse::nextToken,
        ListServicesResponse::serviceArns);
    describeServices(cluster, List.copyOf(arns), listener, running);
  }

  /**
   * Describes and scans the {@code named} services of {@code cluster} by 10, adding the revisions
   * they run to {@code running}.
   */
  private void describeServices(
      String cluster, List<String> named, ScanListener listener, Set<String> running) {
    for (List<String> batch : batches(named, SERVICES_PER_CALL)) {
      DescribeServicesResponse response;
      try {
        response =
            ecs.describeServices(
                r -> r.cluster(cluster).services(batch).include(ServiceField.TAGS));
      } catch (RuntimeException e) {
        AwsCallException failure = AwsCallException.of("ecs:DescribeServices", e);
        batch.forEach(arn -> unreadable(listener, ResourceType.SERVICE, arn, failure));
        continue;
      }
      failures(response.failures(), ResourceType.SERVICE, "ecs:DescribeServices", listener);
      leftOut(
          batch,
          response.services().stream().map(Service::serviceArn).toList(),
          response.failures(),
          ResourceType.SERVICE,
          "ecs:DescribeServices",
          listener);
      List<Service> services =
          response.services().stream()
              .filter(
                  // by name: the cluster may be given as either
                  service ->
                      service.clusterArn() == null
                          || Arns.name(cluster).equals(Arns.name(service.clusterArn())))
              .map(
                  service ->
                      service.hasTags() ? service : service.toBuilder().tags(List.of()).build())
              .toList();
      progress.described(services.size());
      services.forEach(service -> runningRevisions(service, running));
      scan(
          "ecs:DescribeServices",
          response.toBuilder().services(services).failures(List.of()).build(),
          listener);
    }
  }

  /** The named capacity providers ({@code names} empty: every one), every page. */
  private void capacityProviders(List<String> names, ScanListener listener) {
    List<CapacityProvider> providers = new ArrayList<>();
    List<Failure> failed = new ArrayList<>();
    listing(
        "ecs:DescribeCapacityProviders",
        "capacity providers",
        listener,
        providers,
        token -> {
          DescribeCapacityProvidersResponse page =
              ecs.describeCapacityProviders(
                  r -> {
                    r.include(CapacityProviderField.TAGS).nextToken(token);
                    if (!names.isEmpty()) {
                      r.capacityProviders(names);
                    }
                  });
          failures(
              page.failures(),
              ResourceType.CAPACITY_PROVIDER,
              "ecs:DescribeCapacityProviders",
              listener);
          failed.addAll(page.failures());
          return page;
        },
        DescribeCapacityProvidersResponse::nextToken,
        DescribeCapacityProvidersResponse::capacityProviders);
    leftOut(
        names,
        providers.stream().map(CapacityProvider::capacityProviderArn).toList(),
        failed,
        ResourceType.CAPACITY_PROVIDER,
        "ecs:DescribeCapacityProviders",
        listener);
    progress.described(providers.size());
    scan(
        "ecs:DescribeCapacityProviders",
        DescribeCapacityProvidersResponse.builder().capacityProviders(providers).build(),
        listener);
  }

  /**
   * Follows a listing's pages into {@code items}. A listing cut short (a failed call, a token
   * handed back again) is an error that makes the scan incomplete; what its pages named is still
   * read.
   */
  private <P, T> void listing(
      String call,
      String what,
      ScanListener listener,
      java.util.Collection<? super T> items,
      Pages.Fetch<P> fetch,
      Function<P, String> nextToken,
      Function<P, ? extends java.util.Collection<? extends T>> named) {
    int before = items.size();
    try {
      Pages.follow(
          call,
          token -> {
            try {
              return fetch.page(token);
            } catch (RuntimeException e) {
              throw AwsCallException.of(call, e);
            }
          },
          nextToken,
          page -> items.addAll(named.apply(page)));
    } catch (AwsCallException failure) {
      listener.error(
          new InputException(
              "aws://" + account + "/" + region + "/" + call,
              call
                  + " failed ("
                  + failure.code()
                  + "): the "
                  + what
                  + " in "
                  + region
                  + " of account "
                  + account
                  + " were not "
                  + (items.size() > before ? "all " : "")
                  + "read"));
    }
  }

  /** Resources AWS named but could not describe: UNKNOWN, with AWS's reason. */
  private void failures(
      List<Failure> failures, ResourceType type, String call, ScanListener listener) {
    for (Failure failure : failures) {
      if (failure.arn() != null && !"MISSING".equals(failure.reason())) {
        unreadable(
            listener,
            type,
            failure.arn(),
            new AwsCallException(call, String.valueOf(failure.reason())));
      }
    }
  }

  private void scan(String call, SdkPojo response, ScanListener listener) {
    described.accept(response);
    Document document = SdkJson.document("aws://" + account + "/" + region + "/" + call, response);
    scanner.scan(document, labels, listener);
  }

  /**
   * The requested resources a describe answer neither returned nor listed among its failures:
   * UNKNOWN, never dropped. Returns them. Names are compared, since an ARN may come in either
   * format.
   */
  private List<String> leftOut(
      List<String> requested,
      List<String> returned,
      List<Failure> failures,
      ResourceType type,
      String call,
      ScanListener listener) {
    Set<String> answered = new HashSet<>();
    returned.forEach(arn -> answered.add(Arns.name(arn)));
    failures.forEach(failure -> answered.add(Arns.name(failure.arn())));
    List<String> missing =
        requested.stream().filter(arn -> !answered.contains(Arns.name(arn))).toList();
    missing.forEach(arn -> notReturned(listener, type, arn, call));
    return missing;
  }

  private void notReturned(ScanListener listener, ResourceType type, String id, String call) {
    unreadable(
        listener, type, id, call, "did not return it (neither described nor among its failures)");
  }

  private void unreadable(
      ScanListener listener, ResourceType type, String id, AwsCallException failure) {
    unreadable(listener, type, id, failure.call(), "failed (" + failure.code() + ")");
  }

  /**
   * A resource that could not be read: UNKNOWN for every control, and an error naming the call and
   * what went wrong.
   */
  private void unreadable(
      ScanListener listener, ResourceType type, String id, String call, String problem) {
    Node origin = Node.newDocument("aws://" + account + "/" + region + "/" + call, 0, 0);
    scanner.evaluate(
        Unreadable.of(type, id, origin, call + " " + problem + ", so it could not be read"),
        labels,
        listener);
    listener.fileScanned(id, 1); // counted as a resource of its account-region
    listener.error(new InputException(id, call + " " + problem + ": its controls are UNKNOWN"));
  }

  private static <T> List<List<T>> batches(List<T> items, int size) {
    List<List<T>> batches = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      batches.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return batches;
  }
}
