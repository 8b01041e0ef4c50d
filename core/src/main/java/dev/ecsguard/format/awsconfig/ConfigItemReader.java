package dev.ecsguard.format.awsconfig;

import dev.ecsguard.format.Fields;
import dev.ecsguard.format.InputReader;
import dev.ecsguard.format.ResourceShapes;
import dev.ecsguard.model.Resource;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.Tag;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Unreadable;
import dev.ecsguard.model.Value;
import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.Document;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS Config configuration items of ECS resources: one item (as a Config rule's change notification
 * carries it, or the notification's invoking event itself), an array of them, and
 * GetResourceConfigHistory's or BatchGetResourceConfig's output ({@code configurationItems}, {@code
 * baseConfigurationItems}), whose {@code configuration} is a JSON string. Each resource is named by
 * the item's ARN, else its {@code resourceId}.
 */
public final class ConfigItemReader implements InputReader.OfFile {
  private static final ResourceShapes SHAPES = new ResourceShapes(ConfigItemNames.SPELLING);

  /** Item statuses that record no live resource: Config's own rules judge nothing for them. */
  private static final Set<String> GONE =
      Set.of("ResourceDeleted", "ResourceDeletedNotRecorded", "ResourceNotRecorded");

  /** A revision number at the end of an ARN or of {@code family:revision}. */
  private static final Pattern REVISION = Pattern.compile(":(\\d{1,9})$");

  private final DocumentReader documents;

  /** {@code documents}: how a {@code configuration} held as a JSON string is parsed. */
  public ConfigItemReader(DocumentReader documents) {
    this.documents = documents;
  }

  @Override
  public boolean read(Document document, Sink sink) {
    Node root = document.root();
    List<ObjectNode> items = new ArrayList<>();
    if (root instanceof ObjectNode object && isItem(object)) {
      items.add(object);
    } else if (root instanceof ObjectNode object
        && object.get("configurationItem") instanceof ObjectNode item
        && isItem(item)) {
      items.add(item); // a Config rule's invokingEvent
    } else if (root instanceof ObjectNode object && listOfItems(object) instanceof ArrayNode list) {
      return readAll(list, sink);
    } else if (root instanceof ArrayNode array
        && !array.elements().isEmpty()
        && array.elements().stream().allMatch(ConfigItemReader::isConfigItem)) {
      return readAll(array, sink);
    } else {
      return false;
    }
    items.forEach(item -> readItem(item, sink));
    return true;
  }

  private static ArrayNode listOfItems(ObjectNode object) {
    for (String name : List.of("configurationItems", "baseConfigurationItems")) {
      if (object.get(name) instanceof ArrayNode list
          && list.elements().stream().allMatch(ConfigItemReader::isConfigItem)) {
        return list;
      }
    }
    return null;
  }

  private boolean readAll(ArrayNode list, Sink sink) {
    for (Node element : list.elements()) {
      if (isItem((ObjectNode) element)) {
        readItem((ObjectNode) element, sink);
      } else {
        sink.note(
            element,
            "a configuration item of another type than ECS's ("
                + Fields.string((ObjectNode) element, "resourceType").orElse("no resourceType")
                + "); skipped");
      }
    }
    return true;
  }

  /** Any configuration item: a resource type and an id, as Config writes every item. */
  private static boolean isConfigItem(Node node) {
    return node instanceof ObjectNode object
        && Fields.string(object, "resourceType").isKnown()
        && object.has("resourceId")
        && (object.has("configurationItemStatus") || object.has("configuration"));
  }

  /** An item of a resource type the controls judge. */
  private static boolean isItem(ObjectNode object) {
    return isConfigItem(object) && type(object).isPresent();
  }

  private static Optional<ResourceType> type(ObjectNode item) {
    Value<String> name = Fields.string(item, "resourceType");
    return Arrays.stream(ResourceType.values()).filter(type -> name.is(type.awsName())).findFirst();
  }

  private void readItem(ObjectNode item, Sink sink) {
    ResourceType type = type(item).orElseThrow();
    String id = id(item);
    Value<String> status = Fields.string(item, "configurationItemStatus");
    if (status.isKnown() && GONE.contains(status.get())) {
      sink.note(
          item.get("configurationItemStatus"),
          "configuration item status "
              + status.get()
              + ": no live resource is recorded, so nothing is checked");
      return;
    }
    Node written = item.get("configuration");
    ObjectNode configuration;
    try {
      configuration = configuration(written);
    } catch (InputException e) {
      sink.resource(
          Unreadable.of(
              type, id, written, "its configuration is a string that is not JSON: " + e.problem()));
      return;
    }
    if (configuration == null) {
      sink.resource(
          Unreadable.of(
              type,
              id,
              written != null ? written : item,
              written == null
                  ? "the configuration item has no configuration"
                  : "its configuration is " + written.kind() + ", expected an object"));
      return;
    }
    Value<List<Tag>> tags = tags(item, configuration);
    Resource resource =
        switch (type) {
          case TASK_DEFINITION -> {
            numberRevision(configuration, item);
            yield SHAPES.taskDefinition(id, configuration, tags, null);
          }
          case SERVICE ->
              SHAPES.service(id, configuration, tags, SHAPES.taskDefinitions(configuration));
          case CLUSTER ->
              SHAPES.cluster(
                  id,
                  configuration,
                  SHAPES.setting(configuration, "settings", "containerInsights"),
                  tags);
          case TASK_SET -> SHAPES.taskSet(id, configuration, SHAPES.taskDefinitions(configuration));
          case CAPACITY_PROVIDER -> SHAPES.capacityProvider(id, configuration, tags);
        };
    Value<String> revisionStatus = ConfigItemNames.SPELLING.string(configuration, "status");
    if (resource instanceof TaskDefinition taskDefinition
        && (revisionStatus.is("INACTIVE") || revisionStatus.is("DELETE_IN_PROGRESS"))) {
      // As the ECS reader does: AWS judges a deregistered revision no more, a service may run it.
      sink.note(
          configuration.get(ConfigItemNames.SPELLING.name("status")),
          "status "
              + revisionStatus.get()
              + ": AWS does not evaluate it, so neither does ecsguard; read only for the services"
              + " that still run it");
      sink.deregistered(taskDefinition);
    } else {
      sink.resource(resource);
    }
  }

  /** The configuration as an object: as written, or parsed from the JSON string the API gives. */
  private ObjectNode configuration(Node written) throws InputException {
    if (written instanceof ObjectNode object) {
      return object;
    }
    if (written instanceof ScalarNode text && text.type() == ScalarNode.Type.STRING) {
      return documents.readEmbedded(text).root() instanceof ObjectNode object ? object : null;
    }
    return null;
  }

  /** The ARN when the item has one, else its resourceId (a task definition's family:revision). */
  private static String id(ObjectNode item) {
    for (String field : List.of("ARN", "arn", "resourceId")) {
      Value<String> id = Fields.string(item, field);
      if (id.isKnown()) {
        return id.get();
      }
    }
    return item.file() + ":" + item.line();
  }

  /**
   * The item's tags: a map of key to value beside the configuration (a list under {@code Tags} in
   * it, where an item has one). An item that leaves them out says nothing of them: unknown.
   */
  private static Value<List<Tag>> tags(ObjectNode item, ObjectNode configuration) {
    if (configuration.has("Tags")) {
      return SHAPES.tags(configuration);
    }
    Node tags = item.get("tags");
    if (tags == null) {
      return Value.unknown("this configuration item leaves out tags", item);
    }
    if (!(tags instanceof ObjectNode map)) {
      return Value.unknown("tags is " + tags.kind() + ", expected an object", tags);
    }
    return Value.known(
        map.names().stream().map(key -> new Tag(Value.known(key, map.get(key)))).toList(), map);
  }

  /**
   * Config's task-definition configuration has no revision number: it is the end of its ARN (or of
   * the item's family:revision id), added here so that a scan of several revisions of one family
   * reports only the latest, as the other formats do.
   */
  private static void numberRevision(ObjectNode configuration, ObjectNode item) {
    String revision = ConfigItemNames.SPELLING.name("revision");
    if (configuration.has(revision)) {
      return;
    }
    for (Value<String> source :
        List.of(
            ConfigItemNames.SPELLING.string(configuration, "taskDefinitionArn"),
            Fields.string(item, "resourceId"))) {
      Matcher number = source.isKnown() ? REVISION.matcher(source.get()) : null;
      if (number != null && number.find()) {
        Node.newScalar(
            configuration,
            revision,
            source.origin() instanceof Node at ? at : configuration,
            ScalarNode.Type.NUMBER,
            number.group(1));
        return;
      }
    }
  }
}
