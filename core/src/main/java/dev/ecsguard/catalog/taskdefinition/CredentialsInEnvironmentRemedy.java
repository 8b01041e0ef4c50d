package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;
import dev.ecsguard.control.RemedyContext.ExecutionRoleUse;

/** ECS.8: a credential variable moves to secrets when the user says where its value lives. */
public final class CredentialsInEnvironmentRemedy extends Remedy {
  @Override
  public void container(ObjectNode task, ObjectNode container, RemedyContext context) {
    if (!(container.get("environment") instanceof ArrayNode environment)) {
      return;
    }
    String name = container.path("name").asText("container");
    for (int i = environment.size() - 1; i >= 0; i--) {
      String variable = environment.get(i).path("name").asText("");
      if (!CredentialsInEnvironment.CREDENTIAL_NAMES.contains(variable)) {
        continue;
      }
      String arn = context.options().secrets().get(variable);
      if (arn == null) {
        context.instruct(
            "container \""
                + name
                + "\": "
                + variable
                + " is a plain environment variable. Rotate the credential, store it in Secrets Manager"
                + " or SSM Parameter Store, then run again with --secret "
                + variable
                + "=ARN (or give the task a role instead of keys)");
        continue;
      }
      environment.remove(i);
      ArrayNode secrets = container.withArray("secrets");
      if (!containsName(secrets, variable)) { // a variable written twice becomes one secret
        secrets.addObject().put("name", variable).put("valueFrom", arn);
      }
      context.needsExecutionRole(ExecutionRoleUse.SECRETS);
    }
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
