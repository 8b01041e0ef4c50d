package dev.ecsguard.control;

import dev.ecsguard.model.TaskDefinitionLink;
import java.util.Optional;

/**
 * What a {@link LinkedControl} sees of a whole scan: the task definitions it read, judged, within
 * the account and region of the resource being judged (a file scan has one scope).
 */
public interface Scope {
  /**
   * The task definition {@code link} names: by its key, by ARN, by {@code family:revision}, or by
   * family (its latest revision in the scan, as ECS reads a family); empty when the scan does not
   * hold it.
   */
  Optional<JudgedTaskDefinition> find(TaskDefinitionLink link);

  /**
   * The latest revision of {@code taskDefinition}'s family in the scan: the highest revision
   * number, or one with none (what an input registers comes after every revision described); {@code
   * taskDefinition} itself when its family is not known or it has no number (each input that
   * registers a family is the latest of its own deployment).
   */
  JudgedTaskDefinition latest(JudgedTaskDefinition taskDefinition);
}
