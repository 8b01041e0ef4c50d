package dev.ecsguard.format.cloudformation;

import dev.ecsguard.format.InputReader;
import dev.ecsguard.model.Value;
import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import dev.ecsguard.tree.UnresolvedNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands {@code Fn::ForEach} loops (the AWS::LanguageExtensions transform) in a template's
 * Resources as CloudFormation does before it reads them: {@code "Fn::ForEach::Name": [identifier,
 * collection, {key: value}]} puts a copy of each entry per item of the collection, with {@code
 * ${identifier}} (and {@code &{identifier}}, the item without its punctuation) replaced in keys and
 * strings and {@code Ref identifier} replaced by the item. Loops nest. A loop whose collection is
 * not known creates resources that are not known: each entry once, under its key as written, marked
 * unknown with the reason, so that it can be neither lost nor passed.
 */
final class ForEachLoops {
  static final String PREFIX = "Fn::ForEach::";
  // Values one template's loops may make: CloudFormation allows 500 resources, an expansion bomb
  // makes billions.
  private static final int MAX_VALUES = 1_000_000;

  /**
   * Resources with every loop expanded; {@code unknown}: the logical ids whose loops could not be
   * expanded, with why.
   */
  record Expanded(ObjectNode resources, Map<String, String> unknown) {}

  private final CloudFormationFunctions functions;
  private final InputReader.Sink sink;
  private final Map<String, String> unknown = new LinkedHashMap<>();
  private final ObjectNode scratch; // where a collection is put to be evaluated
  private String unresolved; // why the resource being expanded is not known, or null
  private int values;

  private ForEachLoops(
      CloudFormationFunctions functions, InputReader.Sink sink, ObjectNode scratch) {
    this.functions = functions;
    this.sink = sink;
    this.scratch = scratch;
  }

  /**
   * {@code resources} itself when it has no loop (the common case costs no copy); else a copy with
   * them expanded.
   */
  static Expanded expand(
      ObjectNode resources, CloudFormationFunctions functions, InputReader.Sink sink) {
    if (!hasLoop(resources)) {
      return new Expanded(resources, Map.of());
    }
    ObjectNode root = Node.newDocument(resources.file(), 1, 1);
    ForEachLoops loops =
        new ForEachLoops(functions, sink, Node.newObject(root, "(collection)", resources));
    ObjectNode expanded = Node.newObject(root, "Resources", resources);
    for (String name : resources.names()) {
      loops.entry(name, resources.get(name), expanded, Map.of(), true);
    }
    return new Expanded(expanded, Map.copyOf(loops.unknown));
  }

  private static boolean hasLoop(Node node) {
    return switch (node) {
      case ObjectNode object ->
          object.names().stream()
              .anyMatch(name -> name.startsWith(PREFIX) || hasLoop(object.get(name)));
      case ArrayNode array -> array.elements().stream().anyMatch(ForEachLoops::hasLoop);
      default -> false;
    };
  }

  /**
   * Puts one entry of a mapping into {@code target}: a loop's entries, or the entry with its key
   * substituted.
   */
  private void entry(
      String name, Node value, ObjectNode target, Map<String, String> bindings, boolean resource) {
    if (name.startsWith(PREFIX)) {
      loop(name, value, target, bindings, resource);
      return;
    }
    String key = substitute(name, bindings);
    if (resource) {
      unresolved = null;
    }
    copy(value, target, key, bindings);
    if (resource && unresolved != null) {
      unknown.put(key, unresolved);
      sink.note(value, key + " is not known: " + unresolved + "; its controls are UNKNOWN");
    }
  }

  private void loop(
      String name, Node value, ObjectNode target, Map<String, String> bindings, boolean resource) {
    if (!(value instanceof ArrayNode loop)
        || loop.size() != 3
        || !(loop.elements().get(0) instanceof ScalarNode identifier)
        || identifier.type() != ScalarNode.Type.STRING
        || !(loop.elements().get(2) instanceof ObjectNode fragment)) {
      notExpanded(
          name,
          value,
          target,
          "it needs [identifier, collection, {key: value}]",
          null,
          bindings,
          resource);
      return;
    }
    copy(loop.elements().get(1), scratch, "(collection)", bindings);
    Value<List<String>> collection = functions.list(scratch.get("(collection)"));
    if (!collection.isKnown()) {
      String why =
          "its collection is not known ("
              + (collection.isUnknown() ? collection.reason() : "it is empty")
              + ")";
      notExpanded(name, value, target, why, fragment, bindings, resource);
      return;
    }
    for (String item : collection.get()) {
      if (values > MAX_VALUES) {
        notExpanded(
            name,
            value,
            target,
            "the loops expand to over " + MAX_VALUES + " values",
            fragment,
            bindings,
            resource);
        return;
      }
      Map<String, String> inner = new HashMap<>(bindings);
      inner.put(identifier.text(), item);
      for (String key : fragment.names()) {
        entry(key, fragment.get(key), target, inner, resource);
      }
    }
  }

  /**
   * A loop that cannot be expanded: at the top of Resources each entry it would create (those of
   * loops inside it too) stands once, under its key as written, and is unknown; inside a resource
   * it makes that resource unknown.
   */
  private void notExpanded(
      String name,
      Node at,
      ObjectNode target,
      String why,
      ObjectNode fragment,
      Map<String, String> bindings,
      boolean resource) {
    String reason = name + ": " + why;
    if (!resource) {
      unresolved = reason;
      return;
    }
    Map<String, Node> created = new LinkedHashMap<>();
    if (fragment != null) {
      entries(fragment, bindings, created);
    }
    sink.note(
        at,
        reason
            + (created.isEmpty()
                ? "; not read"
                : "; the resources it would create ("
                    + String.join(", ", created.keySet())
                    + ") are UNKNOWN"));
    created.forEach(
        (id, resourceNode) -> {
          copy(resourceNode, target, id, bindings);
          unknown.put(id, reason);
        });
  }

  /**
   * The entries of {@code fragment} and of the loops in it, by their keys with what is bound
   * substituted.
   */
  private static void entries(
      ObjectNode fragment, Map<String, String> bindings, Map<String, Node> into) {
    for (String key : fragment.names()) {
      if (!key.startsWith(PREFIX)) {
        into.put(substitute(key, bindings), fragment.get(key));
      } else if (fragment.get(key) instanceof ArrayNode loop
          && loop.size() == 3
          && loop.elements().get(2) instanceof ObjectNode inner) {
        entries(inner, bindings, into);
      }
    }
  }

  private void copy(Node value, Node parent, String key, Map<String, String> bindings) {
    values++;
    switch (value) {
      case ObjectNode object -> {
        if (object.names().equals(java.util.Set.of("Ref"))
            && object.get("Ref") instanceof ScalarNode ref
            && bindings.containsKey(ref.text())) {
          Node.newScalar(parent, key, value, ScalarNode.Type.STRING, bindings.get(ref.text()));
          return;
        }
        ObjectNode copy = Node.newObject(parent, key, value);
        for (String name : object.names()) {
          entry(name, object.get(name), copy, bindings, false);
        }
      }
      case ArrayNode array -> {
        ArrayNode copy = Node.newArray(parent, key, value);
        for (Node element : array.elements()) {
          copy(element, copy, null, bindings);
        }
      }
      case ScalarNode scalar ->
          Node.newScalar(
              parent,
              key,
              value,
              scalar.type(),
              scalar.type() == ScalarNode.Type.STRING
                  ? substitute(scalar.text(), bindings)
                  : scalar.text());
      case UnresolvedNode node ->
          Node.newUnresolved(
              parent, key, value, node.reason(), node.reference(), node.knownEnding());
    }
  }

  /** {@code ${id}} becomes the item, {@code &{id}} the item's letters and digits only. */
  private static String substitute(String text, Map<String, String> bindings) {
    if (bindings.isEmpty() || (!text.contains("${") && !text.contains("&{"))) {
      return text;
    }
    for (Map.Entry<String, String> binding : bindings.entrySet()) {
      text =
          text.replace("${" + binding.getKey() + "}", binding.getValue())
              .replace(
                  "&{" + binding.getKey() + "}", binding.getValue().replaceAll("[^A-Za-z0-9]", ""));
    }
    return text;
  }
}
