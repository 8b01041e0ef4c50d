package dev.ecsguard.format.ecsapi;

import dev.ecsguard.format.Fields;
import dev.ecsguard.format.InputReader;
import dev.ecsguard.format.ResourceShapes;
import dev.ecsguard.model.CapacityProvider;
import dev.ecsguard.model.Cluster;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.Service;
import dev.ecsguard.model.Tag;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.TaskSet;
import dev.ecsguard.model.Value;
import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.Document;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns raw ECS API JSON into the model: register-task-definition input, describe-task-definition,
 * describe-services, describe-clusters, describe-task-sets and describe-capacity-providers output,
 * their bare resource objects, and arrays of any of these.
 */
public final class EcsJsonReader implements InputReader.OfFile {
  private static final ResourceShapes SHAPES = ResourceShapes.API;
  private static final List<String> SERVICE_IDS = List.of("serviceArn", "serviceName");
  private static final List<String> CLUSTER_IDS = List.of("clusterArn", "clusterName");
  private static final List<String> TASK_SET_IDS = List.of("taskSetArn", "id");
  private static final List<String> CAPACITY_PROVIDER_IDS = List.of("capacityProviderArn", "name");

  @Override
  public boolean read(Document document, Sink sink) {
    Node root = document.root();
    if (!(root instanceof ArrayNode array)) {
      return readValue(root, sink);
    }
    List<Node> skipped = new ArrayList<>();
    for (Node element : array.elements()) {
      if (!readValue(element, sink)) {
        skipped.add(element);
      }
    }
    if (skipped.size() == array.size()) {
      return false; // one note for the whole file, not one per element
    }
    skipped.forEach(
        element ->
            sink.note(element, "element " + Fields.dotted(element) + " is not ECS JSON; skipped"));
    return true;
  }

  private boolean readValue(Node node, Sink sink) {
    if (!(node instanceof ObjectNode object)) {
      return false;
    }
    boolean read =
        readWrapped(object, sink) || readBare(object, sink) || readEnvelopes(object, sink);
    if (read && object.get("failures") instanceof ArrayNode failures) {
      failures.elements().forEach(failure -> sink.note(failure, describeFailure(failure)));
    }
    return read;
  }

  /**
   * describe-task-definition and register-task-definition output ({"taskDefinition": {…}, "tags":
   * […]}), and the output of create-*, update-* and delete-* commands: one resource under its
   * singular name.
   */
  private static boolean readWrapped(ObjectNode object, Sink sink) {
    if (object.get("taskDefinition") instanceof ObjectNode taskDefinition) {
      readTaskDefinition(taskDefinition, describedTags(object, "describe-task-definition"), sink);
    } else if (object.get("service") instanceof ObjectNode service && named(service, SERVICE_IDS)) {
      readService(service, "create-service or update-service", sink);
    } else if (object.get("cluster") instanceof ObjectNode cluster && named(cluster, CLUSTER_IDS)) {
      readCluster(cluster, "create-cluster or update-cluster", sink);
    } else if (object.get("taskSet") instanceof ObjectNode taskSet) {
      sink.resource(taskSet(taskSet));
    } else if (object.get("capacityProvider") instanceof ObjectNode provider) {
      readCapacityProvider(provider, sink);
    } else {
      return false;
    }
    return true;
  }

  /**
   * A bare resource object (an API input, or one element of a describe output), by its own fields;
   * one named by a common word only when the rest of it is ECS's too ({@link BareObjects}).
   */
  private static boolean readBare(ObjectNode object, Sink sink) {
    if (object.has("containerDefinitions")) {
      readTaskDefinition(object, tags(object, null), sink);
    } else if ((object.has("taskSetArn") || object.has("externalId") || object.has("scale"))
        && isEcs(ResourceType.TASK_SET, object)) {
      sink.resource(taskSet(object)); // describe-task-sets element, or create-task-set input
    } else if ((object.has("serviceName")
            || object.has("serviceArn")
            || object.get("service") instanceof ScalarNode)
        && isEcs(ResourceType.SERVICE, object)) {
      readService(object, null, sink); // ... or update-service input, which names it "service"
    } else if (object.has("capacityProviderArn")
        || object.has("autoScalingGroupProvider")
        || object.has("managedInstancesProvider")) {
      readCapacityProvider(object, sink);
    } else if ((object.has("clusterName") || object.has("clusterArn"))
        && isEcs(ResourceType.CLUSTER, object)) {
      readCluster(object, null, sink);
    } else {
      return false;
    }
    return true;
  }

  private static boolean isEcs(ResourceType type, ObjectNode object) {
    return BareObjects.isEcs(
        type,
        object.names(),
        name -> object.get(name) instanceof ScalarNode scalar ? scalar.text() : null);
  }

  private static boolean readEnvelopes(ObjectNode object, Sink sink) {
    return envelope(
            object,
            "services",
            SERVICE_IDS,
            element -> readService(element, "describe-services", sink),
            sink)
        || envelope(
            object,
            "clusters",
            CLUSTER_IDS,
            element -> readCluster(element, "describe-clusters", sink),
            sink)
        || envelope(
            object, "taskSets", TASK_SET_IDS, element -> sink.resource(taskSet(element)), sink)
        || envelope(
            object,
            "capacityProviders",
            CAPACITY_PROVIDER_IDS,
            element -> readCapacityProvider(element, sink),
            sink);
  }

  private static String describeFailure(Node failure) {
    if (!(failure instanceof ObjectNode entry)) {
      return "a describe failure that cannot be read; whatever it names was not checked";
    }
    return "AWS could not describe "
        + Fields.string(entry, "arn").orElse("a resource")
        + " ("
        + Fields.string(entry, "reason").orElse("no reason given")
        + Fields.string(entry, "detail").map(detail -> ": " + detail).orElse("")
        + "); it was not checked";
  }

  /**
   * AWS evaluates only live resources: inactive ones (deleted services and clusters, deregistered
   * task-definition revisions) are noted and left out.
   */
  private static boolean inactive(ObjectNode object, Sink sink, String... inactiveStatuses) {
    Value<String> status = Fields.string(object, "status");
    for (String inactive : inactiveStatuses) {
      if (status.is(inactive)) {
        sink.note(
            object.get("status"),
            "status " + inactive + ": AWS does not evaluate it, so neither does ecsguard; skipped");
        return true;
      }
    }
    return false;
  }

  /**
   * A deregistered revision is not judged, as AWS judges it no more, but it is kept for the
   * services that still run it (ECSG.11, ECSG.12).
   */
  private static void readTaskDefinition(ObjectNode object, Value<List<Tag>> tags, Sink sink) {
    Value<String> status = Fields.string(object, "status");
    if (status.is("INACTIVE") || status.is("DELETE_IN_PROGRESS")) {
      sink.note(
          object.get("status"),
          "status "
              + status.get()
              + ": AWS does not evaluate it, so neither does ecsguard; read only for the services"
              + " that still run it");
      sink.deregistered(taskDefinition(object, tags));
    } else {
      sink.resource(taskDefinition(object, tags));
    }
  }

  private static void readCluster(ObjectNode object, String describedBy, Sink sink) {
    if (!inactive(object, sink, "INACTIVE")) {
      sink.resource(cluster(object, describedBy));
    }
  }

  private static void readCapacityProvider(ObjectNode object, Sink sink) {
    if (!inactive(object, sink, "INACTIVE")) {
      sink.resource(capacityProvider(object));
    }
  }

  /** A service, and the task sets that describe-services shows inside external deployments. */
  private static void readService(ObjectNode object, String describedBy, Sink sink) {
    if (inactive(object, sink, "INACTIVE")) {
      return;
    }
    if (isUpdateServiceInput(object)) {
      keepUnchanged(object);
    }
    sink.resource(service(object, describedBy));
    if (object.get("taskSets") instanceof ArrayNode taskSets) {
      for (Node element : taskSets.elements()) {
        if (element instanceof ObjectNode taskSet) {
          sink.resource(taskSet(taskSet));
        }
      }
    }
  }

  /**
   * A describe-* output's list: true when {@code name} holds resources named by one of {@code ids}
   * (or nothing), so that other YAML with a list of that name (a kubeconfig's clusters) is not
   * taken for one. An element that is not such an object is noted and skipped; the others are still
   * read.
   */
  private static boolean envelope(
      ObjectNode object, String name, List<String> ids, Consumer<ObjectNode> reader, Sink sink) {
    if (!(object.get(name) instanceof ArrayNode array)
        || (array.size() > 0 && array.elements().stream().noneMatch(e -> named(e, ids)))) {
      return false;
    }
    for (Node element : array.elements()) {
      if (named(element, ids)) {
        reader.accept((ObjectNode) element);
      } else if (element instanceof ObjectNode) {
        sink.note(
            element,
            Fields.dotted(element)
                + " has no "
                + String.join(" or ", ids)
                + "; skipped, so it is not checked");
      } else {
        sink.note(element, Fields.notAnObject(element) + "; skipped, so it is not checked");
      }
    }
    return true;
  }

  /**
   * Whether {@code node} is an object with one of {@code ids}: AWS's output always names its
   * resources, which tells them from other JSON or YAML with a "service" or "clusters" member (an
   * OpenTelemetry collector's configuration, a kubeconfig).
   */
  private static boolean named(Node node, List<String> ids) {
    return node instanceof ObjectNode object && ids.stream().anyMatch(object::has);
  }

  /**
   * The tags of a resource in the output of {@code describedBy}, or of an input when that is null.
   */
  private static Value<List<Tag>> tags(ObjectNode object, String describedBy) {
    return describedBy != null ? describedTags(object, describedBy) : SHAPES.tags(object);
  }

  private static Value<List<Tag>> describedTags(ObjectNode owner, String operation) {
    if (!owner.has("tags")) {
      return Value.unknown(
          "this "
              + operation
              + " output leaves out tags (AWS includes them only when asked with --include TAGS)",
          owner);
    }
    return SHAPES.tags(owner);
  }

  private static Cluster cluster(ObjectNode object, String describedBy) {
    Value<String> containerInsights;
    if (describedBy != null && !object.has("settings")) {
      containerInsights =
          Value.unknown(
              "this "
                  + describedBy
                  + " output leaves out settings (AWS includes them only when asked with --include SETTINGS)",
              object);
    } else {
      containerInsights = SHAPES.setting(object, "settings", "containerInsights");
    }
    return SHAPES.cluster(
        id(object, "clusterArn", "clusterName"),
        object,
        containerInsights,
        tags(object, describedBy));
  }

  private static TaskSet taskSet(ObjectNode object) {
    return SHAPES.taskSet(id(object, "taskSetArn", "id"), object, SHAPES.taskDefinitions(object));
  }

  private static CapacityProvider capacityProvider(ObjectNode object) {
    return SHAPES.capacityProvider(
        id(object, "capacityProviderArn", "name"), object, SHAPES.tags(object));
  }

  private static TaskDefinition taskDefinition(ObjectNode object, Value<List<Tag>> tags) {
    return SHAPES.taskDefinition(id(object, "taskDefinitionArn", "family"), object, tags, null);
  }

  /** update-service's input names the service "service", which no other shape of one does. */
  private static boolean isUpdateServiceInput(ObjectNode object) {
    return object.get("service") instanceof ScalarNode
        && !object.has("serviceName")
        && !object.has("serviceArn");
  }

  /**
   * What update-service's input leaves out, the service keeps as it is, which the file does not
   * show: unknown, never absent (an absent networkConfiguration would pass ECS.2). Its tags and
   * launch type it cannot change at all (tags are TagResource's).
   */
  private static void keepUnchanged(ObjectNode update) {
    List<String> kept = new ArrayList<>(List.of("networkConfiguration", "taskDefinition", "tags"));
    if (!update.has("capacityProviderStrategy")) {
      kept.addAll(List.of("launchType", "capacityProviderStrategy", "platformVersion"));
    }
    for (String field : kept) {
      if (!update.has(field)) {
        update.markUnresolved(
            field,
            field.equals("tags") || field.equals("launchType")
                ? "update-service cannot change the service's "
                    + field
                    + ", which this input does not show"
                : "update-service keeps the service's "
                    + field
                    + " where its input leaves it out, and this input does not show it");
      }
    }
  }

  /** {@code describedBy}: the AWS CLI command whose output holds it, or null for an input. */
  private static Service service(ObjectNode object, String describedBy) {
    return SHAPES.service(
        id(object, "serviceArn", "serviceName", "service"),
        object,
        tags(object, describedBy),
        SHAPES.taskDefinitions(object));
  }

  /** The ARN when known, else the first name known, else where the resource stands in its file. */
  private static String id(ObjectNode object, String... fields) {
    for (String field : fields) {
      Value<String> id = Fields.string(object, field);
      if (id.isKnown()) {
        return id.get();
      }
    }
    return object.file() + ":" + object.line();
  }
}
