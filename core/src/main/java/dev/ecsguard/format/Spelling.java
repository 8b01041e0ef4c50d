package dev.ecsguard.format;

import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.Value;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How one input format spells the ECS API's fields, and how strictly it types them. Readers name
 * fields as the API does ({@code networkMode}); a spelling turns that into the format's own name
 * ({@code NetworkMode} in CloudFormation), so that each resource is mapped to the model once. A
 * format's names live in its own package (CloudFormation's in {@code CloudFormationNames}).
 */
public final class Spelling {
  /** A step that the API spells one way for services and task sets, and CloudFormation two ways. */
  public static final String TASK_SET_AWSVPC =
      qualified(ResourceType.TASK_SET, "awsvpcConfiguration");

  /** The ECS API's JSON: camelCase, and only JSON true/false are booleans. */
  public static final Spelling API = new Spelling(false, Spelling::unqualified);

  private final boolean lenient;
  private final UnaryOperator<String> naming;

  private Spelling(boolean lenient, UnaryOperator<String> naming) {
    this.lenient = lenient;
    this.naming = naming;
  }

  /**
   * A format that names each step by {@code naming} (each name worked out once), and types values
   * as CloudFormation does: a number or boolean written without quotes is a string too, and a
   * string that says true or false, in any case, is a boolean.
   */
  public static Spelling lenient(UnaryOperator<String> naming) {
    Map<String, String> names = new ConcurrentHashMap<>();
    return new Spelling(true, step -> names.computeIfAbsent(step, naming));
  }

  /**
   * The step for {@code field} where a format spells it differently in resources of {@code type}:
   * {@code taskSet:awsvpcConfiguration}.
   */
  public static String qualified(ResourceType type, String field) {
    String[] words = type.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder step = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      step.append(Character.toUpperCase(words[i].charAt(0))).append(words[i], 1, words[i].length());
    }
    return step.append(':').append(field).toString();
  }

  /** The API's field a step names: the step itself, or what follows its resource type. */
  public static String unqualified(String step) {
    int colon = step.indexOf(':');
    return colon < 0 ? step : step.substring(colon + 1);
  }

  /** The format's name for the API's {@code step}. */
  public String name(String step) {
    return naming.apply(step);
  }

  public Value<String> string(ObjectNode object, String... path) {
    return lenient ? Fields.text(object, names(path)) : Fields.string(object, names(path));
  }

  /** As above, one member: no array per read, as every variable's name and value is. */
  public Value<String> string(ObjectNode object, String member) {
    String name = name(member);
    return lenient ? Fields.text(object, name) : Fields.string(object, name);
  }

  /** An array's element that should be a string (a capability, a security option). */
  public Value<String> string(Node element) {
    return lenient ? Fields.text(element) : Fields.string(element);
  }

  public Value<Boolean> bool(ObjectNode object, String... path) {
    return lenient ? Fields.boolOrString(object, names(path)) : Fields.bool(object, names(path));
  }

  public Value<ObjectNode> object(ObjectNode object, String... path) {
    return Fields.object(object, names(path));
  }

  <T> Value<List<T>> list(ObjectNode object, Function<Node, T> element, String... path) {
    return Fields.list(object, element, names(path));
  }

  boolean has(ObjectNode object, String step) {
    return object.has(name(step));
  }

  /**
   * The path in this format's names; the same array when nothing changes (the API's own JSON,
   * mostly).
   */
  private String[] names(String[] path) {
    String[] names = path;
    for (int i = 0; i < path.length; i++) {
      String name = name(path[i]);
      if (name != path[i]) {
        if (names == path) {
          names = path.clone();
        }
        names[i] = name;
      }
    }
    return names;
  }
}
