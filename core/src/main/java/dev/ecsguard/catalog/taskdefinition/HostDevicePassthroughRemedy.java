package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;

/**
 * ECSG.9: a step for the user only. A device is there because something uses it; taking it away
 * would break that, and only the user knows what it is.
 */
public final class HostDevicePassthroughRemedy extends Remedy {
  @Override
  public void container(ObjectNode task, ObjectNode container, RemedyContext context) {
    JsonNode devices = container.path("linuxParameters").path("devices");
    if (devices.isArray() && !devices.isEmpty()) {
      context.instruct(
          task.path("family").asText("task")
              + ": container \""
              + container.path("name").asText()
              + "\" is given host devices (linuxParameters.devices); remove them, or move the"
              + " workload that needs one to a task definition of its own and accept ECSG.9 there");
    }
  }
}
