package dev.ecsguard.format;

import dev.ecsguard.model.Value;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How one input format spells the ECS API's fields, and how strictly it types them. Readers name
 * fields as the API does ({@code networkMode}); a spelling turns that into the format's own name
 * ({@code NetworkMode} in CloudFormation), so that each resource is mapped to the model once.
 */
public final class Spelling {
  /** A step that the API spells one way for services and task sets, and CloudFormation two ways. */
  public static final String TASK_SET_AWSVPC = "taskSet:awsvpcConfiguration";

  /** The ECS API's JSON: camelCase, and only JSON true/false are booleans. */
  public static final Spelling API = new Spelling(false, Map.of());

  /**
   * CloudFormation: PascalCase with a few exceptions AWS made, and the string values its parser
   * turns into booleans and strings.
   */
  public static final Spelling CLOUDFORMATION =
      new Spelling(
          true,
          Map.of(
              "efsVolumeConfiguration", "EFSVolumeConfiguration",
              "settings", "ClusterSettings",
              TASK_SET_AWSVPC, "AwsVpcConfiguration"));

  private final boolean pascalCase;
  private final Map<String, String> exceptions;
  private final Map<String, String> pascalNames = new java.util.concurrent.ConcurrentHashMap<>(); // spelled once each

  private Spelling(boolean pascalCase, Map<String, String> exceptions) {
    this.pascalCase = pascalCase;
    this.exceptions = exceptions;
  }

  /** The format's name for the API's {@code step}. */
  public String name(String step) {
    return pascalCase ? pascalNames.computeIfAbsent(step, this::spell) : spell(step);
  }

  private String spell(String step) {
    String exception = exceptions.get(step);
    if (exception != null) {
      return exception;
    }
    String plain = step.indexOf(':') < 0 ? step : step.substring(step.indexOf(':') + 1);
    return pascalCase && !plain.isEmpty() ? plain.substring(0, 1).toUpperCase(Locale.ROOT) + plain.substring(1) : plain;
  }

  public Value<String> string(ObjectNode object, String... path) {
    return pascalCase ? Fields.text(object, names(path)) : Fields.string(object, names(path));
  }

  public Value<Boolean> bool(ObjectNode object, String... path) {
    return pascalCase ? Fields.boolOrString(object, names(path)) : Fields.bool(object, names(path));
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

  /** The path in this format's names; the same array when nothing changes (the API's own JSON, mostly). */
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
