package dev.ecsguard.format.cloudformation;

import dev.ecsguard.format.Spelling;
import dev.ecsguard.model.ResourceType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How CloudFormation names the ECS API's fields, both ways: PascalCase ({@code networkMode} is
 * {@code NetworkMode}) but for the exceptions AWS made. The reader's {@link #SPELLING} and the fix
 * module's template fix both use it, so that a name is known once.
 */
public final class CloudFormationNames {
  /**
   * API field (qualified by resource type where only that type spells it so) → template name, where
   * it is not the rule's.
   */
  private static final Map<String, String> EXCEPTIONS =
      Map.of(
          "efsVolumeConfiguration",
          "EFSVolumeConfiguration",
          "settings",
          "ClusterSettings",
          Spelling.TASK_SET_AWSVPC,
          "AwsVpcConfiguration"); // a service's is AwsvpcConfiguration, by the rule

  private static final Map<String, String> API_NAMES = new HashMap<>();

  static {
    EXCEPTIONS.forEach((api, template) -> API_NAMES.put(template, Spelling.unqualified(api)));
  }

  /** Mappings whose keys are the user's own (log driver options, Docker labels): never re-cased. */
  public static final Set<String> FREE_FORM =
      Set.of("Options", "DockerLabels", "DriverOpts", "Labels");

  /**
   * CloudFormation's spelling for the readers: these names, and the string values its parser turns
   * into booleans and strings.
   */
  public static final Spelling SPELLING = Spelling.lenient(CloudFormationNames::templateName);

  private CloudFormationNames() {}

  /** The template's name for the API's {@code field} in a resource of {@code type}. */
  public static String templateName(ResourceType type, String field) {
    String exception = EXCEPTIONS.get(Spelling.qualified(type, field));
    return exception != null ? exception : templateName(field);
  }

  /**
   * The template's name for a {@link Spelling} step: an API field, or one qualified by a resource
   * type.
   */
  private static String templateName(String step) {
    String exception = EXCEPTIONS.get(step);
    if (exception != null) {
      return exception;
    }
    String field = Spelling.unqualified(step);
    return field.isEmpty()
        ? field
        : field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
  }

  /**
   * Whether {@code name} may be an ECS property's name: every one starts upper case (the API's
   * camelCase name, upper cased), and CloudFormation refuses a lower-case one ({@code privileged}),
   * which the readers take as absent.
   */
  public static boolean isPropertyName(String name) {
    return !name.isEmpty() && !Character.isLowerCase(name.charAt(0));
  }

  /** The API's name for a template's {@code name}. */
  public static String apiName(String name) {
    String exception = API_NAMES.get(name);
    return exception != null
        ? exception
        : name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
  }
}
