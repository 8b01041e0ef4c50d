package dev.ecsguard.aws.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.aws.remediation.Change.RegisterRevision;
import dev.ecsguard.aws.remediation.Change.UpdateCapacityProvider;
import dev.ecsguard.aws.remediation.Change.UpdateCluster;
import dev.ecsguard.aws.remediation.Change.UpdateService;
import dev.ecsguard.aws.scan.AwsScan;
import dev.ecsguard.aws.scan.EcsInventory;
import dev.ecsguard.aws.session.Arns;
import dev.ecsguard.aws.session.AwsCallException;
import dev.ecsguard.aws.session.AwsOptions;
import dev.ecsguard.aws.session.AwsSession;
import dev.ecsguard.aws.session.AwsSession.Target;
import dev.ecsguard.aws.session.CallOutcome;
import dev.ecsguard.aws.session.JsonTrees;
import dev.ecsguard.aws.session.Pages;
import dev.ecsguard.aws.session.SdkJson;
import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;
import dev.ecsguard.control.RemedyOptions;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.engine.Suppressing;
import dev.ecsguard.engine.Suppression;
import dev.ecsguard.fix.FileFix;
import dev.ecsguard.fix.shared.AwsCliJson;
import dev.ecsguard.fix.shared.FixResult;
import dev.ecsguard.fix.shared.Hardening;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.tree.InputException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * Fixes what a live scan finds, the way {@code ecsguard fix} fixes files: for each failing latest
 * revision, a hardened revision registered from the described one; every service of that family
 * moved to it with a new deployment; service, cluster and capacity-provider settings changed as
 * their controls say. {@link #plan()} only reads; {@link #apply} makes exactly the planned changes,
 * records each in a {@link Journal} before and after its call, and stops at the first failure.
 * Nothing is ever deregistered or deleted.
 */
public final class Remediation implements AutoCloseable {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * What a remediation would do: the changes in order, what it leaves to the user, what it could
   * not read.
   */
  public record Plan(
      List<Change> changes,
      List<String> instructions,
      Map<String, Integer> remaining,
      List<InputException> errors,
      Map<String, Long> apiCalls) {}

  /**
   * What {@link #apply} did: each change it made, in order, and the failure that stopped it, if
   * any.
   */
  public record Outcome(List<String> done, String failure) {
    public boolean complete() {
      return failure == null;
    }
  }

  private final Scanner scanner;
  private final RemedyOptions choices;
  private final List<Suppression> suppressions;
  private final Function<ResourceType, List<Remedy>> remedies;
  private final AwsSession session;
  private final Map<Target, EcsClient> clients = new HashMap<>();

  /**
   * {@code choices}: as for files; the awslogs region is each account-region's own. A FAILED
   * finding one of {@code suppressions} accepts is left as it is.
   */
  public Remediation(
      Scanner scanner, AwsOptions options, RemedyOptions choices, List<Suppression> suppressions) {
    this(scanner, options, choices, suppressions, Catalogue::remedies);
  }

  /** As above, with the remedies each resource type gets (the catalogue's, but in tests). */
  Remediation(
      Scanner scanner,
      AwsOptions options,
      RemedyOptions choices,
      List<Suppression> suppressions,
      Function<ResourceType, List<Remedy>> remedies) {
    this.scanner = scanner;
    this.choices = choices;
    this.suppressions = List.copyOf(suppressions);
    this.remedies = remedies;
    this.session = new AwsSession(options);
  }

  /** Reads every account-region and plans; makes no change. */
  public Plan plan() {
    ScanResult errors = new ScanResult();
    List<Change> changes = new ArrayList<>();
    List<String> instructions = new ArrayList<>();
    Map<String, Integer> remaining = new TreeMap<>(Catalogue.ORDER);
    List<Target> targets = session.targets(errors);
    if (targets.isEmpty() && errors.errors().isEmpty()) {
      errors.error(
          new InputException("aws", "no account and region to fix, so nothing was checked"));
    }
    for (Target target : targets) {
      new TargetPlan(target).plan(errors, changes, instructions, remaining);
    }
    return new Plan(
        List.copyOf(changes),
        List.copyOf(instructions),
        remaining,
        errors.errors(),
        session.calls().byOperation());
  }

  /**
   * Makes the plan's changes in order, journalling each; stops at the first failure. With {@code
   * wait}, then waits up to that long for each updated service to reach a steady state.
   */
  public Outcome apply(Plan plan, Journal journal, Duration wait, Consumer<String> progress) {
    Map<String, String> hardened =
        new HashMap<>(); // family (per account-region) → the registered revision's ARN
    List<Settling> updatedServices = new ArrayList<>();
    List<String> done = new ArrayList<>();
    for (Change change : plan.changes()) {
      ObjectNode entry;
      try {
        entry = journal.started(change);
      } catch (java.io.UncheckedIOException e) {
        return new Outcome(done, e.getMessage() + "; stopped before " + change.describe());
      }
      try {
        String result = execute(change, hardened, entry, journal);
        try {
          journal.done(entry);
        } catch (java.io.UncheckedIOException e) {
          return new Outcome(
              done, change.describe() + " was made, but " + e.getMessage() + "; stopped there");
        }
        done.add(change.describe() + (result == null ? "" : ": " + result));
        progress.accept("done: " + change.describe() + (result == null ? "" : ": " + result));
        if (change instanceof UpdateService update) {
          updatedServices.add(
              new Settling(
                  update.target(),
                  update.cluster(),
                  update.service(),
                  entry.path("after").path("taskDefinition").asText(null)));
        }
      } catch (RuntimeException e) {
        boolean unknown = CallOutcome.unknown(e);
        String failure =
            change.describe()
                + ": "
                + callOf(change)
                + " failed ("
                + AwsCallException.describe(e)
                + ")"
                + (unknown
                    ? " after the request may have reached AWS: its outcome is unknown"
                    : "");
        if (unknown && change instanceof RegisterRevision register) {
          recordRevisions(ecs(register.target()), register, entry);
        }
        try {
          journal.failed(entry, failure, unknown);
          journal.stopped();
        } catch (java.io.UncheckedIOException journalling) {
          failure += "; and " + journalling.getMessage();
        }
        return new Outcome(
            done, failure + "; stopped there: the changes before it are made and journalled");
      }
    }
    journal.complete();
    List<String> unsteady = new ArrayList<>();
    if (wait != null) {
      for (Settling service : updatedServices) {
        String failure =
            untilStable(
                ecs(service.target()),
                service.cluster(),
                service.service(),
                service.taskDefinition(),
                wait);
        if (failure == null) {
          progress.accept(
              "steady: service "
                  + Arns.name(service.cluster())
                  + "/"
                  + Arns.name(service.service()));
        } else {
          unsteady.add(failure); // the others are still waited for
        }
      }
    }
    return new Outcome(
        done,
        unsteady.isEmpty()
            ? null
            : String.join("; ", unsteady)
                + "; the changes are made and journalled, the deployments go on");
  }

  /**
   * A service updated, and the revision it should settle on (null: its revision did not change).
   */
  private record Settling(Target target, String cluster, String service, String taskDefinition) {}

  /**
   * Waits for a service's deployment to settle on {@code taskDefinition} (when not null); returns
   * null when it did, else why not. Settled on another revision means it was rolled back.
   */
  static String untilStable(
      EcsClient ecs, String cluster, String service, String taskDefinition, Duration timeout) {
    String name = "service " + Arns.name(cluster) + "/" + Arns.name(service);
    try (software.amazon.awssdk.services.ecs.waiters.EcsWaiter waiter = ecs.waiter()) {
      // The waiter throws when the time is up and when the service is gone, draining or inactive.
      waiter.waitUntilServicesStable(
          r -> r.cluster(cluster).services(service),
          o -> o.waitTimeout(timeout).maxAttempts(Integer.MAX_VALUE));
      String running =
          ecs.describeServices(r -> r.cluster(cluster).services(service)).services().stream()
              .findFirst()
              .map(Service::taskDefinition)
              .orElse(null);
      return taskDefinition == null || taskDefinition.equals(running)
          ? null
          : name
              + " settled on "
              + Change.revision(running)
              + ", not "
              + Change.revision(taskDefinition)
              + " (a deployment circuit breaker may have rolled it back)";
    } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
      return name
          + " did not reach a steady state within "
          + timeout.toSeconds()
          + " s, or it is gone, draining or inactive";
    } catch (RuntimeException e) {
      return name
          + ": ecs:DescribeServices failed while waiting ("
          + AwsCallException.describe(e)
          + ")";
    }
  }

  /** The API calls made so far, by operation. */
  public Map<String, Long> apiCalls() {
    return session.calls().byOperation();
  }

  private String execute(
      Change change, Map<String, String> hardened, ObjectNode entry, Journal journal) {
    EcsClient ecs = ecs(change.target());
    switch (change) {
      case RegisterRevision register -> {
        RegisterTaskDefinitionRequest request =
            JsonTrees.sdk(
                register.registerInput(), RegisterTaskDefinitionRequest.serializableBuilderClass());
        String arn = ecs.registerTaskDefinition(request).taskDefinition().taskDefinitionArn();
        hardened.put(key(register.target(), register.family()), arn);
        entry.put("registered", arn);
        recordRevisions(ecs, register, entry);
        return Change.revision(arn) + " registered";
      }
      case UpdateService update -> {
        ObjectNode after = update.after().deepCopy();
        if (update.family() != null) {
          String arn = hardened.get(key(update.target(), update.family()));
          if (arn == null) {
            throw new IllegalStateException(
                "the hardened revision of " + update.family() + " was not registered");
          }
          after.put("taskDefinition", arn);
        }
        entry.set("after", after);
        journal.save(); // the revision it moves to, before the call: a run killed during it leaves
        // that too
        // The request is what changed, in the API's shape (the revision, and the settings the
        // remedies changed).
        ObjectNode request =
            after
                .deepCopy()
                .put("cluster", update.cluster())
                .put("service", update.service())
                .put("forceNewDeployment", true);
        ecs.updateService(JsonTrees.sdk(request, UpdateServiceRequest.serializableBuilderClass()));
        return null;
      }
      case UpdateCluster cluster -> {
        ecs.updateCluster(
            r ->
                r.cluster(cluster.cluster())
                    .settings(s -> s.name("containerInsights").value(cluster.after())));
        return null;
      }
      case UpdateCapacityProvider provider -> {
        ecs.updateCapacityProvider(
            r ->
                r.name(provider.capacityProvider())
                    .autoScalingGroupProvider(
                        a -> a.managedTerminationProtection(provider.after())));
        return null;
      }
    }
  }

  /**
   * Records every ACTIVE revision of the family above the one the hardened copy was made from: the
   * one the call answered with, and any that a retried call (whose first attempt AWS carried out
   * but answered with an error) left behind. Nothing is deregistered; the journal names them all.
   */
  private static void recordRevisions(EcsClient ecs, RegisterRevision register, ObjectNode entry) {
    int from = revisionNumber(register.from());
    Map<Integer, String> revisions = new TreeMap<>();
    try {
      Pages.follow(
          "ecs:ListTaskDefinitions",
          token ->
              ecs.listTaskDefinitions(
                  r ->
                      r.familyPrefix(register.family())
                          .status(TaskDefinitionStatus.ACTIVE)
                          .nextToken(token)),
          ListTaskDefinitionsResponse::nextToken,
          page ->
              page.taskDefinitionArns().stream()
                  .filter(
                      arn -> register.family().equals(familyOf(arn)) && revisionNumber(arn) > from)
                  .forEach(arn -> revisions.put(revisionNumber(arn), arn)));
      revisions.values().forEach(entry.putArray("revisions")::add);
    } catch (AwsCallException e) {
      revisionsNotKnown(register, entry, e.code());
    } catch (RuntimeException e) {
      revisionsNotKnown(register, entry, AwsCallException.describe(e));
    }
  }

  private static void revisionsNotKnown(RegisterRevision register, ObjectNode entry, String code) {
    entry.put(
        "revisions",
        "not known: ecs:ListTaskDefinitions failed ("
            + code
            + "); look for revisions of "
            + register.family()
            + " above "
            + Change.revision(register.from()));
  }

  /** The revision number of a task-definition ARN, or 0 when it has none. */
  private static int revisionNumber(String arn) {
    String name = Change.revision(arn);
    try {
      return Integer.parseInt(name.substring(name.lastIndexOf(':') + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static String callOf(Change change) {
    return switch (change) {
      case RegisterRevision r -> "ecs:RegisterTaskDefinition";
      case UpdateService s -> "ecs:UpdateService";
      case UpdateCluster c -> "ecs:UpdateCluster";
      case UpdateCapacityProvider p -> "ecs:UpdateCapacityProvider";
    };
  }

  private static String key(Target target, String family) {
    return target.name() + " " + family;
  }

  EcsClient ecs(Target target) {
    return clients.computeIfAbsent(target, session::ecs);
  }

  @Override
  public void close() {
    clients.values().forEach(EcsClient::close);
    session.close();
  }

  /** The plan for one account-region, from one read of it. */
  private final class TargetPlan {
    private final Target target;
    private final List<DescribeTaskDefinitionResponse> taskDefinitions =
        new ArrayList<>(); // the latest ACTIVE revision of each family
    private final Map<String, DescribeTaskDefinitionResponse> runningRevisions =
        new HashMap<>(); // family:revision → an older or deregistered revision a service runs
    private final List<Cluster> clusters = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<software.amazon.awssdk.services.ecs.model.CapacityProvider>
        capacityProviders = new ArrayList<>();
    private final Map<String, Set<String>> failed =
        new HashMap<>(); // resource id → FAILED controls no suppression accepts
    private final Map<String, Set<String>> accepted =
        new HashMap<>(); // resource id → FAILED controls a suppression accepts
    private final Map<String, ControlInfo> controlInfo = new HashMap<>(); // id → the control
    private boolean servicesRead;

    TargetPlan(Target target) {
      this.target = target;
    }

    void plan(
        ScanResult errors,
        List<Change> changes,
        List<String> instructions,
        Map<String, Integer> remaining) {
      ScanResult scan = new ScanResult();
      Suppressing suppressed = new Suppressing(suppressions, LocalDate.now(), scan);
      // One scan of the account-region's documents, so that a service links to the revisions it
      // runs (ECSG.11, ECSG.12), as a live scan's are.
      scanner.scanTogether(
          suppressed,
          () ->
              new EcsInventory(
                      scanner,
                      ecs(target),
                      target,
                      new AwsScan.Progress(null, session.calls()),
                      this::described)
                  .read(suppressed));
      scan.errors().forEach(errors::error);
      for (Finding finding : scan.findings()) {
        if (finding.status() == Status.FAILED) {
          controlInfo.putIfAbsent(finding.control().id(), finding.control());
          (finding.suppressed() ? accepted : failed)
              .computeIfAbsent(finding.resourceId(), id -> new LinkedHashSet<>())
              .add(finding.control().id());
          if (finding.suppressed()) {
            instructions.add(
                where()
                    + "left alone: "
                    + finding.control().id()
                    + " on "
                    + finding.resourceId()
                    + ", suppressed: "
                    + finding.suppression().reason());
          }
        }
      }
      Set<String> hardenedFamilies = new LinkedHashSet<>();
      Map<String, String> latest = new HashMap<>(); // family → its latest ACTIVE revision's ARN
      for (DescribeTaskDefinitionResponse described : taskDefinitions) {
        latest.put(
            described.taskDefinition().family(), described.taskDefinition().taskDefinitionArn());
        taskDefinition(described, changes, instructions, remaining, hardenedFamilies);
      }
      for (Service service : services) {
        if ("ACTIVE".equals(service.status())
            || service.status() == null) { // a draining service takes no update
          service(service, hardenedFamilies, latest, changes, instructions, remaining);
        }
      }
      for (Cluster cluster : clusters) {
        Set<String> controls = failedOf(cluster.clusterArn());
        ObjectNode described =
            (ObjectNode)
                JsonTrees.of(DescribeClustersResponse.builder().clusters(cluster).build())
                    .path("clusters")
                    .get(0);
        Remedied remedied = remedied(ResourceType.CLUSTER, described, controls);
        if (remedied.after().has("settings")) {
          changes.add(
              new UpdateCluster(
                  target,
                  cluster.clusterArn(),
                  containerInsights(remedied.before()),
                  containerInsights(remedied.after()),
                  remedied.removes()));
        }
        count(remaining, controls, Set.copyOf(remedied.removes()));
      }
      for (var provider : capacityProviders) {
        capacityProvider(provider, changes, instructions, remaining);
      }
    }

    private void described(SdkPojo response) {
      switch (response) {
        // Revisions described after services are those they run that are not the latest.
        case DescribeTaskDefinitionResponse taskDefinition when servicesRead ->
            runningRevisions.put(
                Change.revision(taskDefinition.taskDefinition().taskDefinitionArn()),
                taskDefinition);
        case DescribeTaskDefinitionResponse taskDefinition -> taskDefinitions.add(taskDefinition);
        case DescribeClustersResponse described -> {
          servicesRead = true;
          clusters.addAll(described.clusters());
        }
        case DescribeServicesResponse described -> {
          servicesRead = true;
          services.addAll(described.services());
        }
        case DescribeCapacityProvidersResponse described ->
            capacityProviders.addAll(described.capacityProviders());
        default -> {}
      }
    }

    private void taskDefinition(
        DescribeTaskDefinitionResponse described,
        List<Change> changes,
        List<String> instructions,
        Map<String, Integer> remaining,
        Set<String> hardenedFamilies) {
      String arn = described.taskDefinition().taskDefinitionArn();
      Set<String> controls = failedOf(arn);
      if (controls.isEmpty()) {
        return;
      }
      ObjectNode input = Hardening.registerInput(JsonTrees.of(described));
      String family = described.taskDefinition().family();
      // awslogs needs the task's execution role to write with (Fargate refuses it without one).
      String logRegion =
          described.taskDefinition().executionRoleArn() != null ? target.region() : null;
      RemedyOptions options =
          choices.withLogRegion(logRegion).leavingAlone(accepted.getOrDefault(arn, Set.of()));
      FixResult result;
      try {
        result = FileFix.fix(arn, AwsCliJson.print(input), options);
      } catch (InputException e) {
        throw new IllegalStateException(
            "a described task definition ecsguard printed cannot be read back", e);
      }
      // Steps about a container do not name the family; the others start with it.
      result
          .instructions()
          .forEach(
              step ->
                  instructions.add(
                      where()
                          + (step.startsWith(family + ":")
                              ? ""
                              : "task definition " + family + ": ")
                          + step));
      result
          .remaining()
          .forEach(
              (control, count) -> {
                if (!options
                    .leaveAlone()
                    .contains(control)) { // accepted or skipped: not left to fix
                  remaining.merge(control, count, Integer::sum);
                }
              });
      if (result.removed().isEmpty()) {
        return; // a new revision and a deployment that fix nothing are not worth making
      }
      ObjectNode hardened;
      try {
        hardened = (ObjectNode) JSON.readTree(result.fixed());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("the fix printed JSON it cannot read", e);
      }
      // Built here, so that the dry run finds what the SDK would refuse, not the apply half-way.
      JsonTrees.sdk(hardened, RegisterTaskDefinitionRequest.serializableBuilderClass());
      changes.add(
          new RegisterRevision(
              target,
              family,
              arn,
              hardened,
              result.diff(),
              List.copyOf(result.removed().keySet())));
      if (!hardened.path("networkMode").equals(input.path("networkMode"))) {
        // Services would need a network configuration (and target groups of another type) to run
        // it: not a change to make blind.
        instructions.add(
            where()
                + "task definition "
                + family
                + ": its hardened revision uses awsvpc; ecsguard does not move its services to it,"
                + " since they need subnets and security groups (and IP target groups) first; update them yourself");
      } else {
        hardenedFamilies.add(family);
      }
      if (addsLogGroup(input, hardened)) {
        instructions.add(
            where()
                + "task definition "
                + family
                + ": awslogs writes to /ecs/"
                + family
                + "; create that log group, or allow the execution role"
                + " logs:CreateLogGroup (AmazonECSTaskExecutionRolePolicy does not), before tasks start");
      }
    }

    private void service(
        Service service,
        Set<String> hardenedFamilies,
        Map<String, String> latest,
        List<Change> changes,
        List<String> instructions,
        Map<String, Integer> remaining) {
      Set<String> controls = failedOf(service.serviceArn());
      String family = familyOf(service.taskDefinition());
      boolean moves = family != null && hardenedFamilies.contains(family);
      String newest = latest.get(family);
      ObjectNode described =
          (ObjectNode)
              JsonTrees.of(DescribeServicesResponse.builder().services(service).build())
                  .path("services")
                  .get(0);
      Remedied remedied = remedied(ResourceType.SERVICE, described, controls);
      boolean redeploys =
          !remedied.revisionAskers().isEmpty()
              && redeploy(service, remedied, newest, moves, instructions);
      if (!moves
          && !redeploys
          && newest != null
          && !Change.revision(newest).equals(Change.revision(service.taskDefinition()))) {
        // Security Hub checks the latest revision only; an older one a service runs is never
        // checked, so never fixed.
        instructions.add(
            where()
                + "service "
                + service.serviceName()
                + " runs "
                + Change.revision(service.taskDefinition())
                + ", not the latest revision "
                + Change.revision(newest)
                + " (the one checked and fixed); move it to the latest revision when that is intended");
      }
      String controller =
          service.deploymentController() == null
              ? DeploymentControllerType.ECS.toString()
              : service.deploymentController().typeAsString();
      for (var taskSet : service.taskSets()) {
        Set<String> failedHere = failedOf(taskSet.taskSetArn());
        if (!failedHere.isEmpty()) { // its one control: a public IP
          instructions.add(
              where()
                  + "task set "
                  + taskSet.id()
                  + " of service "
                  + service.serviceName()
                  + " assigns public IPs ("
                  + String.join(", ", failedHere)
                  + "): ECS cannot change a task set's network; create its successor with assignPublicIp DISABLED through the deployment controller");
          failedHere.forEach(control -> remaining.merge(control, 1, Integer::sum));
        }
      }
      if (!DeploymentControllerType.ECS.toString().equals(controller)) {
        if (moves || redeploys || !remedied.fixable().isEmpty()) {
          instructions.add(
              where()
                  + "service "
                  + service.serviceName()
                  + " is deployed by "
                  + controller
                  + ": deploy "
                  + (moves
                      ? "the hardened revision of " + family
                      : redeploys ? "the latest revision of " + family : "its settings")
                  + " through that controller; ecsguard updates only ECS-deployed services");
        }
        count(remaining, controls, Set.of());
        return;
      }
      ObjectNode before = remedied.before();
      ObjectNode after = remedied.after();
      List<String> removes = remedied.removes();
      if (moves) {
        before.put("taskDefinition", service.taskDefinition());
      }
      if (moves || !after.isEmpty()) {
        changes.add(
            new UpdateService(
                target,
                service.clusterArn(),
                service.serviceArn(),
                moves ? family : null,
                moves ? newest : null,
                before,
                after,
                removes));
      }
      count(remaining, controls, Set.copyOf(removes));
    }

    /**
     * A remedy asked that the service run its family's latest ACTIVE revision (it set
     * taskDefinition to the family's name, which UpdateService reads as that): true when the plan's
     * UpdateService makes it run {@code newest}, named by ARN, as the journal and rollback need.
     * Not when the family is hardened (the service {@code moves} to the hardened revision, which
     * does it), nor when the latest revision fails a control the running one fails, at the severity
     * of the finding that asks or worse: then the family must be fixed first, which a step says.
     */
    private boolean redeploy(
        Service service,
        Remedied remedied,
        String newest,
        boolean moves,
        List<String> instructions) {
      String running = service.taskDefinition();
      remedied.before().remove("taskDefinition");
      remedied.after().remove("taskDefinition");
      List<String> askers = remedied.revisionAskers();
      if (moves) {
        return false;
      }
      if (newest == null || Change.revision(newest).equals(Change.revision(running))) {
        remedied.removes().removeAll(askers);
        return false;
      }
      Set<String> shared = new LinkedHashSet<>(revisionFailures(running));
      shared.retainAll(revisionFailures(newest));
      // The bar is the least severe finding that asks (Severity lists the most severe first).
      Severity bar =
          askers.stream()
              .map(controlInfo::get)
              .filter(java.util.Objects::nonNull)
              .map(ControlInfo::severity)
              .max(java.util.Comparator.naturalOrder())
              .orElse(null);
      shared.removeIf(
          control ->
              bar != null
                  && controlInfo.containsKey(control)
                  && controlInfo.get(control).severity().compareTo(bar) > 0);
      if (!shared.isEmpty()) {
        remedied.removes().removeAll(askers);
        instructions.add(
            where()
                + "service "
                + service.serviceName()
                + " runs "
                + Change.revision(running)
                + ", which fails "
                + String.join(", ", shared)
                + " as the latest revision "
                + Change.revision(newest)
                + " does: fix the family first (a revision that passes them), then redeploy the service to it");
        return false;
      }
      remedied.before().put("taskDefinition", running);
      remedied.after().put("taskDefinition", newest);
      return true;
    }

    /**
     * The controls a revision fails (suppressed ones too: a suppression accepts a finding, it does
     * not fix the revision): the latest ACTIVE revision's from the scan; an older one's from a scan
     * of its description alone, since a scan judges only the latest revision of each family.
     */
    private Set<String> revisionFailures(String arn) {
      DescribeTaskDefinitionResponse older = runningRevisions.get(Change.revision(arn));
      if (older == null) {
        Set<String> controls = new LinkedHashSet<>(failed.getOrDefault(arn, Set.of()));
        controls.addAll(accepted.getOrDefault(arn, Set.of()));
        return controls;
      }
      ScanResult alone = new ScanResult();
      scanner.scan(SdkJson.document(arn, older), alone);
      Set<String> controls = new LinkedHashSet<>();
      for (Finding finding : alone.findings()) {
        if (finding.status() == Status.FAILED) {
          controlInfo.putIfAbsent(finding.control().id(), finding.control());
          controls.add(finding.control().id());
        }
      }
      return controls;
    }

    private void capacityProvider(
        software.amazon.awssdk.services.ecs.model.CapacityProvider provider,
        List<Change> changes,
        List<String> instructions,
        Map<String, Integer> remaining) {
      Set<String> controls = failedOf(provider.capacityProviderArn());
      ObjectNode described =
          (ObjectNode)
              JsonTrees.of(
                      DescribeCapacityProvidersResponse.builder()
                          .capacityProviders(provider)
                          .build())
                  .path("capacityProviders")
                  .get(0);
      Remedied remedied = remedied(ResourceType.CAPACITY_PROVIDER, described, controls);
      if (!remedied.removes().isEmpty()) {
        changes.add(
            new UpdateCapacityProvider(
                target,
                provider.name(),
                protection(remedied.before()),
                protection(remedied.after()),
                remedied.removes()));
      } else if (!remedied.fixable().isEmpty()) {
        // Its remedy changes nothing without managed scaling, which ecsguard does not turn on.
        instructions.add(
            where()
                + "capacity provider "
                + provider.name()
                + " ("
                + String.join(", ", remedied.fixable())
                + "): managed termination protection needs managed scaling;"
                + " turn managed scaling on first (and scale-in protection on its Auto Scaling group), then run again");
      }
      count(remaining, controls, Set.copyOf(remedied.removes()));
    }

    /**
     * What the remedies of the FAILED {@code controls} change on a resource, field by field, in the
     * API's shape: a setting the controls accept stays as the team chose it.
     */
    private Remedied remedied(ResourceType type, ObjectNode described, Set<String> controls) {
      ObjectNode before = NODES.objectNode();
      ObjectNode after = NODES.objectNode();
      List<String> fixable = new ArrayList<>();
      List<String> removes = new ArrayList<>();
      List<String> revisionAskers = new ArrayList<>();
      for (Remedy remedy : remedies.apply(type)) {
        List<String> fixes = remedy.controlIds().stream().filter(controls::contains).toList();
        if (fixes.isEmpty() || !choices.runs(remedy)) {
          continue; // a remedy two controls give runs only when neither is left alone, as in fix
        }
        fixable.addAll(fixes);
        ObjectNode fixed = described.deepCopy();
        remedy.resource(fixed, RemedyContext.forFailed(choices));
        boolean changed = false;
        for (String field : (Iterable<String>) fixed::fieldNames) {
          if (!fixed.get(field).equals(described.get(field))) {
            before.set(field, described.get(field));
            after.set(field, fixed.get(field));
            changed = true;
          }
        }
        if (changed) {
          removes.addAll(fixes);
        }
        if (!java.util.Objects.equals(
            fixed.get("taskDefinition"), described.get("taskDefinition"))) {
          revisionAskers.addAll(fixes);
        }
      }
      return new Remedied(before, after, fixable, removes, revisionAskers);
    }

    /**
     * The FAILED controls of resource {@code id} that no suppression accepts and the user did not
     * skip.
     */
    private Set<String> failedOf(String id) {
      Set<String> controls = new LinkedHashSet<>(failed.getOrDefault(id, Set.of()));
      controls.removeAll(choices.leaveAlone());
      return controls;
    }

    private String where() {
      return target.account().id() + " " + target.region() + ": ";
    }
  }

  /**
   * What the remedies change on one resource: the fields they change, before and after; the FAILED
   * controls they fix (in the catalogue's order), those of them whose findings the change removes,
   * and those whose remedies ask a service for another revision (its taskDefinition changed).
   */
  private record Remedied(
      ObjectNode before,
      ObjectNode after,
      List<String> fixable,
      List<String> removes,
      List<String> revisionAskers) {}

  /** A cluster's containerInsights setting, or null when it has none. */
  private static String containerInsights(ObjectNode cluster) {
    for (JsonNode setting : cluster.path("settings")) {
      if ("containerInsights".equals(setting.path("name").asText())) {
        return setting.path("value").asText(null);
      }
    }
    return null;
  }

  private static String protection(ObjectNode provider) {
    return provider
        .path("autoScalingGroupProvider")
        .path("managedTerminationProtection")
        .asText(null);
  }

  /**
   * Whether the hardened revision adds awslogs (with a new log group) to a container that had no
   * log driver.
   */
  private static boolean addsLogGroup(JsonNode input, JsonNode hardened) {
    JsonNode before = input.path("containerDefinitions");
    JsonNode after = hardened.path("containerDefinitions");
    for (int i = 0; i < after.size(); i++) {
      if (before.path(i).path("logConfiguration").path("logDriver").asText("").isEmpty()
          && after
              .path(i)
              .path("logConfiguration")
              .path("options")
              .path("awslogs-create-group")
              .asText()
              .equals("true")) {
        return true;
      }
    }
    return false;
  }

  /** Counts the FAILED controls a plan leaves as they are. */
  private static void count(Map<String, Integer> remaining, Set<String> failed, Set<String> fixed) {
    failed.stream()
        .filter(control -> !fixed.contains(control))
        .forEach(control -> remaining.merge(control, 1, Integer::sum));
  }

  /** The family of a task-definition ARN or {@code family:revision}. */
  static String familyOf(String taskDefinition) {
    if (taskDefinition == null) {
      return null;
    }
    String name = taskDefinition.substring(taskDefinition.lastIndexOf('/') + 1);
    return name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
  }
}
