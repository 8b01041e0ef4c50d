package dev.ecsguard.format.awsconfig;

import dev.ecsguard.format.Spelling;
import java.util.Locale;
import java.util.Map;

/**
 * How AWS Config's configuration items name the ECS API's fields: PascalCase, as CloudFormation,
 * but partly derived from the API ({@code Volumes[].EfsVolumeConfiguration}, where a template says
 * {@code EFSVolumeConfiguration}), and with CloudFormation's {@code ClusterSettings} and a task
 * set's {@code AwsVpcConfiguration}. Values are typed loosely (numbers often strings), as
 * CloudFormation's are.
 */
public final class ConfigItemNames {
  /** API step → item name, where it is not the PascalCase rule's. */
  private static final Map<String, String> EXCEPTIONS =
      Map.of("settings", "ClusterSettings", Spelling.TASK_SET_AWSVPC, "AwsVpcConfiguration");

  public static final Spelling SPELLING = Spelling.lenient(ConfigItemNames::itemName);

  private ConfigItemNames() {}

  private static String itemName(String step) {
    String exception = EXCEPTIONS.get(step);
    if (exception != null) {
      return exception;
    }
    String field = Spelling.unqualified(step);
    return field.isEmpty()
        ? field
        : field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
  }
}
