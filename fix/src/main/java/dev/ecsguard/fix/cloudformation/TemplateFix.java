package dev.ecsguard.fix.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.RemedyOptions;
import dev.ecsguard.fix.shared.FixedText;
import dev.ecsguard.fix.shared.Hardening;
import dev.ecsguard.format.cloudformation.CloudFormationNames;
import dev.ecsguard.model.ResourceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fixes the ECS resources of a CloudFormation template, JSON or YAML, with the steps and options of
 * the ECS API JSON fix. Each resource's {@code Properties} are read into the API's camelCase shape
 * (named as the reader names them: {@link CloudFormationNames}), hardened by the catalogue's
 * remedies for its {@code Type} ({@link Hardening}), and what the fix changed becomes edits of the
 * template's own text ({@link TextEditor}), so that everything else in the file stays as it was
 * written.
 */
public final class TemplateFix {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Map<String, ResourceType> FIXED_TYPES =
      Map.of(
          "AWS::ECS::TaskDefinition", ResourceType.TASK_DEFINITION,
          "AWS::ECS::Service", ResourceType.SERVICE,
          "AWS::ECS::TaskSet", ResourceType.TASK_SET,
          "AWS::ECS::Cluster", ResourceType.CLUSTER,
          "AWS::ECS::CapacityProvider", ResourceType.CAPACITY_PROVIDER);

  /**
   * API fields whose value is a list or an object, among those the fixes read. When a template
   * computes one with a function, the fix sees it absent; anything the fix would put there is left
   * to the user, as ecsguard does not guess what the function yields.
   */
  private static final Set<String> COLLECTIONS =
      Set.of(
          "containerDefinitions",
          "volumes",
          "environment",
          "secrets",
          "mountPoints",
          "logConfiguration",
          "options",
          "linuxParameters",
          "capabilities",
          "add",
          "efsVolumeConfiguration",
          "tags",
          "networkConfiguration",
          "awsvpcConfiguration",
          "settings",
          "autoScalingGroupProvider",
          "managedScaling",
          "runtimePlatform");

  /**
   * What the fix sees for a scalar a function computes: a value no control accepts and no fix
   * compares equal to, so a fix replaces it only where any value but its own would fail.
   */
  private static final String COMPUTED = "(computed by ";

  private static final String FOR_EACH = "Fn::ForEach::";

  private TemplateFix() {}

  /**
   * A Fn::ForEach loop's resources, as the scan reads them, are copies of one text: an edit there
   * would change every copy, which no single finding asks for.
   */
  private static String leftToTheUser(String loop) {
    return loop
        + ": left unchanged: it makes one resource per item, each from the same text; harden them in the loop's body by hand";
  }

  /**
   * ECS API JSON {@code before}, written as {@code text}, as {@code after}: {@code text} with only
   * the members that changed edited, everything else kept as written (layout, order, numbers);
   * empty when its layout is one the editor does not handle. The caller checks that it reads back
   * as {@code after}.
   */
  public static Optional<String> editApiJson(String text, JsonNode before, JsonNode after) {
    try {
      TextTree root = TextTreeParser.parse(text, true);
      return Optional.of(
          new TextEditor(text, true, root).apply(ResourceFix.apiJsonEdits(root, before, after)));
    } catch (TextTreeParser.UnsupportedLayout e) {
      return Optional.empty();
    }
  }

  /** The root of a template: a mapping with a Resources mapping. */
  public static boolean isTemplate(dev.ecsguard.tree.Node root) {
    return root instanceof dev.ecsguard.tree.ObjectNode template
        && template.get("Resources") instanceof dev.ecsguard.tree.ObjectNode;
  }

  public static FixedText fix(String name, String text, RemedyOptions options) {
    boolean json = TextTreeParser.isJson(name, text);
    TextTree root;
    try {
      root = TextTreeParser.parse(text, json);
    } catch (TextTreeParser.UnsupportedLayout e) {
      return new FixedText(text, List.of("the template is left unchanged: " + e.getMessage()));
    }
    List<String> instructions = new ArrayList<>();
    List<TextEditor.Edit> edits = new ArrayList<>();
    TextEditor editor = new TextEditor(text, json, root);
    if (root instanceof TextTree.Mapping template
        && template.get("Resources") instanceof TextTree.Intrinsic loop
        && loop.function().startsWith(FOR_EACH)) {
      instructions.add(
          leftToTheUser(loop.function())); // a loop alone in Resources reads as a function
    }
    if (root instanceof TextTree.Mapping template
        && template.get("Resources") instanceof TextTree.Mapping resources) {
      for (TextTree.Entry resource : resources.entries()) {
        if (resource.key().startsWith(FOR_EACH)) {
          instructions.add(leftToTheUser(resource.key()));
        } else if (resource.value() instanceof TextTree.Mapping body
            && body.get("Type") instanceof TextTree.Scalar type
            && FIXED_TYPES.containsKey(type.value().asText())) {
          List<TextEditor.Edit> resourceEdits =
              new ResourceFix(resource.key(), type.value().asText(), options, instructions)
                  .edits(body);
          try {
            editor.check(
                resourceEdits); // alone first: a layout the editor refuses leaves this resource,
            // not the file, unchanged
            edits.addAll(resourceEdits);
          } catch (TextTreeParser.UnsupportedLayout e) {
            instructions.add(resource.key() + ": left unchanged: " + e.getMessage());
          }
        }
      }
    }
    String fixed;
    try {
      fixed = editor.apply(edits);
    } catch (TextTreeParser.UnsupportedLayout e) {
      throw new IllegalStateException("each resource's edits were applied alone a moment ago", e);
    }
    return new FixedText(fixed, instructions);
  }

  /**
   * One resource: its Properties read, fixed, and compared, as edits in the template's spelling.
   */
  private static final class ResourceFix {
    private final String logicalId;
    private final String typeName;
    private final ResourceType type;
    private final RemedyOptions options;
    private final List<String> instructions;
    private final List<TextEditor.Edit> edits = new ArrayList<>();
    private final List<String> computed = new ArrayList<>();
    // ECS API JSON: every name as the API writes it, nothing computed by a function.
    private final boolean apiNames;

    ResourceFix(
        String logicalId, String typeName, RemedyOptions options, List<String> instructions) {
      this(logicalId, typeName, options, instructions, false);
    }

    private ResourceFix(
        String logicalId,
        String typeName,
        RemedyOptions options,
        List<String> instructions,
        boolean apiNames) {
      this.logicalId = logicalId;
      this.typeName = typeName;
      this.type = FIXED_TYPES.get(typeName);
      this.options = options;
      this.instructions = instructions;
      this.apiNames = apiNames;
    }

    /**
     * The edits that turn ECS API JSON {@code before}, written as {@code text}, into {@code after}.
     */
    static List<TextEditor.Edit> apiJsonEdits(TextTree text, JsonNode before, JsonNode after) {
      ResourceFix fix = new ResourceFix("", "", null, new ArrayList<>(), true);
      fix.diff(text, before, after, "", true);
      return fix.edits;
    }

    /**
     * The edits that fix this resource; none when it cannot be fixed as written, with the reason
     * among the instructions.
     */
    List<TextEditor.Edit> edits(TextTree.Mapping body) {
      TextTree properties = body.get("Properties");
      if (properties != null && !(properties instanceof TextTree.Mapping)) {
        instructions.add(
            logicalId
                + ": left unchanged: its Properties are "
                + describe(properties)
                + ", not a mapping");
        return List.of();
      }
      TextTree.Mapping mapping = (TextTree.Mapping) properties;
      if (type == ResourceType.TASK_DEFINITION && mapping != null) {
        noteComputedContainers(mapping.get("ContainerDefinitions"));
      }
      ObjectNode before = mapping == null ? NODES.objectNode() : api(mapping, false);
      JsonNode after;
      try {
        after = fixed(before);
      } catch (UnsupportedOperationException | ClassCastException e) {
        // A fix met a field of a type the resource does not take (Volumes: a string, say).
        instructions.add(
            logicalId + ": left unchanged: a property has a type " + typeName + " does not accept");
        return List.of();
      }
      if (mapping == null) {
        if (!after.isEmpty()) {
          add(body, "Properties", after, "Properties", false);
        }
      } else {
        diff(mapping, before, after, "", false);
      }
      if (!computed.isEmpty()) {
        instructions.add(
            logicalId
                + ": left unchanged: "
                + String.join(", ", computed)
                + (computed.size() > 1 ? " are" : " is")
                + " computed by a function, and ecsguard does not guess what it yields; fix by hand what ecsguard scan reports");
        return List.of();
      }
      return edits;
    }

    /**
     * Containers a function computes: ecsguard does not guess what they hold, so their task
     * definition is left to the user.
     */
    private void noteComputedContainers(TextTree containers) {
      if (containers instanceof TextTree.Intrinsic) {
        computed.add("ContainerDefinitions");
      } else if (containers instanceof TextTree.Sequence list) {
        for (int i = 0; i < list.items().size(); i++) {
          if (list.items().get(i) instanceof TextTree.Intrinsic) {
            computed.add("ContainerDefinitions[" + i + "]");
          }
        }
      }
    }

    /** The fixed copy of {@code before}, by the resource's type. */
    private JsonNode fixed(ObjectNode before) {
      ObjectNode copy = before.deepCopy();
      if (type == ResourceType.TASK_DEFINITION) {
        return taskDefinition(copy);
      }
      new Hardening(options).resource(type, copy);
      return copy;
    }

    /**
     * The task-definition fix, which wants a family (CloudFormation makes one when there is none:
     * the log group is then named after the logical id) and a container list.
     */
    private ObjectNode taskDefinition(ObjectNode task) {
      JsonNode family = task.get("family");
      boolean literalFamily =
          family != null && family.isTextual() && !family.asText().startsWith(COMPUTED);
      boolean containers = task.has("containerDefinitions");
      if (!literalFamily) {
        task.put("family", logicalId);
      }
      if (!containers) {
        task.putArray("containerDefinitions");
      }
      String named = task.path("family").asText() + ": ";
      Hardening fix = new Hardening(options);
      ObjectNode fixed = fix.taskDefinition(task);
      if (!literalFamily) {
        restore(fixed, "family", family);
      }
      if (!containers && fixed.path("containerDefinitions").isEmpty()) {
        fixed.remove("containerDefinitions");
      }
      for (String step : fix.instructions()) {
        instructions.add(
            logicalId + ": " + (step.startsWith(named) ? step.substring(named.length()) : step));
      }
      return fixed;
    }

    private static void restore(ObjectNode object, String field, JsonNode value) {
      if (value == null) {
        object.remove(field);
      } else {
        object.set(field, value);
      }
    }

    /**
     * Compares the template's value with what the fix made of it, collecting edits at {@code path}.
     */
    private void diff(
        TextTree original, JsonNode before, JsonNode after, String path, boolean freeForm) {
      if (before.equals(after)) {
        return;
      }
      if (original instanceof TextTree.Mapping mapping
          && before instanceof ObjectNode was
          && after instanceof ObjectNode is) {
        Set<String> written = new HashSet<>();
        for (TextTree.Entry entry : mapping.entries()) {
          String key = freeForm ? entry.key() : apiKey(entry.key());
          written.add(key);
          String at = path.isEmpty() ? entry.key() : path + "." + entry.key();
          if (!is.has(key)) {
            if (was.has(key)) {
              edits.add(new TextEditor.RemoveEntry(mapping, entry));
            }
          } else if (!was.has(key)) {
            computed.add(at); // a function computes it, and the fix would put something there
          } else {
            diff(entry.value(), was.get(key), is.get(key), at, freeForm(entry.key()));
          }
        }
        is.properties()
            .forEach(
                field -> {
                  if (!written.contains(field.getKey())) {
                    String key = freeForm ? field.getKey() : templateName(field.getKey());
                    add(
                        mapping,
                        key,
                        field.getValue(),
                        path.isEmpty() ? key : path + "." + key,
                        freeForm(key));
                  }
                });
        return;
      }
      if (original instanceof TextTree.Sequence sequence
          && before instanceof ArrayNode was
          && after instanceof ArrayNode is) {
        if (is.size() < was.size()) {
          // Only removed (a credential variable): the items kept are the same, in the same order.
          int kept = 0;
          for (int i = 0; i < was.size(); i++) {
            if (kept < is.size() && was.get(i).equals(is.get(kept))) {
              kept++;
            } else {
              edits.add(new TextEditor.RemoveItem(sequence, sequence.items().get(i)));
            }
          }
        } else {
          for (int i = 0; i < was.size(); i++) {
            diff(sequence.items().get(i), was.get(i), is.get(i), path + "[" + i + "]", apiNames);
          }
          for (int i = was.size(); i < is.size(); i++) {
            JsonNode item = template(is.get(i), apiNames);
            if (needsComputed(item, path + "[" + i + "]")) {
              edits.add(new TextEditor.AppendItem(sequence, item));
            }
          }
        }
        return;
      }
      // A scalar, or a value whose kind the fix changed; a function's result may become a literal,
      // never a structure.
      if (original instanceof TextTree.Intrinsic && after.isContainerNode()) {
        computed.add(path);
        return;
      }
      JsonNode value = template(after, freeForm);
      if (needsComputed(value, path)) {
        edits.add(new TextEditor.Replace(original, value));
      }
    }

    private void add(
        TextTree.Mapping mapping, String key, JsonNode value, String path, boolean freeForm) {
      JsonNode spelled = template(value, freeForm);
      if (needsComputed(spelled, path)) {
        edits.add(new TextEditor.AddEntry(mapping, key, spelled));
      }
    }

    /**
     * False, and the path noted, when a new value would be built from a value a function computes
     * (a container's name in its log stream prefix).
     */
    private boolean needsComputed(JsonNode value, String path) {
      if (value.toString().contains(COMPUTED)) {
        computed.add(path);
        return false;
      }
      return true;
    }

    /** A value the fix made, its field names as the template spells them. */
    private JsonNode template(JsonNode value, boolean freeForm) {
      if (value instanceof ObjectNode object) {
        ObjectNode spelled = NODES.objectNode();
        object
            .properties()
            .forEach(
                field -> {
                  String key = freeForm ? field.getKey() : templateName(field.getKey());
                  spelled.set(key, template(field.getValue(), freeForm(key)));
                });
        return spelled;
      }
      if (value instanceof ArrayNode array) {
        ArrayNode spelled = NODES.arrayNode();
        array.forEach(item -> spelled.add(template(item, apiNames)));
        return spelled;
      }
      return value;
    }

    /** Whether the members of {@code key}'s value are named as written (the user's own maps). */
    private boolean freeForm(String key) {
      return apiNames || CloudFormationNames.FREE_FORM.contains(key);
    }

    private String templateName(String apiName) {
      return CloudFormationNames.templateName(type, apiName);
    }
  }

  /**
   * The API's name for a template's key; for a key CloudFormation refuses ({@code privileged},
   * lower case), one that no API field has: the scan reads such a property as absent, so no remedy
   * may act on it, and it is left as written.
   */
  private static String apiKey(String key) {
    return CloudFormationNames.isPropertyName(key)
        ? CloudFormationNames.apiName(key)
        : NOT_A_PROPERTY + key;
  }

  /** Starts the API-shaped key of a template key that is no property's name (see apiKey). */
  private static final String NOT_A_PROPERTY = "\u0000not a property: ";

  /**
   * A template mapping in the API's shape: functions of a scalar become a {@link #COMPUTED} marker,
   * of a collection absent.
   */
  private static ObjectNode api(TextTree.Mapping mapping, boolean freeForm) {
    ObjectNode object = NODES.objectNode();
    for (TextTree.Entry entry : mapping.entries()) {
      String key = freeForm ? entry.key() : apiKey(entry.key());
      if (!(entry.value() instanceof TextTree.Intrinsic && COLLECTIONS.contains(key))) {
        object.set(key, api(entry.value(), CloudFormationNames.FREE_FORM.contains(entry.key())));
      }
    }
    return object;
  }

  private static JsonNode api(TextTree value, boolean freeForm) {
    return switch (value) {
      case TextTree.Mapping mapping -> api(mapping, freeForm);
      case TextTree.Sequence sequence -> {
        ArrayNode array = NODES.arrayNode();
        // A list item a function computes is left alone: null, which no fix edits.
        sequence
            .items()
            .forEach(
                item ->
                    array.add(
                        item instanceof TextTree.Intrinsic ? NODES.nullNode() : api(item, false)));
        yield array;
      }
      case TextTree.Scalar scalar -> scalar.value();
      case TextTree.Intrinsic intrinsic -> NODES.textNode(COMPUTED + describe(intrinsic) + ")");
    };
  }

  /** A function as steps name it: a Ref with what it refers to (a parameter's name says which). */
  private static String describe(TextTree.Intrinsic intrinsic) {
    return intrinsic.referred() != null
        ? intrinsic.function() + " " + intrinsic.referred()
        : intrinsic.function();
  }

  private static String describe(TextTree value) {
    return switch (value) {
      case TextTree.Intrinsic intrinsic -> "computed by " + describe(intrinsic);
      case TextTree.Sequence sequence -> "a list";
      default -> "a single value";
    };
  }
}
