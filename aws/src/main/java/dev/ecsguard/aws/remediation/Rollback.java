package dev.ecsguard.aws.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.aws.session.AwsCallException;
import dev.ecsguard.aws.session.AwsOptions;
import dev.ecsguard.aws.session.AwsSession;
import dev.ecsguard.aws.session.AwsSession.Account;
import dev.ecsguard.aws.session.AwsSession.Target;
import dev.ecsguard.aws.session.CallOutcome;
import dev.ecsguard.aws.session.JsonTrees;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.tree.InputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Undoes what a journal says {@code apply} did, newest first: services back to their previous
 * revision and settings (with a new deployment), clusters and capacity providers back to their
 * previous setting. A resource someone changed since is left alone, with a note. A change whose
 * outcome is unknown (its call failed after it may have reached AWS) is undone when the resource
 * shows it was made, and said not made when it shows the value before. Registered revisions stay
 * registered: ecsguard never deregisters or deletes anything.
 */
public final class Rollback implements AutoCloseable {
  /** One undo: the journal entry it reverses, and what it does. */
  public record Undo(ObjectNode entry, String description) {}

  /** What a rollback would do, what it leaves (with why), and what it could not reach. */
  public record Plan(List<Undo> undos, List<String> notes, List<InputException> errors) {}

  private final AwsSession session;
  private final Map<String, EcsClient> clients = new HashMap<>();
  private final Map<String, Account> accounts = new HashMap<>();
  private final List<InputException> accountErrors;

  public Rollback(AwsOptions options) {
    this.session = new AwsSession(options);
    ScanResult errors = new ScanResult();
    session.accounts(errors).forEach(account -> accounts.put(account.id(), account));
    this.accountErrors = errors.errors();
  }

  /** Reads the current state of each changed resource; changes nothing. */
  public Plan plan(Journal journal) {
    List<Undo> undos = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<InputException> errors = new ArrayList<>(accountErrors);
    List<ObjectNode> changes = new ArrayList<>(journal.changes());
    java.util.Collections.reverse(changes);
    for (ObjectNode entry : changes) {
      if (Journal.STARTED.equals(entry.path("state").asText())) {
        // The run stopped during the call: AWS may or may not have made it.
        notes.add(
            entry.path("description").asText()
                + ": started but never confirmed (the run stopped during the call); check it by hand");
        continue;
      }
      boolean unknown = Journal.OUTCOME_UNKNOWN.equals(entry.path("state").asText());
      if (!unknown && !Journal.DONE.equals(entry.path("state").asText())) {
        continue; // failed (AWS refused it) or already rolled back: nothing of it to undo
      }
      if (entry.path("action").asText().equals("RegisterTaskDefinition")) {
        notes.add(
            registered(entry)
                + " (ecsguard never deregisters); "
                + Change.revision(entry.path("from").asText())
                + " is still ACTIVE");
        continue;
      }
      EcsClient ecs = ecs(entry);
      if (ecs == null) {
        errors.add(
            new InputException(
                journal.file().toString(),
                "account "
                    + entry.path("account").asText()
                    + " is not reachable with these credentials;"
                    + " give --role-arn or --profile for it: "
                    + entry.path("description").asText()
                    + " was not rolled back"));
        continue;
      }
      try {
        String changedSince = differsFrom(ecs, entry, "after");
        if (changedSince == null) {
          undos.add(new Undo(entry, describe(entry)));
          if (unknown) {
            notes.add(
                entry.path("description").asText()
                    + ": its outcome was unknown; AWS shows it was made, so it is undone");
          }
        } else if (differsFrom(ecs, entry, "before") == null) {
          // Not made, or already undone (by a rollback whose call failed after reaching AWS, or by
          // hand).
          notes.add(
              entry.path("description").asText()
                  + (unknown
                      ? ": its outcome was unknown; AWS shows it was not made"
                      : ": already as it was before")
                  + "; nothing to undo");
        } else {
          notes.add(entry.path("description").asText() + ": left alone, " + changedSince);
        }
      } catch (RuntimeException e) {
        errors.add(
            new InputException(
                describeCall(entry),
                describeCall(entry)
                    + " failed ("
                    + AwsCallException.describe(e)
                    + "): "
                    + entry.path("description").asText()
                    + " was not rolled back"));
      }
    }
    return new Plan(undos, notes, errors);
  }

  /** Undoes in order, marking each entry in the journal; stops at the first failure. */
  public Remediation.Outcome apply(
      Plan plan, Journal journal, Duration wait, Consumer<String> progress) {
    List<String> done = new ArrayList<>();
    List<ObjectNode> services = new ArrayList<>();
    for (Undo undo : plan.undos()) {
      ObjectNode entry = undo.entry();
      try {
        undo(ecs(entry), entry);
      } catch (RuntimeException e) {
        return new Remediation.Outcome(
            done,
            undo.description()
                + ": "
                + updateCall(entry)
                + " failed ("
                + AwsCallException.describe(e)
                + ")"
                + (CallOutcome.unknown(e)
                    ? " after the request may have reached AWS: run rollback again to see whether it was made"
                    : "")
                + "; stopped there");
      }
      try {
        journal.rolledBack(entry);
      } catch (java.io.UncheckedIOException e) {
        return new Remediation.Outcome(
            done, undo.description() + " was made, but " + e.getMessage() + "; stopped there");
      }
      done.add(undo.description());
      progress.accept("done: " + undo.description());
      if (entry.has("service")) {
        services.add(entry);
      }
    }
    List<String> unsteady = new ArrayList<>();
    if (wait != null) {
      for (ObjectNode entry : services) {
        String failure =
            Remediation.untilStable(
                ecs(entry),
                entry.path("cluster").asText(),
                entry.path("service").asText(),
                entry.path("before").path("taskDefinition").asText(null),
                wait);
        if (failure != null) {
          unsteady.add(failure); // the others are still waited for
        }
      }
    }
    return new Remediation.Outcome(
        done,
        unsteady.isEmpty()
            ? null
            : String.join("; ", unsteady) + "; the changes are made, the deployments go on");
  }

  /**
   * Why the resource does not have the entry's {@code side} ("after": as ecsguard left it;
   * "before": as it was), or null when it does.
   */
  private static String differsFrom(EcsClient ecs, ObjectNode entry, String side) {
    JsonNode expected = entry.path(side);
    switch (entry.path("action").asText()) {
      case "UpdateService" -> {
        List<Service> found =
            ecs.describeServices(
                    r ->
                        r.cluster(entry.path("cluster").asText())
                            .services(entry.path("service").asText()))
                .services();
        if (found.isEmpty()) {
          return "the service is gone";
        }
        JsonNode current = JsonTrees.of(found.get(0));
        for (String field : new String[] {"taskDefinition", "platformVersion"}) {
          if (expected.has(field)
              && !java.util.Objects.equals(text(expected.path(field)), text(current.path(field)))) {
            return field
                + " is now "
                + current.path(field).asText("(not set)")
                + ", not "
                + expected.path(field).asText("(not set)");
          }
        }
        if (expected.has("networkConfiguration") && !network(expected).equals(network(current))) {
          // Undoing restores the whole network configuration: any change since, not just the public
          // IP, would be lost.
          return "its network configuration changed since (assignPublicIp "
              + publicIp(current)
              + ")";
        }
        return null;
      }
      case "UpdateCluster" -> {
        var clusters =
            ecs.describeClusters(
                    r -> r.clusters(entry.path("cluster").asText()).include(ClusterField.SETTINGS))
                .clusters();
        String now =
            clusters.isEmpty()
                ? null
                : clusters.get(0).settings().stream()
                    .filter(s -> "containerInsights".equals(s.nameAsString()))
                    .map(s -> s.value())
                    .findFirst()
                    .orElse(null);
        return java.util.Objects.equals(text(expected), now)
            ? null
            : "containerInsights is now "
                + (now == null ? "(not set)" : now)
                + ", not "
                + expected.asText("(not set)");
      }
      case "UpdateCapacityProvider" -> {
        var providers =
            ecs.describeCapacityProviders(
                    r ->
                        r.capacityProviders(entry.path("capacityProvider").asText())
                            .include(CapacityProviderField.TAGS))
                .capacityProviders();
        String now =
            providers.isEmpty() || providers.get(0).autoScalingGroupProvider() == null
                ? null
                : providers
                    .get(0)
                    .autoScalingGroupProvider()
                    .managedTerminationProtectionAsString();
        return java.util.Objects.equals(text(expected), now)
            ? null
            : "managedTerminationProtection is now "
                + (now == null ? "(not set)" : now)
                + ", not "
                + expected.asText("(not set)");
      }
      default -> {
        return "ecsguard does not know how to undo " + entry.path("action").asText();
      }
    }
  }

  /** A journalled value's text, or null when it was not set. */
  private static String text(JsonNode value) {
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  /** The revisions a registration left, which stay registered. */
  private static String registered(ObjectNode entry) {
    JsonNode revisions = entry.path("revisions");
    if (revisions.isArray() && !revisions.isEmpty()) {
      List<String> names = new ArrayList<>();
      revisions.forEach(arn -> names.add(Change.revision(arn.asText())));
      return String.join(", ", names) + (names.size() == 1 ? " stays" : " stay") + " registered";
    }
    if (revisions.isTextual()) {
      return "the revisions it registered stay registered (" + revisions.asText() + ")";
    }
    return entry.path("registered").asText(entry.path("family").asText()) + " stays registered";
  }

  private static void undo(EcsClient ecs, ObjectNode entry) {
    JsonNode before = entry.path("before");
    switch (entry.path("action").asText()) {
      case "UpdateService" ->
          ecs.updateService(
              r -> {
                r.cluster(entry.path("cluster").asText())
                    .service(entry.path("service").asText())
                    .forceNewDeployment(true);
                if (before.has("taskDefinition")) {
                  r.taskDefinition(before.path("taskDefinition").asText());
                }
                if (before.has("networkConfiguration")) {
                  r.networkConfiguration(
                      JsonTrees.sdk(
                          before.get("networkConfiguration"),
                          NetworkConfiguration.serializableBuilderClass()));
                }
                if (before.has("platformVersion")) {
                  r.platformVersion(before.path("platformVersion").asText());
                }
              });
      // A setting that was not set is put back as AWS's default for it.
      case "UpdateCluster" ->
          ecs.updateCluster(
              r ->
                  r.cluster(entry.path("cluster").asText())
                      .settings(
                          s ->
                              s.name("containerInsights")
                                  .value(before.isTextual() ? before.asText() : "disabled")));
      case "UpdateCapacityProvider" ->
          ecs.updateCapacityProvider(
              r ->
                  r.name(entry.path("capacityProvider").asText())
                      .autoScalingGroupProvider(
                          a ->
                              a.managedTerminationProtection(
                                  before.isTextual() ? before.asText() : "DISABLED")));
      default -> throw new IllegalStateException("no undo for " + entry.path("action").asText());
    }
  }

  private static String describe(ObjectNode entry) {
    JsonNode before = entry.path("before");
    String resource = entry.path("description").asText();
    resource = resource.contains(":") ? resource.substring(0, resource.indexOf(':')) : resource;
    return switch (entry.path("action").asText()) {
      case "UpdateService" -> {
        List<String> parts = new ArrayList<>();
        if (before.has("taskDefinition")) {
          parts.add(
              "task definition back to " + Change.revision(before.path("taskDefinition").asText()));
        }
        if (before.has("networkConfiguration")) {
          parts.add("assignPublicIp back to " + publicIp(before));
        }
        if (before.has("platformVersion")) {
          parts.add("platformVersion back to " + before.path("platformVersion").asText());
        }
        yield resource + ": " + String.join(", ", parts) + ", with a new deployment";
      }
      case "UpdateCluster" ->
          resource
              + ": containerInsights back to "
              + (before.isTextual() ? before.asText() : "disabled (it was not set)");
      case "UpdateCapacityProvider" ->
          resource
              + ": managedTerminationProtection back to "
              + (before.isTextual() ? before.asText() : "DISABLED (it was not set)");
      default -> resource;
    };
  }

  /** Subnets, security groups (in any order) and the public-IP setting. */
  private static List<Object> network(JsonNode settings) {
    JsonNode vpc = settings.path("networkConfiguration").path("awsvpcConfiguration");
    java.util.function.Function<String, java.util.Set<String>> set =
        field -> {
          java.util.Set<String> items = new java.util.TreeSet<>();
          vpc.path(field).forEach(item -> items.add(item.asText()));
          return items;
        };
    return List.of(set.apply("subnets"), set.apply("securityGroups"), publicIp(settings));
  }

  private static String publicIp(JsonNode settings) {
    return settings
        .path("networkConfiguration")
        .path("awsvpcConfiguration")
        .path("assignPublicIp")
        .asText("(not set)");
  }

  private static String describeCall(ObjectNode entry) {
    return switch (entry.path("action").asText()) {
      case "UpdateService" -> "ecs:DescribeServices";
      case "UpdateCluster" -> "ecs:DescribeClusters";
      default -> "ecs:DescribeCapacityProviders";
    };
  }

  private static String updateCall(ObjectNode entry) {
    return "ecs:" + entry.path("action").asText();
  }

  /**
   * The client for the entry's account and region, or null when the credentials do not reach that
   * account.
   */
  private EcsClient ecs(ObjectNode entry) {
    Account account = accounts.get(entry.path("account").asText());
    if (account == null) {
      return null;
    }
    Target target = new Target(account, entry.path("region").asText());
    return clients.computeIfAbsent(target.name(), name -> session.ecs(target));
  }

  @Override
  public void close() {
    clients.values().forEach(EcsClient::close);
    session.close();
  }
}
