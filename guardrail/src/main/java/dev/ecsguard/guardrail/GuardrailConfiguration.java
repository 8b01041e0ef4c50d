package dev.ecsguard.guardrail;

import dev.ecsguard.config.Configuration;
import dev.ecsguard.config.ConfigurationReader;
import dev.ecsguard.tree.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Where the function finds its {@code .ecsguard.yml}: the SSM parameter named by {@value
 * #PARAMETER_VARIABLE} (String or SecureString, read with decryption), else {@value #PACKAGED}
 * packaged in the deployment package, else none. The same semantics as CI's file, so both judge
 * alike.
 */
public final class GuardrailConfiguration {
  /** The function's environment variable that names the SSM parameter. */
  public static final String PARAMETER_VARIABLE = "ECSGUARD_CONFIG_PARAMETER";

  /** The configuration packaged at the root of the deployment package. */
  public static final String PACKAGED = "ecsguard.yml";

  private GuardrailConfiguration() {}

  public static Configuration load(Map<String, String> environment, AwsAccess aws)
      throws GuardrailException {
    String parameter = environment.get(PARAMETER_VARIABLE);
    if (parameter != null && !parameter.isBlank()) {
      if (aws == null) {
        throw new NeedsAwsException("the configuration in SSM parameter " + parameter);
      }
      String text;
      try (SsmClient ssm = aws.client(SsmClient.builder())) {
        text =
            ssm.getParameter(request -> request.name(parameter).withDecryption(true))
                .parameter()
                .value();
      } catch (RuntimeException e) {
        throw new GuardrailException(
            "ssm:GetParameter failed for " + parameter + ": " + e.getClass().getSimpleName(), e);
      }
      return read(
          new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "ssm:" + parameter);
    }
    InputStream packaged =
        GuardrailConfiguration.class.getClassLoader().getResourceAsStream(PACKAGED);
    if (packaged != null) {
      try (packaged) {
        return read(packaged, PACKAGED);
      } catch (IOException e) {
        throw new GuardrailException("cannot read the packaged " + PACKAGED, e);
      }
    }
    return Configuration.NONE;
  }

  static Configuration read(InputStream in, String name) throws GuardrailException {
    try {
      return ConfigurationReader.read(in, name);
    } catch (InputException e) {
      throw new GuardrailException(e.getMessage(), e);
    }
  }
}
