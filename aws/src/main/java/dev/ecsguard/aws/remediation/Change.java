package dev.ecsguard.aws.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.aws.session.Arns;
import dev.ecsguard.aws.session.AwsSession.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * One change a remediation makes in an account: what the plan prints, what the journal records. A
 * dry run prints exactly these; {@code --yes} makes exactly these, in this order.
 */
public sealed interface Change {
  Target target();

  /** One line: what changes, from what to what, and which findings it removes. */
  String describe();

  /** A unified diff of the task definition, with credential values hidden; empty for settings. */
  default String diff() {
    return "";
  }

  default String account() {
    return target().account().id();
  }

  default String region() {
    return target().region();
  }

  /**
   * A hardened revision of {@code family}, registered from the described {@code from} revision. The
   * register input is kept in memory only: it holds environment values, which no journal may.
   */
  record RegisterRevision(
      Target target,
      String family,
      String from,
      ObjectNode registerInput,
      String diff,
      List<String> removes)
      implements Change {
    @Override
    public String describe() {
      return "task definition "
          + family
          + ": register a hardened revision from "
          + revision(from)
          + removing(removes);
    }
  }

  /**
   * A service moved to its family's hardened revision ({@code family} non-null; made from the
   * {@code source} revision) and/or given {@code after}'s settings (a {@code taskDefinition} there:
   * redeployed to its family's latest revision, by ARN), always with a new deployment, since
   * running tasks change only then.
   */
  record UpdateService(
      Target target,
      String cluster,
      String service,
      String family,
      String source,
      ObjectNode before,
      ObjectNode after,
      List<String> removes)
      implements Change {
    @Override
    public String describe() {
      List<String> parts = new ArrayList<>();
      if (family != null) {
        // The copy is of the latest revision, which may not be the one the service runs: say so.
        parts.add(
            "task definition "
                + revision(before.path("taskDefinition").asText())
                + " → a hardened copy of "
                + revision(source));
      } else if (after.has("taskDefinition")) {
        parts.add(
            "task definition "
                + revision(before.path("taskDefinition").asText())
                + " → "
                + revision(after.path("taskDefinition").asText())
                + ", its family's latest revision");
      }
      if (after.has("networkConfiguration")) {
        parts.add("assignPublicIp " + publicIp(before) + " → " + publicIp(after));
      }
      if (after.has("platformVersion")) {
        parts.add(
            "platformVersion "
                + before.path("platformVersion").asText("(not set)")
                + " → "
                + after.path("platformVersion").asText());
      }
      return "service "
          + Arns.name(cluster)
          + "/"
          + Arns.name(service)
          + ": "
          + String.join(", ", parts)
          + ", with a new deployment"
          + removing(removes);
    }

    private static String publicIp(JsonNode settings) {
      return settings
          .path("networkConfiguration")
          .path("awsvpcConfiguration")
          .path("assignPublicIp")
          .asText("(not set)");
    }
  }

  /** Container Insights turned on for a cluster ({@code before} is null when it was not set). */
  record UpdateCluster(
      Target target, String cluster, String before, String after, List<String> removes)
      implements Change {
    @Override
    public String describe() {
      return "cluster "
          + Arns.name(cluster)
          + ": containerInsights "
          + (before == null ? "(not set)" : before)
          + " → "
          + after
          + removing(removes);
    }
  }

  /**
   * Managed termination protection turned on for a capacity provider whose managed scaling is on.
   */
  record UpdateCapacityProvider(
      Target target, String capacityProvider, String before, String after, List<String> removes)
      implements Change {
    @Override
    public String describe() {
      return "capacity provider "
          + capacityProvider
          + ": managedTerminationProtection "
          + (before == null ? "(not set)" : before)
          + " → "
          + after
          + removing(removes);
    }
  }

  /** {@code family:revision} from a task-definition ARN. */
  static String revision(String arn) {
    return Arns.name(arn);
  }

  private static String removing(List<String> controls) {
    return controls.isEmpty() ? "" : " (removes " + String.join(", ", controls) + ")";
  }
}
