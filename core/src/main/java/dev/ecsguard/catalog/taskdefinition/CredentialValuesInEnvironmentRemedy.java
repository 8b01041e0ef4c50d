package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsguard.secrets.Credentials;
import java.util.Optional;

/**
 * ECSG.5: ECS.8's move to secrets, for the variables whose literal value ECSG.5's rules find a
 * credential (ECS.8's own names stay ECS.8's). A remedy does not see the control's parameters, so
 * names exempted with ECSG.5.ignoredNames still get the step.
 */
public final class CredentialValuesInEnvironmentRemedy extends CredentialsInEnvironmentRemedy {
  @Override
  protected Optional<String> flagged(String variable, JsonNode value) {
    if (Credentials.ECS8_NAMES.contains(variable)) {
      return Optional.empty();
    }
    if (!value.isTextual()) { // a template's function, an expression: the text is made on deploy
      return value.isMissingNode() || value.isNull() || !Credentials.isSecretLike(variable)
          ? Optional.empty()
          : Optional.of(" is computed under a secret-like name, as a plain environment variable.");
    }
    return Credentials.inVariable(variable, value.asText())
        .map(found -> " holds " + found.kind() + " as a plain environment variable.");
  }
}
