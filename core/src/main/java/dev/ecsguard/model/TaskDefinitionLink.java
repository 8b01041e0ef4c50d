package dev.ecsguard.model;

/**
 * How a service or task set names the task definition it runs: by {@code text} (an ARN, {@code
 * family:revision}, or a family, which means its latest revision), by {@code key} (a reference the
 * reader resolved to a task-definition resource of the same input: a CloudFormation {@code Ref}, a
 * Terraform {@code aws_ecs_task_definition.NAME.arn}; see {@link TaskDefinition#key()}), or both.
 * At least one is not null.
 */
public record TaskDefinitionLink(String text, String key) {
  public TaskDefinitionLink {
    if (text == null && key == null) {
      throw new IllegalArgumentException("a link names its task definition by text or by key");
    }
  }

  /** How findings name it: the text, else the resource the key names (after its last {@code #}). */
  public String name() {
    return text != null ? text : key.substring(key.lastIndexOf('#') + 1);
  }
}
