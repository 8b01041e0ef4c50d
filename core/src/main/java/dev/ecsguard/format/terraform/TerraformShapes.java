package dev.ecsguard.format.terraform;

import dev.ecsguard.format.Fields;
import dev.ecsguard.format.ResourceShapes;

import dev.ecsguard.model.ResourceType;

import dev.ecsguard.model.CapacityProvider;
import dev.ecsguard.model.Cluster;
import dev.ecsguard.model.ContainerDefinition;
import dev.ecsguard.model.Resource;
import dev.ecsguard.model.Service;
import dev.ecsguard.model.Tag;
import dev.ecsguard.model.TaskDefinition;
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

/**
 * Maps a Terraform resource's attributes (snake_case, nested blocks as lists of objects) to the
 * model, whether they come from a plan's planned values or from evaluating .tf source.
 */
final class TerraformShapes {
  private final DocumentReader documents;

  TerraformShapes(DocumentReader documents) {
    this.documents = documents;
  }

  /** The resource type of this aws_ecs_* {@code type}, or null for types that hold nothing the controls read. */
  static ResourceType typeOf(String type) {
    return switch (type) {
      case "aws_ecs_task_definition" -> ResourceType.TASK_DEFINITION;
      case "aws_ecs_service" -> ResourceType.SERVICE;
      case "aws_ecs_task_set" -> ResourceType.TASK_SET;
      case "aws_ecs_cluster" -> ResourceType.CLUSTER;
      case "aws_ecs_capacity_provider" -> ResourceType.CAPACITY_PROVIDER;
      default -> null;
    };
  }

  /** The resource of this aws_ecs_* {@code type}, or null for types that hold nothing the controls read. */
  Resource resource(String type, String address, ObjectNode values) {
    return switch (type) {
      case "aws_ecs_task_definition" -> taskDefinition(address, values);
      case "aws_ecs_service" -> service(address, values);
      case "aws_ecs_task_set" -> new TaskSet(address, values, assignPublicIp(values));
      case "aws_ecs_cluster" ->
          new Cluster(address, values, ResourceShapes.API.setting(values, "setting", "containerInsights"), tags(values));
      case "aws_ecs_capacity_provider" -> capacityProvider(address, values);
      default -> null;
    };
  }

  private TaskDefinition taskDefinition(String address, ObjectNode values) {
    return new TaskDefinition(
        address,
        values,
        Fields.string(values, "network_mode"),
        Fields.string(values, "pid_mode"),
        Fields.string(values, "ipc_mode"),
        Fields.string(values, "runtime_platform", "0", "operating_system_family"),
        containers(values),
        Fields.list(values, TerraformShapes::volume, "volume"),
        tags(values));
  }

  /**
   * container_definitions is a string of API JSON (camelCase), read as the ECS API's own; in .tf
   * source, jsonencode(...) of a list gives that list itself.
   */
  private Value<List<ContainerDefinition>> containers(ObjectNode values) {
    if (values.get("container_definitions") instanceof ArrayNode list) {
      return Value.known(list.elements().stream().map(ResourceShapes.API::container).toList(), list);
    }
    Value<String> text = Fields.string(values, "container_definitions");
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
      return Value.unknown("container_definitions is " + embedded.root().kind() + ", expected a JSON array", host);
    }
    List<ContainerDefinition> containers = new ArrayList<>(array.size());
    array.elements().forEach(element -> containers.add(ResourceShapes.API.container(element)));
    return Value.known(containers, host);
  }

  private static Volume volume(Node node) {
    if (!(node instanceof ObjectNode object)) {
      Value<Boolean> unknown = Value.unknown(Fields.notAnObject(node), node);
      return new Volume(ResourceShapes.API.label(node, "volume"), node, unknown, Value.unknown(Fields.notAnObject(node), node));
    }
    Value<ObjectNode> efs = Fields.object(object, "efs_volume_configuration", "0");
    return new Volume(
        ResourceShapes.API.label(object, "volume"),
        object,
        efs.isAbsent() ? Value.known(false, object) : efs.map(config -> true),
        Fields.string(object, "efs_volume_configuration", "0", "transit_encryption"));
  }

  private static Service service(String address, ObjectNode values) {
    return new Service(
        address,
        values,
        Fields.string(values, "launch_type"),
        Fields.list(
            values,
            node -> node instanceof ObjectNode item ? Fields.string(item, "capacity_provider") : Value.<String>unknown(Fields.notAnObject(node), node),
            "capacity_provider_strategy"),
        Fields.string(values, "platform_version"),
        Value.absent(values), // Terraform has no platform_family; ECS.10 then assumes Linux, as the spec says
        assignPublicIp(values),
        tags(values));
  }

  /** Terraform spells assign_public_ip as a boolean; the model, as AWS does. */
  private static Value<String> assignPublicIp(ObjectNode values) {
    return Fields.bool(values, "network_configuration", "0", "assign_public_ip").map(on -> on ? "ENABLED" : "DISABLED");
  }

  private static CapacityProvider capacityProvider(String address, ObjectNode values) {
    Value<ObjectNode> group = Fields.object(values, "auto_scaling_group_provider", "0");
    return new CapacityProvider(
        address,
        values,
        group.isAbsent() ? Value.known(false, values) : group.map(provider -> true),
        Fields.string(values, "auto_scaling_group_provider", "0", "managed_termination_protection"),
        tags(values));
  }

  /**
   * tags_all where it is known (it adds the provider's default tags), else tags. When tags_all is
   * known only after apply, the default tags may add keys: an unknown entry stands for them, so
   * that the tag controls pass on tags alone where they can and are UNKNOWN, not FAILED, otherwise.
   */
  private static Value<List<Tag>> tags(ObjectNode values) {
    Value<ObjectNode> all = Fields.object(values, "tags_all");
    if (all.isKnown()) {
      return all.map(TerraformShapes::keys);
    }
    Value<ObjectNode> own = Fields.object(values, "tags");
    if (!all.isUnknown() || own.isUnknown()) {
      return own.map(TerraformShapes::keys);
    }
    List<Tag> tags = own.isKnown() ? keys(own.get()) : new ArrayList<>();
    tags.add(new Tag(Value.unknown(all.reason() + " (the provider's default tags may add keys)", all.origin()), true));
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
