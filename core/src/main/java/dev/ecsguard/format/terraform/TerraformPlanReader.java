package dev.ecsguard.format.terraform;

import dev.ecsguard.format.Fields;
import dev.ecsguard.format.InputReader;
import dev.ecsguard.format.ResourceShapes;
import dev.ecsguard.model.Resource;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinitionLink;
import dev.ecsguard.model.Unreadable;
import dev.ecsguard.model.Value;
import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.Document;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import dev.ecsguard.tree.UnresolvedNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;

/**
 * Terraform plan JSON ({@code terraform show -json plan.out}): every aws_ecs_* resource in {@code
 * resource_changes}, modules and count/for_each instances included, named by its full address.
 * Values known only after apply ({@code after_unknown}) become unresolved, so the controls that
 * need them are UNKNOWN.
 */
public final class TerraformPlanReader implements InputReader.OfFile {
  private final TerraformShapes shapes;

  public TerraformPlanReader(DocumentReader documents) {
    this.shapes = new TerraformShapes(documents);
  }

  @Override
  public boolean read(Document document, Sink sink) {
    if (!(document.root() instanceof ObjectNode root)
        || !root.has("terraform_version")
        || !root.has("format_version")) {
      return false;
    }
    if (!(root.get("resource_changes") instanceof ArrayNode changes)) {
      sink.note(
          root,
          "Terraform JSON without resource_changes (state, or a plan with no resources): ecsguard reads the resource_changes of terraform show -json PLANFILE; skipped");
      return true;
    }
    TerraformPlanConfiguration configuration = TerraformPlanConfiguration.of(root);
    for (Node node : changes.elements()) {
      if (node instanceof ObjectNode change && Fields.string(change, "mode").is("managed")) {
        read(change, configuration, sink);
      }
    }
    return true;
  }

  private void read(ObjectNode change, TerraformPlanConfiguration configuration, Sink sink) {
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
      unreadable(type, address, change, after.reason(), sink);
      return;
    }
    Value<ObjectNode> unknowns = Fields.object(change, "change", "after_unknown");
    if (!unknowns.isKnown()) {
      // Which values are known only after apply cannot be told (Terraform always writes
      // after_unknown): none may be taken as known.
      unreadable(
          type,
          address,
          change,
          "after_unknown is "
              + (unknowns.isUnknown()
                  ? "malformed (" + unknowns.reason() + ")"
                  : "missing or null"),
          sink);
      return;
    }
    ObjectNode values = after.get();
    TerraformAttributes.Resource table = TerraformAttributes.Resource.of(type);
    TerraformPlanConfiguration.Block block = table == null ? null : configuration.block(change);
    Set<String> leftOut = block == null ? Set.of() : leftOut(table, block);
    boolean allTagsDecided =
        block != null
            && unknowns.get().get(TerraformAttributes.ALL_TAGS) instanceof ScalarNode mark
            && mark.type() == ScalarNode.Type.BOOLEAN
            && mark.text().equals("true");
    markUnknown(
        values,
        unknowns.get(),
        "",
        at -> leftOut.contains(at) || (allTagsDecided && at.equals(TerraformAttributes.ALL_TAGS)));
    if (allTagsDecided) {
      allTags(values, block.defaultTags());
    }
    if (table == TerraformAttributes.Resource.TASK_DEFINITION && block != null) {
      referTo(values, block, table.path("taskRoleArn")[0]);
      referTo(values, block, table.path("executionRoleArn")[0]);
    }
    Resource resource = shapes.resource(type, address, values, links(change, block));
    if (resource != null) {
      sink.resource(resource);
    }
  }

  /**
   * A plan's links: a task definition's key is the plan file and its address; a service's
   * task_definition, known after apply when the task definition changes, is linked by the reference
   * its configuration block makes ({@code aws_ecs_task_definition.NAME.arn}) in its own module
   * instance.
   */
  private static TerraformShapes.Links links(
      ObjectNode change, TerraformPlanConfiguration.Block block) {
    String file = change.file();
    return new TerraformShapes.Links() {
      @Override
      public String key(String address) {
        return "terraform-plan:" + file + "#" + address;
      }

      @Override
      public Value<TaskDefinitionLink> link(Value<String> written) {
        if (!written.isUnknown()) {
          return ResourceShapes.link(written);
        }
        String module = Fields.string(change, "module_address").map(m -> m + ".").orElse("");
        for (String reference :
            block == null ? List.<String>of() : block.references("task_definition")) {
          Matcher resource = TerraformShapes.TASK_DEFINITION.matcher(reference);
          if (resource.lookingAt()) {
            return Value.known(
                new TaskDefinitionLink(null, key(module + resource.group())), written.origin());
          }
        }
        return ResourceShapes.link(written);
      }
    };
  }

  /**
   * The attributes, of those the controls read, that the configuration leaves out and that the
   * provider fills in at apply with the API's default, which the controls read as not set: a task
   * definition's network mode (bridge, or on Windows the default; never host), a service's or task
   * set's platform version (LATEST), a capacity provider's managed termination protection
   * (DISABLED), the launch type where a capacity provider strategy is written (the API takes one or
   * the other), and a cluster's settings: Container Insights left out is not set, which ECS.12
   * fails as it does in source and templates (controls.md), whatever the account's default makes of
   * it at apply. Where a launch type is left out without a strategy, the cluster's default strategy
   * decides: that stays known only after apply.
   */
  private static Set<String> leftOut(
      TerraformAttributes.Resource table, TerraformPlanConfiguration.Block block) {
    List<String[]> defaults =
        switch (table) {
          case TASK_DEFINITION -> List.<String[]>of(table.path("networkMode"));
          case SERVICE, TASK_SET ->
              block.writes(table.path("capacityProviderStrategy")[0])
                  ? List.of(table.path("platformVersion"), table.path("launchType"))
                  : List.<String[]>of(table.path("platformVersion"));
          case CAPACITY_PROVIDER ->
              List.<String[]>of(
                  table.path("autoScalingGroupProvider", "managedTerminationProtection"));
          case CLUSTER -> List.<String[]>of(table.path("settings"));
        };
    Set<String> leftOut = new HashSet<>();
    for (String[] path : defaults) {
      if (block.leavesOut(path)) {
        leftOut.add(dotted(path));
      }
    }
    return leftOut;
  }

  /** A path as {@link #markUnknown} names it: {@code auto_scaling_group_provider[0].x}. */
  private static String dotted(String[] path) {
    StringBuilder dotted = new StringBuilder();
    for (String step : path) {
      if (step.chars().allMatch(Character::isDigit)) {
        dotted.append('[').append(step).append(']');
      } else {
        dotted.append(dotted.isEmpty() ? "" : ".").append(step);
      }
    }
    return dotted.toString();
  }

  /**
   * tags_all, known only after apply, as the provider will make it: the resource's tags with the
   * default_tags of its provider configuration. Without default tags it is the tags themselves
   * (left absent, the model reads tags); with constant ones, both merged; otherwise it stays
   * unknown, saying why.
   */
  private static void allTags(ObjectNode values, TerraformPlanConfiguration.DefaultTags defaults) {
    String name = TerraformAttributes.ALL_TAGS;
    Node own = values.get("tags");
    if (defaults.unknownReason() != null) {
      values.markUnresolved(
          name, name + " is known only after apply, and " + defaults.unknownReason());
    } else if (own instanceof UnresolvedNode) {
      values.markUnresolved(name, name + " is known only after apply (so are the tags)");
    } else if (!defaults.tags().isEmpty()) {
      ObjectNode merged = Node.newObject(values, name, values);
      defaults.tags().forEach((key, value) -> copy(merged, key, value));
      if (own instanceof ObjectNode tags) {
        tags.names().forEach(key -> copy(merged, key, tags.get(key)));
      }
    }
  }

  /** One tag of a merged tags_all, shown where it is written. */
  private static void copy(ObjectNode tags, String key, Node value) {
    if (value instanceof ScalarNode scalar) {
      Node.newScalar(tags, key, value, scalar.type(), scalar.text());
    } else if (value instanceof UnresolvedNode unresolved) {
      Node.newUnresolved(tags, key, value, unresolved.reason());
    } else {
      Node.newUnresolved(tags, key, value, "the value of tag " + key + " is not a string");
    }
  }

  /**
   * A resource whose values cannot be told: every control on it is UNKNOWN with the reason, never
   * passed over.
   */
  private static void unreadable(
      String type, String address, ObjectNode change, String reason, Sink sink) {
    ResourceType resourceType = TerraformShapes.typeOf(type);
    if (resourceType == null) {
      sink.note(change, address + ": " + reason + "; skipped");
    } else {
      sink.resource(Unreadable.of(resourceType, address, change, reason));
    }
  }

  /**
   * Gives the attribute {@code name}, when it is known only after apply, what the configuration
   * says it refers to: then ECSG.8 can tell two roles apart that neither is known yet.
   */
  private static void referTo(
      ObjectNode values, TerraformPlanConfiguration.Block block, String name) {
    String reference = block.reference(name);
    if (reference != null && values.get(name) instanceof UnresolvedNode unresolved) {
      values.markUnresolved(name, unresolved.reason(), reference);
    }
  }

  /**
   * Puts an unresolved value wherever after_unknown says the value is known only after apply,
   * except at the paths {@code decided} (the configuration tells them).
   */
  private static void markUnknown(
      Node values, Node unknowns, String path, Predicate<String> decided) {
    if (unknowns instanceof ObjectNode marks && values instanceof ObjectNode object) {
      for (String name : marks.names()) {
        mark(
            object.get(name),
            marks.get(name),
            path.isEmpty() ? name : path + "." + name,
            decided,
            reason -> object.markUnresolved(name, reason));
      }
    } else if (unknowns instanceof ArrayNode marks && values instanceof ArrayNode array) {
      for (int i = 0;
          i < Math.min(marks.size(), array.size());
          i++) { // marks past the list mark nothing
        int index = i;
        mark(
            array.elements().get(i),
            marks.elements().get(i),
            path + "[" + i + "]",
            decided,
            reason -> array.markUnresolved(index, reason));
      }
    }
  }

  /**
   * What one mark says of the value beside it: true, known only after apply; false, known; an
   * object or list, marks within the value. Anything else is a malformed plan, and the value it
   * covers is taken as unknown rather than as what after shows.
   */
  private static void mark(
      Node value, Node mark, String at, Predicate<String> decided, Consumer<String> unresolve) {
    if (mark instanceof ScalarNode scalar && scalar.type() == ScalarNode.Type.BOOLEAN) {
      if (scalar.text().equals("true") && !decided.test(at)) {
        unresolve.accept(at + " is known only after apply");
      }
    } else if ((mark instanceof ObjectNode && value instanceof ObjectNode)
        || (mark instanceof ArrayNode && value instanceof ArrayNode)) {
      markUnknown(value, mark, at, decided);
    } else if (!((mark instanceof ObjectNode object && object.names().isEmpty())
        || (mark instanceof ArrayNode array && array.size() == 0))) {
      unresolve.accept(
          at
              + ": after_unknown is malformed ("
              + mark.kind()
              + " where true, false or marks for "
              + (value == null ? "an absent value" : value.kind())
              + " are expected); taken as known only after apply");
    }
  }
}
