package dev.ecsguard.input;

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
import dev.ecsguard.source.ArrayNode;
import dev.ecsguard.source.Document;
import dev.ecsguard.source.DocumentReader;
import dev.ecsguard.source.InputException;
import dev.ecsguard.source.Node;
import dev.ecsguard.source.ObjectNode;
import dev.ecsguard.source.ScalarNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Terraform plan JSON ({@code terraform show -json plan.out}): every aws_ecs_* resource in
 * {@code resource_changes}, modules and count/for_each instances included, named by its full
 * address. Values known only after apply ({@code after_unknown}) become unresolved, so the controls
 * that need them are UNKNOWN.
 */
public final class TerraformPlanReader implements InputReader {
  private final DocumentReader documents;

  public TerraformPlanReader(DocumentReader documents) {
    this.documents = documents;
  }

  @Override
  public boolean read(Document document, Sink sink) {
    if (!(document.root() instanceof ObjectNode root) || !root.has("terraform_version") || !root.has("format_version")) {
      return false;
    }
    if (!(root.get("resource_changes") instanceof ArrayNode changes)) {
      sink.note(root, "Terraform JSON without resource_changes (state, or a plan with no resources): ecsguard reads the resource_changes of terraform show -json PLANFILE; skipped");
      return true;
    }
    for (Node node : changes.elements()) {
      if (node instanceof ObjectNode change && Fields.string(change, "mode").is("managed")) {
        read(change, sink);
      }
    }
    return true;
  }

  private void read(ObjectNode change, Sink sink) {
    String type = Fields.string(change, "type").orElse("");
    if (!type.startsWith("aws_ecs_")) {
      return;
    }
    String address = Fields.string(change, "address").orElse(type);
    Value<ObjectNode> after = Fields.object(change, "change", "after");
    if (after.isAbsent()) {
      return; // being destroyed: nothing will be left to check
    }
    if (after.isUnknown()) {
      sink.note(change, address + ": " + after.reason() + "; skipped");
      return;
    }
    ObjectNode values = after.get();
    markUnknown(values, Fields.object(change, "change", "after_unknown").orElse(null), "");
    Resource resource =
        switch (type) {
          case "aws_ecs_task_definition" -> taskDefinition(address, values);
          case "aws_ecs_service" -> service(address, values);
          case "aws_ecs_task_set" -> new TaskSet(address, values, assignPublicIp(values));
          case "aws_ecs_cluster" ->
              new Cluster(address, values, ResourceShapes.API.setting(values, "setting", "containerInsights"), tags(values));
          case "aws_ecs_capacity_provider" -> capacityProvider(address, values);
          default -> null; // other aws_ecs_* types hold nothing the controls read
        };
    if (resource != null) {
      sink.resource(resource);
    }
  }

  /** Puts an unresolved value wherever after_unknown says the value is known only after apply. */
  private static void markUnknown(Node values, Node unknowns, String path) {
    if (unknowns instanceof ObjectNode marks && values instanceof ObjectNode object) {
      for (String name : marks.names()) {
        String at = path.isEmpty() ? name : path + "." + name;
        if (isTrue(marks.get(name))) {
          object.markUnresolved(name, at + " is known only after apply");
        } else {
          markUnknown(object.get(name), marks.get(name), at);
        }
      }
    } else if (unknowns instanceof ArrayNode marks && values instanceof ArrayNode array) {
      for (int i = 0; i < Math.min(marks.size(), array.size()); i++) { // marks past the list mark nothing
        String at = path + "[" + i + "]";
        if (isTrue(marks.elements().get(i))) {
          array.markUnresolved(i, at + " is known only after apply");
        } else {
          markUnknown(array.elements().get(i), marks.elements().get(i), at);
        }
      }
    }
  }

  private static boolean isTrue(Node node) {
    return node instanceof ScalarNode scalar && scalar.type() == ScalarNode.Type.BOOLEAN && scalar.text().equals("true");
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
        Fields.list(values, TerraformPlanReader::volume, "volume"),
        tags(values));
  }

  /** container_definitions is a string of API JSON (camelCase), read as the ECS API's own. */
  private Value<List<ContainerDefinition>> containers(ObjectNode values) {
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
      return all.map(TerraformPlanReader::keys);
    }
    Value<ObjectNode> own = Fields.object(values, "tags");
    if (!all.isUnknown() || own.isUnknown()) {
      return own.map(TerraformPlanReader::keys);
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
