package dev.ecsguard.fix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hardens a task definition written as ECS API JSON (register-task-definition input, or
 * describe-task-definition output, which becomes a register input), one control at a time. It
 * only adds and changes what a control needs, never removes anything else, and applying it twice
 * changes nothing more.
 */
public final class TaskDefinitionFix {
  /** describe-task-definition fields that register-task-definition refuses. */
  static final Set<String> READ_ONLY = Set.of(
      "taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities", "registeredAt", "deregisteredAt",
      "deleteRequestedAt", "registeredBy");
  private static final Set<String> CREDENTIAL_NAMES = dev.ecsguard.catalog.taskdefinition.CredentialsInEnvironment.CREDENTIAL_NAMES;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * What the user chose.
   *
   * @param user the user set where ECS.20 fails (Linux)
   * @param keepCapabilities Linux capabilities added where privileged is removed
   * @param logRegion the region of the awslogs log group ECS.9 adds; null to leave ECS.9 to the user
   * @param secrets {@code NAME → ARN}: where the value of a credential variable lives, for ECS.8
   * @param allowNetworkChange whether ECS.3 and ECS.17 may change how the task is reached
   * @param leaveAlone controls whose steps do not run: accepted (suppressed) or skipped findings stay as they are
   */
  public record Options(String user, List<String> keepCapabilities, String logRegion, Map<String, String> secrets, boolean allowNetworkChange,
      Set<String> leaveAlone) {
    public Options {
      leaveAlone = Set.copyOf(leaveAlone);
    }

    /** Every control's step runs. */
    public Options(String user, List<String> keepCapabilities, String logRegion, Map<String, String> secrets, boolean allowNetworkChange) {
      this(user, keepCapabilities, logRegion, secrets, allowNetworkChange, Set.of());
    }

    /** These options, with awslogs added in {@code region} (null: ECS.9 left to the user). */
    public Options withLogRegion(String region) {
      return new Options(user, keepCapabilities, region, secrets, allowNetworkChange, leaveAlone);
    }

    /** These options, with {@code controls} left alone too. */
    public Options leavingAlone(java.util.Collection<String> controls) {
      Set<String> all = new java.util.HashSet<>(leaveAlone);
      all.addAll(controls);
      return new Options(user, keepCapabilities, logRegion, secrets, allowNetworkChange, all);
    }

    /** Whether the step of {@code control} runs. */
    boolean fixes(String control) {
      return !leaveAlone.contains(control);
    }
  }

  private final Options options;
  private final List<String> instructions = new ArrayList<>();
  private boolean movedSecrets;
  private boolean addedLogging;

  public TaskDefinitionFix(Options options) {
    this.options = options;
  }

  /** What the fix could not do by itself, as steps for the user (never a variable's value). */
  public List<String> instructions() {
    return instructions;
  }

  /** The hardened register input for {@code document}, or null when it is no task definition. */
  public ObjectNode apply(JsonNode document) {
    ObjectNode task = registerInput(document);
    if (task == null) {
      return null;
    }
    movedSecrets = false;
    addedLogging = false;
    boolean windows = task.path("runtimePlatform").path("operatingSystemFamily").asText("").startsWith("WINDOWS_SERVER");
    String family = task.path("family").asText("task");
    for (JsonNode node : task.withArray("containerDefinitions")) {
      if (!(node instanceof ObjectNode container)) {
        continue;
      }
      String name = container.path("name").asText("container");
      if (options.fixes("ECS.4")) {
        privileged(container);
      }
      if (!windows) {
        if (options.fixes("ECS.5")) {
          readOnlyRoot(task, container);
        }
        if (options.fixes("ECS.20") && options.fixes("ECSG.1")) {
          linuxUser(container);
        }
      } else if (options.fixes("ECS.21")) {
        windowsUser(container);
      }
      if (options.fixes("ECS.9")) {
        logging(container, family, name);
      }
      if (options.fixes("ECS.8")) {
        credentials(container, name);
      }
    }
    if (options.fixes("ECS.18")) {
      efsInTransit(task);
    }
    needsExecutionRole(task, family);
    if (options.fixes("ECS.15") && (!(task.get("tags") instanceof ArrayNode tags) || tags.isEmpty())) {
      instructions.add(family + ": add tags (ECS.15), such as a team or cost-centre key with its value; ecsguard does not invent their values");
    }
    boolean hostPid = "host".equals(task.path("pidMode").asText()) && options.fixes("ECS.3");
    boolean hostNetwork = "host".equals(task.path("networkMode").asText()) && options.fixes("ECS.17");
    if (options.allowNetworkChange()) {
      if (hostPid) {
        task.remove("pidMode");
      }
      if (hostNetwork) {
        task.put("networkMode", "awsvpc");
        for (JsonNode container : task.path("containerDefinitions")) {
          if (container.has("links")) {
            instructions.add(family + ": container \"" + container.path("name").asText() + "\" has links, which awsvpc does not support;"
                + " reach the other containers on localhost instead");
          }
        }
      }
    } else if (hostPid || hostNetwork) {
      instructions.add(family + ": host pid or network mode left as it is; it changes how the task is reached, so it changes only with --allow-network-change");
    }
    return task;
  }

  /** The task definition itself: describe output is unwrapped, its read-only fields dropped and its tags kept. */
  public static ObjectNode registerInput(JsonNode document) {
    if (document instanceof ObjectNode wrapper && wrapper.get("taskDefinition") instanceof ObjectNode described) {
      ObjectNode task = described.deepCopy();
      READ_ONLY.forEach(task::remove);
      if (wrapper.get("tags") instanceof ArrayNode tags && !tags.isEmpty()) {
        ArrayNode own = task.putArray("tags");
        for (JsonNode tag : tags) {
          if (!tag.path("key").asText().startsWith("aws:")) { // AWS sets those itself and refuses them in a request
            own.add(tag.deepCopy());
          }
        }
        if (own.isEmpty()) {
          task.remove("tags");
        }
      }
      return task;
    }
    if (document instanceof ObjectNode task && task.has("containerDefinitions")) {
      ObjectNode copy = task.deepCopy();
      READ_ONLY.forEach(copy::remove);
      return copy;
    }
    return null;
  }

  /** ECS.4: privileged goes; the capabilities the user names are added instead. */
  private void privileged(ObjectNode container) {
    if (!container.hasNonNull("privileged") || container.get("privileged").equals(BooleanNode.FALSE)) {
      return; // ECS.4 passes it: removing it would change nothing but the text
    }
    container.remove("privileged");
    if (!options.keepCapabilities().isEmpty()) {
      ArrayNode add = container.with("linuxParameters").with("capabilities").withArray("add");
      for (String capability : options.keepCapabilities()) {
        String name = capability.strip().toUpperCase(Locale.ROOT);
        if (!contains(add, name)) {
          add.add(name);
        }
      }
    }
  }

  /** ECS.5: a read-only root, with a task-scoped volume at /tmp (it works on Fargate and EC2 alike). */
  private static void readOnlyRoot(ObjectNode task, ObjectNode container) {
    if (container.path("readonlyRootFilesystem").asBoolean(false)) {
      return;
    }
    container.put("readonlyRootFilesystem", true);
    ArrayNode volumes = task.withArray("volumes");
    boolean hasTmp = false;
    for (JsonNode volume : volumes) {
      hasTmp |= "tmp".equals(volume.path("name").asText());
    }
    if (!hasTmp) {
      volumes.add(NODES.objectNode().put("name", "tmp"));
    }
    ArrayNode mounts = container.withArray("mountPoints");
    for (JsonNode mount : mounts) {
      if ("/tmp".equals(mount.path("containerPath").asText())) {
        return;
      }
    }
    mounts.add(NODES.objectNode().put("sourceVolume", "tmp").put("containerPath", "/tmp"));
  }

  /** ECS.20: a non-root user where none or root is set. */
  private void linuxUser(ObjectNode container) {
    String user = container.path("user").asText("");
    String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
    if (user.isEmpty() || name.equals("root") || name.equals("0")) {
      container.put("user", options.user());
    }
  }

  /** ECS.21: a non-administrator Windows account. */
  private static void windowsUser(ObjectNode container) {
    String user = container.path("user").asText("");
    if (user.isEmpty() || user.equalsIgnoreCase("ContainerAdministrator")) {
      container.put("user", "ContainerUser");
    }
  }

  /** ECS.9: awslogs to a group named after the family, created on first use. */
  private void logging(ObjectNode container, String family, String name) {
    if (!container.path("logConfiguration").path("logDriver").asText("").isEmpty()) {
      return;
    }
    if (options.logRegion() == null) {
      instructions.add("container \"" + name + "\": add a logConfiguration (ecsguard adds awslogs when it knows the region: --log-region for files;"
          + " on AWS, when the task has an execution role to write the logs with)");
      return;
    }
    addedLogging = true;
    ObjectNode logging = container.putObject("logConfiguration").put("logDriver", "awslogs");
    logging.putObject("options")
        .put("awslogs-group", "/ecs/" + family)
        .put("awslogs-region", options.logRegion())
        .put("awslogs-stream-prefix", name)
        .put("awslogs-create-group", "true");
  }

  /** ECS.8: a credential variable moves to secrets when the user says where its value lives. */
  private void credentials(ObjectNode container, String name) {
    if (!(container.get("environment") instanceof ArrayNode environment)) {
      return;
    }
    for (int i = environment.size() - 1; i >= 0; i--) {
      String variable = environment.get(i).path("name").asText("");
      if (!CREDENTIAL_NAMES.contains(variable)) {
        continue;
      }
      String arn = options.secrets().get(variable);
      if (arn == null) {
        instructions.add("container \"" + name + "\": " + variable + " is a plain environment variable. Rotate the credential, store it in Secrets Manager"
            + " or SSM Parameter Store, then run again with --secret " + variable + "=ARN (or give the task a role instead of keys)");
        continue;
      }
      environment.remove(i);
      ArrayNode secrets = container.withArray("secrets");
      if (!containsName(secrets, variable)) { // a variable written twice becomes one secret
        secrets.add(NODES.objectNode().put("name", variable).put("valueFrom", arn));
      }
      movedSecrets = true;
    }
  }

  private static boolean containsName(ArrayNode list, String name) {
    for (JsonNode item : list) {
      if (name.equals(item.path("name").asText())) {
        return true;
      }
    }
    return false;
  }

  /** What ECS refuses to register without an execution role: secrets, and awslogs on Fargate. */
  private void needsExecutionRole(ObjectNode task, String family) {
    if (task.hasNonNull("executionRoleArn")) {
      return;
    }
    boolean fargate = false;
    for (JsonNode compatibility : task.path("requiresCompatibilities")) {
      fargate |= "FARGATE".equals(compatibility.asText());
    }
    if (movedSecrets || addedLogging && fargate) {
      instructions.add(family + ": give the task an executionRoleArn, a role allowed to " + (movedSecrets ? "read the secrets" : "")
          + (movedSecrets && addedLogging && fargate ? " and " : "") + (addedLogging && fargate ? "write the awslogs log group" : "")
          + "; ECS refuses to register it without one");
    }
  }

  /** ECS.18: encryption in transit on every EFS volume. */
  private static void efsInTransit(ObjectNode task) {
    if (!(task.get("volumes") instanceof ArrayNode volumes)) {
      return;
    }
    for (JsonNode volume : volumes) {
      if (volume.get("efsVolumeConfiguration") instanceof ObjectNode efs && !"ENABLED".equals(efs.path("transitEncryption").asText())) {
        efs.put("transitEncryption", "ENABLED");
      }
    }
  }

  private static boolean contains(ArrayNode array, String text) {
    for (JsonNode item : array) {
      if (text.equals(item.asText())) {
        return true;
      }
    }
    return false;
  }
}
