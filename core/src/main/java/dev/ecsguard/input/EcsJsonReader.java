package dev.ecsguard.input;

import dev.ecsguard.model.CapacityProvider;
import dev.ecsguard.model.Cluster;
import dev.ecsguard.model.ContainerDefinition;
import dev.ecsguard.model.EnvironmentVariable;
import dev.ecsguard.model.Resource;
import dev.ecsguard.model.Service;
import dev.ecsguard.model.Tag;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.TaskSet;
import dev.ecsguard.model.Value;
import dev.ecsguard.model.Volume;
import dev.ecsguard.source.ArrayNode;
import dev.ecsguard.source.Document;
import dev.ecsguard.source.Node;
import dev.ecsguard.source.ObjectNode;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns raw ECS API JSON into the model: register-task-definition input, describe-task-definition,
 * describe-services, describe-clusters, describe-task-sets and describe-capacity-providers output,
 * their bare resource objects, and arrays of any of these.
 */
public final class EcsJsonReader implements InputReader {

  @Override
  public boolean read(Document document, Sink sink) {
    Node root = document.root();
    if (root instanceof ArrayNode array) {
      boolean any = false;
      for (Node element : array.elements()) {
        if (readValue(element, sink)) {
          any = true;
        } else {
          sink.note(element, "element " + Fields.dotted(element) + " is not ECS JSON; skipped");
        }
      }
      return any;
    }
    return readValue(root, sink);
  }

  private boolean readValue(Node node, Sink sink) {
    if (!(node instanceof ObjectNode object)) {
      return false;
    }
    if (object.get("taskDefinition") instanceof ObjectNode taskDefinition) {
      sink.resource(taskDefinition(taskDefinition, describedTags(object, "describe-task-definition")));
      return true;
    }
    // Bare objects first: a service may hold its own taskSets, a cluster its capacityProviders.
    return readBare(object, sink)
        || envelope(object, "services", element -> readService(element, true, sink), sink)
        || envelope(object, "clusters", element -> sink.resource(cluster(element, true)), sink)
        || envelope(object, "taskSets", element -> sink.resource(taskSet(element)), sink)
        || envelope(object, "capacityProviders", element -> sink.resource(capacityProvider(element)), sink);
  }

  /** A bare resource object, told apart by the fields only that resource type has. */
  private static boolean readBare(ObjectNode object, Sink sink) {
    if (object.has("containerDefinitions")) {
      sink.resource(taskDefinition(object, Fields.list(object, EcsJsonReader::tag, "tags")));
    } else if (object.has("taskSetArn")) {
      sink.resource(taskSet(object));
    } else if (object.has("serviceName") || object.has("serviceArn")) {
      readService(object, false, sink);
    } else if (object.has("capacityProviderArn") || object.has("autoScalingGroupProvider") || object.has("managedInstancesProvider")) {
      sink.resource(capacityProvider(object));
    } else if (object.has("clusterName") || object.has("clusterArn")) {
      sink.resource(cluster(object, false));
    } else {
      return false;
    }
    return true;
  }

  /** A service, and the task sets that describe-services shows inside external deployments. */
  private static void readService(ObjectNode object, boolean described, Sink sink) {
    sink.resource(service(object, described));
    if (object.get("taskSets") instanceof ArrayNode taskSets) {
      for (Node element : taskSets.elements()) {
        if (element instanceof ObjectNode taskSet) {
          sink.resource(taskSet(taskSet));
        }
      }
    }
  }

  /**
   * A describe-* output's list: true when {@code name} holds objects (or nothing). An element that
   * is not an object is noted and skipped; the others are still read.
   */
  private static boolean envelope(ObjectNode object, String name, Consumer<ObjectNode> reader, Sink sink) {
    if (!(object.get(name) instanceof ArrayNode array)
        || array.size() > 0 && array.elements().stream().noneMatch(element -> element instanceof ObjectNode)) {
      return false;
    }
    for (Node element : array.elements()) {
      if (element instanceof ObjectNode resource) {
        reader.accept(resource);
      } else {
        sink.note(element, Fields.notAnObject(element) + "; skipped, so it is not checked");
      }
    }
    return true;
  }

  private static Value<List<Tag>> describedTags(ObjectNode owner, String operation) {
    if (!owner.has("tags")) {
      return Value.unknown(
          "this " + operation + " output leaves out tags (AWS includes them only when asked with --include TAGS)", owner);
    }
    return Fields.list(owner, EcsJsonReader::tag, "tags");
  }

  private static TaskDefinition taskDefinition(ObjectNode object, Value<List<Tag>> tags) {
    return new TaskDefinition(
        id(object, "taskDefinitionArn", "family"),
        object,
        Fields.string(object, "networkMode"),
        Fields.string(object, "pidMode"),
        Fields.string(object, "ipcMode"),
        Fields.string(object, "runtimePlatform", "operatingSystemFamily"),
        Fields.list(object, EcsJsonReader::container, "containerDefinitions"),
        Fields.list(object, EcsJsonReader::volume, "volumes"),
        tags);
  }

  static ContainerDefinition container(Node node) {
    if (!(node instanceof ObjectNode object)) {
      Value<?> unknown = Value.unknown(Fields.notAnObject(node), node);
      return new ContainerDefinition(
          label(node, "container"), node, cast(unknown), cast(unknown), cast(unknown), cast(unknown), cast(unknown));
    }
    return new ContainerDefinition(
        label(object, "container"),
        object,
        Fields.bool(object, "privileged"),
        Fields.bool(object, "readonlyRootFilesystem"),
        Fields.string(object, "user"),
        Fields.list(object, EcsJsonReader::environmentVariable, "environment"),
        Fields.string(object, "logConfiguration", "logDriver"));
  }

  private static EnvironmentVariable environmentVariable(Node node) {
    if (!(node instanceof ObjectNode object)) {
      return new EnvironmentVariable(Value.unknown(Fields.notAnObject(node), node));
    }
    return new EnvironmentVariable(Fields.string(object, "name"));
  }

  private static Volume volume(Node node) {
    if (!(node instanceof ObjectNode object)) {
      Value<?> unknown = Value.unknown(Fields.notAnObject(node), node);
      return new Volume(label(node, "volume"), node, cast(unknown), cast(unknown));
    }
    Value<ObjectNode> efs = Fields.object(object, "efsVolumeConfiguration");
    return new Volume(
        label(object, "volume"),
        object,
        efs.isAbsent() ? Value.known(false, object) : efs.map(config -> true),
        Fields.string(object, "efsVolumeConfiguration", "transitEncryption"));
  }

  private static Tag tag(Node node) {
    if (!(node instanceof ObjectNode object)) {
      return new Tag(Value.unknown(Fields.notAnObject(node), node));
    }
    return new Tag(Fields.string(object, "key"));
  }

  private static Service service(ObjectNode object, boolean described) {
    return new Service(
        id(object, "serviceArn", "serviceName"),
        object,
        Fields.string(object, "launchType"),
        Fields.list(object, EcsJsonReader::capacityProviderName, "capacityProviderStrategy"),
        Fields.string(object, "platformVersion"),
        Fields.string(object, "platformFamily"),
        Fields.string(object, "networkConfiguration", "awsvpcConfiguration", "assignPublicIp"),
        described ? describedTags(object, "describe-services") : Fields.list(object, EcsJsonReader::tag, "tags"));
  }

  private static Value<String> capacityProviderName(Node node) {
    if (!(node instanceof ObjectNode object)) {
      return Value.unknown(Fields.notAnObject(node), node);
    }
    return Fields.string(object, "capacityProvider");
  }

  private static Cluster cluster(ObjectNode object, boolean described) {
    Value<String> containerInsights;
    if (described && !object.has("settings")) {
      containerInsights =
          Value.unknown("this describe-clusters output leaves out settings (AWS includes them only when asked with --include SETTINGS)", object);
    } else {
      containerInsights = setting(object, "settings", "containerInsights");
    }
    return new Cluster(
        id(object, "clusterArn", "clusterName"),
        object,
        containerInsights,
        described ? describedTags(object, "describe-clusters") : Fields.list(object, EcsJsonReader::tag, "tags"));
  }

  /** The value of the named cluster setting; unknown when an entry that could be it is unreadable. */
  static Value<String> setting(ObjectNode cluster, String listName, String name) {
    Value<List<Node>> settings = Fields.list(cluster, node -> node, listName);
    if (settings.isUnknown()) {
      return Value.unknown(settings.reason(), settings.origin());
    }
    Value<String> unreadable = null;
    for (Node node : settings.orElse(List.of())) {
      if (!(node instanceof ObjectNode entry)) {
        unreadable = Value.unknown(Fields.notAnObject(node), node);
        continue;
      }
      Value<String> entryName = Fields.string(entry, "name");
      if (entryName.isUnknown()) {
        unreadable = entryName;
      } else if (entryName.is(name)) {
        return Fields.string(entry, "value");
      }
    }
    return unreadable != null ? unreadable : Value.absent(cluster);
  }

  private static TaskSet taskSet(ObjectNode object) {
    return new TaskSet(
        id(object, "taskSetArn", "id"),
        object,
        Fields.string(object, "networkConfiguration", "awsvpcConfiguration", "assignPublicIp"));
  }

  private static CapacityProvider capacityProvider(ObjectNode object) {
    Value<ObjectNode> group = Fields.object(object, "autoScalingGroupProvider");
    return new CapacityProvider(
        id(object, "capacityProviderArn", "name"),
        object,
        group.isAbsent() ? Value.known(false, object) : group.map(provider -> true),
        Fields.string(object, "autoScalingGroupProvider", "managedTerminationProtection"),
        Fields.list(object, EcsJsonReader::tag, "tags"));
  }

  /** The ARN when known, else the name, else where the resource stands in its file. */
  private static String id(ObjectNode object, String arnField, String nameField) {
    return Fields.string(object, arnField)
        .orElse(Fields.string(object, nameField).orElse(object.file() + ":" + object.line()));
  }

  /** How findings name an element: {@code container "web"}, or by position when it has no name. */
  static String label(Node node, String what) {
    Value<String> name = node instanceof ObjectNode object ? Fields.string(object, "name") : Value.absent(node);
    return name.isKnown() ? what + " \"" + name.get() + "\"" : what + " " + Fields.dotted(node);
  }

  @SuppressWarnings("unchecked")
  private static <T> Value<T> cast(Value<?> unknown) {
    return (Value<T>) unknown;
  }
}
