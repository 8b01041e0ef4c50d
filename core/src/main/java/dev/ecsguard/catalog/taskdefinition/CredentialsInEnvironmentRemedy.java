package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;
import dev.ecsguard.control.RemedyContext.ExecutionRoleUse;
import dev.ecsguard.secrets.Credentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ECS.8: a credential variable moves to secrets when the user says where its value lives ({@code
 * --secret NAME=ARN}); otherwise a step says how, never showing the value. ECSG.5's remedy is the
 * same move for the variables its rules find.
 */
public class CredentialsInEnvironmentRemedy extends Remedy {
  @Override
  public final void container(ObjectNode task, ObjectNode container, RemedyContext context) {
    if (!(container.get("environment") instanceof ArrayNode environment)) {
      return;
    }
    String name = container.path("name").asText("container");
    List<String> steps = new ArrayList<>();
    for (int i = environment.size() - 1; i >= 0; i--) {
      String variable = environment.get(i).path("name").asText("");
      Optional<String> step = flagged(variable, environment.get(i).path("value"));
      if (step.isEmpty()) {
        continue;
      }
      String arn = context.options().secrets().get(variable);
      if (arn == null) {
        steps.add(
            0, // the loop runs backwards (it removes entries); the steps keep the file's order
            "container \""
                + name
                + "\": "
                + variable
                + step.get()
                + " Rotate the credential, store it in Secrets Manager"
                + " or SSM Parameter Store, then run again with --secret "
                + variable
                + "=ARN"
                + (Credentials.ECS8_NAMES.contains(variable)
                    ? " (or give the task a role instead of keys)"
                    : ""));
        continue;
      }
      environment.remove(i);
      ArrayNode secrets = container.withArray("secrets");
      if (!containsName(secrets, variable)) { // a variable written twice becomes one secret
        secrets.addObject().put("name", variable).put("valueFrom", arn);
      }
      context.needsExecutionRole(ExecutionRoleUse.SECRETS);
    }
    steps.forEach(context::instruct);
  }

  /**
   * What the step says of {@code variable} when its control flags it (never its value), or empty
   * when it does not: ECS.8 flags its three names whatever their value.
   */
  protected Optional<String> flagged(String variable, JsonNode value) {
    return Credentials.ECS8_NAMES.contains(variable)
        ? Optional.of(" is a plain environment variable.")
        : Optional.empty();
  }

  private static boolean containsName(ArrayNode list, String name) {
    for (JsonNode item : list) {
      if (name.equals(item.path("name").asText())) {
        return true;
      }
    }
    return false;
  }
}
