package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Consent;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;
import java.util.ArrayList;
import java.util.List;

/**
 * ECSG.9: the host devices go only with --allow-device-removal. A device is there because something
 * uses it (a GPU, FUSE); taking it away may break that, and only the user knows. Without consent, a
 * step. Only the devices go: the rest of linuxParameters stays.
 */
public final class HostDevicePassthroughRemedy extends Remedy {
  @Override
  public void container(ObjectNode task, ObjectNode container, RemedyContext context) {
    JsonNode devices = container.path("linuxParameters").path("devices");
    if (!devices.isArray() || devices.isEmpty()) {
      return;
    }
    if (context.options().allows(Consent.DEVICE_REMOVAL)) {
      ((ObjectNode) container.get("linuxParameters")).remove("devices");
      return;
    }
    List<String> hostPaths = new ArrayList<>();
    devices.forEach(device -> hostPaths.add(device.path("hostPath").asText("a device")));
    context.instruct(
        task.path("family").asText("task")
            + ": container \""
            + container.path("name").asText()
            + "\" is given host devices ("
            + String.join(", ", hostPaths)
            + " in linuxParameters.devices); remove them (or let ecsguard with "
            + Consent.DEVICE_REMOVAL.flag()
            + "), or move the workload that needs one to a task definition of its own and accept"
            + " ECSG.9 there");
  }
}
