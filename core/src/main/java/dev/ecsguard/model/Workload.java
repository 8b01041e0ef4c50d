package dev.ecsguard.model;

import java.util.List;

/**
 * What runs tasks: a service, or a task set (an external or CodeDeploy deployment's). Controls
 * across resources judge both alike: whether their tasks get public IPs, and which task definitions
 * they run.
 */
public sealed interface Workload extends Resource permits Service, TaskSet {
  /** {@code ENABLED} or {@code DISABLED} as AWS spells it, whatever the input's spelling. */
  Value<String> assignPublicIp();

  /**
   * The task definitions it runs, each once: a service's own {@code taskDefinition} and those of
   * its PRIMARY and ACTIVE deployments (describe-services), a task set's {@code taskDefinition}.
   * Empty when it names none (a service whose deployments are task sets); an element is unknown
   * when the input names one that cannot be read.
   */
  List<Value<TaskDefinitionLink>> taskDefinitions();
}
