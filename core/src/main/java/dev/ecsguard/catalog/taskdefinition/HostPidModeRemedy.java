package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Consent;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;

/**
 * ECS.3: the host's process namespace goes, only with --allow-network-change, as it changes how the
 * task is reached.
 */
public final class HostPidModeRemedy extends Remedy {
  @Override
  public void resource(ObjectNode task, RemedyContext context) {
    if (!"host".equals(task.path("pidMode").asText())) {
      return;
    }
    if (context.options().allows(Consent.NETWORK_CHANGE)) {
      task.remove("pidMode");
    } else {
      leftAsItIs(task, context);
    }
  }

  /** The step for host pid, IPC or network mode without --allow-network-change: one for all. */
  static void leftAsItIs(ObjectNode task, RemedyContext context) {
    context.instruct(
        task.path("family").asText("task")
            + ": host pid, IPC or network mode left as it is; it changes how the task is reached or what it shares with its host, so it changes only with --allow-network-change");
  }
}
