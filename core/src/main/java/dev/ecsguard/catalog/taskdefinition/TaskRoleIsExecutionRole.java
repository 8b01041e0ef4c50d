package dev.ecsguard.catalog.taskdefinition;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.RoleReference;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Value;

@ControlSpec(
    id = "ECSG.8",
    title = "The task role must not be the execution role",
    severity = Severity.MEDIUM,
    resourceType = ResourceType.TASK_DEFINITION,
    remediation =
        "Give the task a role of its own with only what the application calls; keep image pulls, logs and secrets to the execution role.")
public final class TaskRoleIsExecutionRole extends Control<TaskDefinition> {

  public TaskRoleIsExecutionRole() {
    super(TaskDefinition.class);
  }

  @Override
  protected Verdict evaluate(TaskDefinition taskDefinition, ParameterValues parameters) {
    Decision decision = new Decision(taskDefinition.origin());
    Value<RoleReference> task = taskDefinition.taskRole();
    Value<RoleReference> execution = taskDefinition.executionRole();
    if (task.isAbsent() || execution.isAbsent()) {
      return decision.verdict(
          "The task definition does not set both a task and an execution role.");
    }
    decision.unknownIf(null, task);
    decision.unknownIf(null, execution);
    if (task.isKnown() && execution.isKnown()) {
      compare(task, execution, decision);
    }
    return decision.verdict("The task role is not the execution role.");
  }

  private static void compare(
      Value<RoleReference> task, Value<RoleReference> execution, Decision decision) {
    RoleReference taskRole = task.get();
    RoleReference executionRole = execution.get();
    if (taskRole.arn() != null && executionRole.arn() != null) {
      if (sameRole(taskRole.arn(), executionRole.arn())) {
        decision.fail(
            null,
            task.origin(),
            "The task role is the execution role (taskRoleArn is \""
                + taskRole.arn()
                + "\", executionRoleArn \""
                + executionRole.arn()
                + "\"), so the application holds the agent's permissions");
      }
    } else if (taskRole.reference() != null && executionRole.reference() != null) {
      if (taskRole.reference().equals(executionRole.reference())) {
        decision.fail(
            null,
            task.origin(),
            "The task role is the execution role (taskRoleArn and executionRoleArn both refer to "
                + taskRole.reference()
                + "), so the application holds the agent's permissions");
      } else if (taskRole.givenAtDeployment() || executionRole.givenAtDeployment()) {
        decision.unknown(
            null,
            Value.unknown(
                "taskRoleArn refers to "
                    + taskRole.reference()
                    + " and executionRoleArn to "
                    + executionRole.reference()
                    + ", given at deployment: they may be given the same role",
                task.origin()));
      }
    } else {
      RoleReference referred = taskRole.reference() != null ? taskRole : executionRole;
      decision.unknown(
          null,
          Value.unknown(
              (referred == taskRole ? "taskRoleArn" : "executionRoleArn")
                  + " refers to "
                  + referred.reference()
                  + ", known only at deployment, and the other role is written as an ARN: they may be the same role",
              referred == taskRole ? task.origin() : execution.origin()));
    }
  }

  /**
   * ECS takes a role's name or its ARN: {@code web} and {@code arn:aws:iam::1:role/web} are one
   * role; two ARNs compare exactly.
   */
  public static boolean sameRole(String one, String other) {
    if (one.equals(other)) {
      return true;
    }
    boolean oneIsName = !one.contains(":");
    boolean otherIsName = !other.contains(":");
    if (oneIsName == otherIsName) {
      return false;
    }
    String name = oneIsName ? one : other;
    String arn = oneIsName ? other : one;
    return arn.substring(arn.lastIndexOf('/') + 1).equals(name);
  }
}
