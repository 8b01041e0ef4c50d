package dev.ecsguard.format.terraform;

import dev.ecsguard.format.Fields;
import dev.ecsguard.format.ResourceShapes;
import dev.ecsguard.model.CapacityProvider;
import dev.ecsguard.model.Cluster;
import dev.ecsguard.model.ContainerDefinition;
import dev.ecsguard.model.Resource;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.Service;
import dev.ecsguard.model.Tag;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.TaskDefinitionLink;
import dev.ecsguard.model.TaskSet;
import dev.ecsguard.model.Value;
import dev.ecsguard.model.Volume;
import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.Document;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps a Terraform resource's attributes (snake_case, nested blocks as lists of objects) to the
 * model, whether they come from a plan's planned values or from evaluating .tf source. Fields are
 * named as the API names them, and found where {@link TerraformAttributes} says Terraform writes
 * them.
 */
final class TerraformShapes {
  /** A container definition's maps of the user's own keys, lower case. */
  private static final Set<String> USER_MAPS = Set.of("dockerlabels", "options", "driveropts");

  private static final TerraformAttributes.Resource TASK =
      TerraformAttributes.Resource.TASK_DEFINITION;
  private static final TerraformAttributes.Field VOLUMES = TASK.field("volumes");
  private static final TerraformAttributes.Resource SERVICE = TerraformAttributes.Resource.SERVICE;
  private static final TerraformAttributes.Resource CAPACITY_PROVIDER =
      TerraformAttributes.Resource.CAPACITY_PROVIDER;

  /**
   * A reference to a task-definition resource, with its instance key if any: what a link's key
   * names, after the reader's prefix and module address.
   */
  static final Pattern TASK_DEFINITION =
      Pattern.compile(
          "aws_ecs_task_definition\\.[A-Za-z_][\\w-]*(\\[(\\d+|\"(?:[^\"\\\\]|\\\\.)*\")\\])?");

  private final DocumentReader documents;

  TerraformShapes(DocumentReader documents) {
    this.documents = documents;
  }

  /**
   * The resource type of this aws_ecs_* {@code type}, or null for types that hold nothing the
   * controls read.
   */
  static ResourceType typeOf(String type) {
    TerraformAttributes.Resource resource = TerraformAttributes.Resource.of(type);
    return resource == null ? null : resource.type();
  }

  /**
   * How a reader links services and task sets to task definitions: the key of the task definition
   * at an address, and the link a service's or task set's {@code task_definition} value makes (a
   * reference the value cannot give, known only after apply, is the reader's to tell).
   */
  interface Links {
    String key(String address);

    Value<TaskDefinitionLink> link(Value<String> taskDefinition);
  }

  /**
   * The resource of this aws_ecs_* {@code type}, or null for types that hold nothing the controls
   * read.
   */
  Resource resource(String type, String address, ObjectNode values, Links links) {
    TerraformAttributes.Resource resource = TerraformAttributes.Resource.of(type);
    return resource == null
        ? null
        : switch (resource) {
          case TASK_DEFINITION -> taskDefinition(address, values, links.key(address));
          case SERVICE -> service(address, values, taskDefinitions(values, links));
          case TASK_SET ->
              new TaskSet(
                  address,
                  values,
                  assignPublicIp(resource, values),
                  taskDefinitions(values, links));
          case CLUSTER ->
              new Cluster(
                  address,
                  values,
                  ResourceShapes.API.setting(
                      values, resource.field("settings").terraform(), "containerInsights"),
                  tags(resource, values));
          case CAPACITY_PROVIDER -> capacityProvider(address, values);
        };
  }

  /** The one task definition a service or task set names; none where it names none. */
  private static List<Value<TaskDefinitionLink>> taskDefinitions(ObjectNode values, Links links) {
    Value<String> written = Fields.string(values, "task_definition");
    return written.isAbsent() ? List.of() : List.of(links.link(written));
  }

  private TaskDefinition taskDefinition(String address, ObjectNode values, String key) {
    return new TaskDefinition(
        address,
        values,
        Fields.string(values, TASK.path("networkMode")),
        Fields.string(values, TASK.path("pidMode")),
        Fields.string(values, TASK.path("ipcMode")),
        Fields.string(values, TASK.path("runtimePlatform", "operatingSystemFamily")),
        containers(values),
        Fields.list(values, TerraformShapes::volume, TASK.path("volumes")),
        tags(TASK, values),
        Fields.role(Fields.string(values, TASK.path("taskRoleArn"))),
        Fields.role(Fields.string(values, TASK.path("executionRoleArn"))),
        Fields.string(values, TASK.path("family")),
        Fields.integer(values, "revision"),
        Fields.string(values, "arn"),
        key);
  }

  /**
   * container_definitions is a string of API JSON (camelCase), read as the ECS API's own; in .tf
   * source, jsonencode(...) of a list gives that list itself.
   */
  private Value<List<ContainerDefinition>> containers(ObjectNode values) {
    String[] path = TASK.path("containerDefinitions");
    if (values.get(path[0]) instanceof ArrayNode list) {
      namesAsTheProviderDecodes(list);
      return Value.known(
          list.elements().stream().map(ResourceShapes.API::container).toList(), list);
    }
    Value<String> text = Fields.string(values, path);
    if (!text.isKnown()) {
      return text.isUnknown() ? Value.unknown(text.reason(), text.origin()) : Value.absent(values);
    }
    ScalarNode host = (ScalarNode) text.origin();
    Document embedded;
    try {
      embedded = documents.readEmbedded(host);
    } catch (InputException e) {
      return Value.unknown("container_definitions is not valid JSON (" + e.problem() + ")", host);
    }
    if (!(embedded.root() instanceof ArrayNode array)) {
      return Value.unknown(
          "container_definitions is " + embedded.root().kind() + ", expected a JSON array", host);
    }
    namesAsTheProviderDecodes(array);
    List<ContainerDefinition> containers = new ArrayList<>(array.size());
    array.elements().forEach(element -> containers.add(ResourceShapes.API.container(element)));
    return Value.known(containers, host);
  }

  /**
   * The provider decodes container_definitions with Go's JSON decoding into the SDK's types, which
   * matches a field's name in any case ({@code "Privileged": true} and {@code
   * readOnlyRootFilesystem} work as the API's own names); the user's own maps (Docker labels, log
   * driver options) keep their keys as written.
   */
  private static void namesAsTheProviderDecodes(Node node) {
    if (node instanceof ObjectNode object) {
      object.matchNamesIgnoringCase();
      object.forEachMember(
          (name, member) -> {
            if (!USER_MAPS.contains(name.toLowerCase(Locale.ROOT))) {
              namesAsTheProviderDecodes(member);
            }
          });
    } else if (node instanceof ArrayNode array) {
      array.elements().forEach(TerraformShapes::namesAsTheProviderDecodes);
    }
  }

  private static Volume volume(Node node) {
    if (!(node instanceof ObjectNode object)) {
      String reason = Fields.notAnObject(node);
      return new Volume(
          ResourceShapes.API.label(node, "volume"),
          node,
          Value.unknown(reason, node),
          Value.unknown(reason, node),
          Value.unknown(reason, node),
          Value.unknown(reason, node));
    }
    Value<ObjectNode> efs = Fields.object(object, VOLUMES.path("efsVolumeConfiguration"));
    return new Volume(
        ResourceShapes.API.label(object, "volume"),
        object,
        efs.isAbsent() ? Value.known(false, object) : efs.map(config -> true),
        Fields.string(object, VOLUMES.path("efsVolumeConfiguration", "transitEncryption")),
        Fields.string(object, VOLUMES.path("name")),
        Fields.string(object, VOLUMES.path("host", "sourcePath")));
  }

  private static Service service(
      String address, ObjectNode values, List<Value<TaskDefinitionLink>> taskDefinitions) {
    return new Service(
        address,
        values,
        Fields.string(values, SERVICE.path("launchType")),
        Fields.list(
            values,
            node ->
                node instanceof ObjectNode item
                    ? Fields.string(
                        item, SERVICE.field("capacityProviderStrategy").path("capacityProvider"))
                    : Value.<String>unknown(Fields.notAnObject(node), node),
            SERVICE.path("capacityProviderStrategy")),
        Fields.string(values, SERVICE.path("platformVersion")),
        Value.absent(
            values), // Terraform has no platform_family; ECS.10 then assumes Linux, as the spec
        // says
        assignPublicIp(SERVICE, values),
        tags(SERVICE, values),
        taskDefinitions);
  }

  /** Terraform spells assign_public_ip as a boolean; the model, as AWS does. */
  private static Value<String> assignPublicIp(
      TerraformAttributes.Resource resource, ObjectNode values) {
    return Fields.bool(
            values, resource.path("networkConfiguration", "awsvpcConfiguration", "assignPublicIp"))
        .map(TerraformAttributes::enabled);
  }

  private static CapacityProvider capacityProvider(String address, ObjectNode values) {
    Value<ObjectNode> group =
        Fields.object(values, CAPACITY_PROVIDER.path("autoScalingGroupProvider"));
    return new CapacityProvider(
        address,
        values,
        group.isAbsent() ? Value.known(false, values) : group.map(provider -> true),
        Fields.string(
            values,
            CAPACITY_PROVIDER.path("autoScalingGroupProvider", "managedTerminationProtection")),
        tags(CAPACITY_PROVIDER, values));
  }

  /**
   * tags_all where it is known (it adds the provider's default tags), else tags. When tags_all is
   * known only after apply, the default tags may add keys: an unknown entry stands for them, so
   * that the tag controls pass on tags alone where they can and are UNKNOWN, not FAILED, otherwise.
   */
  private static Value<List<Tag>> tags(TerraformAttributes.Resource resource, ObjectNode values) {
    Value<ObjectNode> all = Fields.object(values, TerraformAttributes.ALL_TAGS);
    if (all.isKnown()) {
      return all.map(TerraformShapes::keys);
    }
    Value<ObjectNode> own = Fields.object(values, resource.path("tags"));
    if (!all.isUnknown() || own.isUnknown()) {
      return own.map(TerraformShapes::keys);
    }
    List<Tag> tags = own.isKnown() ? keys(own.get()) : new ArrayList<>();
    tags.add(
        new Tag(
            Value.unknown(
                all.reason() + " (the provider's default tags may add keys)", all.origin()),
            true));
    return Value.known(tags, own.isKnown() ? own.origin() : values);
  }

  private static List<Tag> keys(ObjectNode map) {
    List<Tag> tags = new ArrayList<>();
    for (String key : map.names()) {
      tags.add(new Tag(Value.known(key, map.get(key))));
    }
    return tags;
  }
}
