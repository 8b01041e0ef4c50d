package dev.ecsguard.format.terraform;

import dev.ecsguard.format.Fields;
import dev.ecsguard.format.InputReader;
import dev.ecsguard.model.Resource;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.Unreadable;
import dev.ecsguard.model.Value;
import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.Document;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import java.util.function.Consumer;

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
    markUnknown(values, unknowns.orElse(null), "");
    Resource resource = shapes.resource(type, address, values);
    if (resource != null) {
      sink.resource(resource);
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

  /** Puts an unresolved value wherever after_unknown says the value is known only after apply. */
  private static void markUnknown(Node values, Node unknowns, String path) {
    if (unknowns instanceof ObjectNode marks && values instanceof ObjectNode object) {
      for (String name : marks.names()) {
        mark(
            object.get(name),
            marks.get(name),
            path.isEmpty() ? name : path + "." + name,
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
            reason -> array.markUnresolved(index, reason));
      }
    }
  }

  /**
   * What one mark says of the value beside it: true, known only after apply; false, known; an
   * object or list, marks within the value. Anything else is a malformed plan, and the value it
   * covers is taken as unknown rather than as what after shows.
   */
  private static void mark(Node value, Node mark, String at, Consumer<String> unresolve) {
    if (mark instanceof ScalarNode scalar && scalar.type() == ScalarNode.Type.BOOLEAN) {
      if (scalar.text().equals("true")) {
        unresolve.accept(at + " is known only after apply");
      }
    } else if (mark instanceof ObjectNode && value instanceof ObjectNode
        || mark instanceof ArrayNode && value instanceof ArrayNode) {
      markUnknown(value, mark, at);
    } else if (!(mark instanceof ObjectNode object && object.names().isEmpty()
        || mark instanceof ArrayNode array && array.size() == 0)) {
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
