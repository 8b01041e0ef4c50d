package dev.ecsguard.fix.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;
import dev.ecsguard.control.RemedyContext.ExecutionRoleUse;
import dev.ecsguard.control.RemedyOptions;
import dev.ecsguard.model.ResourceType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the catalogue's remedies on resources in the ECS API's shape, which is what every fix target
 * shares: ECS API JSON is in that shape, CloudFormation and Terraform are read into it, and live
 * apply describes it. A remedy runs unless one of its controls is left alone.
 */
public final class Hardening {
  /** describe-task-definition fields that register-task-definition refuses. */
  static final Set<String> READ_ONLY =
      Set.of(
          "taskDefinitionArn",
          "revision",
          "status",
          "requiresAttributes",
          "compatibilities",
          "registeredAt",
          "deregisteredAt",
          "deleteRequestedAt",
          "registeredBy");

  private final RemedyOptions options;
  private final List<String> instructions = new ArrayList<>();

  public Hardening(RemedyOptions options) {
    this.options = options;
  }

  /**
   * What the remedies could not do by themselves, as steps for the user (never a variable's value).
   */
  public List<String> instructions() {
    return instructions;
  }

  /**
   * The hardened register input for {@code document} (register input or describe output), or null
   * when it is no task definition. Each container's steps run first, then the task's.
   */
  public ObjectNode taskDefinition(JsonNode document) {
    ObjectNode task = registerInput(document);
    if (task == null) {
      return null;
    }
    RemedyContext context = new RemedyContext(options);
    List<Remedy> remedies = running(ResourceType.TASK_DEFINITION);
    for (JsonNode node : task.withArray("containerDefinitions")) {
      if (node instanceof ObjectNode container) {
        remedies.forEach(remedy -> remedy.container(task, container, context));
      }
    }
    needsExecutionRole(task, context);
    remedies.forEach(remedy -> remedy.resource(task, context));
    instructions.addAll(context.instructions());
    return task;
  }

  /** Hardens a service, task set, cluster or capacity provider in place. */
  public void resource(ResourceType type, ObjectNode resource) {
    RemedyContext context = new RemedyContext(options);
    running(type).forEach(remedy -> remedy.resource(resource, context));
    instructions.addAll(context.instructions());
  }

  private List<Remedy> running(ResourceType type) {
    return Catalogue.remedies(type).stream().filter(options::runs).toList();
  }

  /**
   * The task definition itself: describe output is unwrapped, its read-only fields dropped and its
   * tags kept.
   */
  public static ObjectNode registerInput(JsonNode document) {
    if (document instanceof ObjectNode wrapper
        && wrapper.get("taskDefinition") instanceof ObjectNode described) {
      ObjectNode task = described.deepCopy();
      READ_ONLY.forEach(task::remove);
      if (wrapper.get("tags") instanceof ArrayNode tags && !tags.isEmpty()) {
        ArrayNode own = task.putArray("tags");
        for (JsonNode tag : tags) {
          if (!tag.path("key")
              .asText()
              .startsWith("aws:")) { // AWS sets those itself and refuses them in a request
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

  /** What ECS refuses to register without an execution role: secrets, and awslogs on Fargate. */
  private static void needsExecutionRole(ObjectNode task, RemedyContext context) {
    if (task.hasNonNull("executionRoleArn")) {
      return;
    }
    boolean fargate = false;
    for (JsonNode compatibility : task.path("requiresCompatibilities")) {
      fargate |= "FARGATE".equals(compatibility.asText());
    }
    Set<ExecutionRoleUse> uses = EnumSet.noneOf(ExecutionRoleUse.class);
    uses.addAll(context.executionRoleUses());
    if (!fargate) {
      uses.remove(
          ExecutionRoleUse.LOGS); // EC2's container agent writes the logs with the instance's role
    }
    if (!uses.isEmpty()) {
      context.instruct(
          task.path("family").asText("task")
              + ": give the task an executionRoleArn, a role allowed to "
              + uses.stream().map(ExecutionRoleUse::words).collect(Collectors.joining(" and "))
              + "; ECS refuses to register it without one");
    }
  }
}
