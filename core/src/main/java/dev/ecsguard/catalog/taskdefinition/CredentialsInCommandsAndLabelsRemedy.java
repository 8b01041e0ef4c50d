package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;
import dev.ecsguard.secrets.Credentials;
import dev.ecsguard.secrets.Credentials.Credential;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * ECSG.6: a step only. How the process reads a credential instead (an environment variable from
 * secrets, a file) is the application's to decide; the step names the container, the setting and
 * the kind of credential, never its value.
 */
public final class CredentialsInCommandsAndLabelsRemedy extends Remedy {
  @Override
  public void container(ObjectNode task, ObjectNode container, RemedyContext context) {
    Set<String> found = new LinkedHashSet<>();
    for (List<String> path : Credentials.COMMAND_SETTINGS) {
      JsonNode elements = container;
      for (String step : path) {
        elements = elements.path(step);
      }
      if (elements.isArray()) {
        List<String> texts = new ArrayList<>();
        elements.forEach(element -> texts.add(element.isTextual() ? element.asText() : null));
        for (Credential credential : Credentials.inCommand(texts)) {
          found.add(
              credential.kind()
                  + " in "
                  + CredentialsInCommandsAndLabels.where(String.join(".", path)));
        }
      }
    }
    container
        .path("dockerLabels")
        .properties()
        .forEach(
            label -> {
              if (label.getValue().isTextual()) {
                Credentials.inLabel(label.getKey(), label.getValue().asText())
                    .ifPresent(
                        credential ->
                            found.add(
                                credential.kind()
                                    + " in "
                                    + CredentialsInCommandsAndLabels.where(
                                        "dockerLabels \"" + label.getKey() + "\"")));
              }
            });
    String name = container.path("name").asText("container");
    for (String what : found) {
      context.instruct(
          "container \""
              + name
              + "\": passes "
              + what
              + ". Rotate the credential, store it in Secrets Manager or SSM Parameter Store, pass it"
              + " through secrets and have the process read it from its environment or a file");
    }
  }
}
