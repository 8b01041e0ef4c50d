package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Consent;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;

/**
 * ECSG.4: the host's IPC namespace goes, only with --allow-network-change, the consent that ECS.3's
 * host pid mode needs too: a task that shares its host's memory may rely on it.
 */
public final class HostIpcModeRemedy extends Remedy {
  @Override
  public void resource(ObjectNode task, RemedyContext context) {
    if (!task.path("ipcMode").asText().equalsIgnoreCase("host")) {
      return;
    }
    if (context.options().allows(Consent.NETWORK_CHANGE)) {
      task.remove("ipcMode");
    } else {
      HostPidModeRemedy.leftAsItIs(task, context);
    }
  }
}
