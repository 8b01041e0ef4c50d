package dev.ecsguard.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsguard.aws.MotoExtension;
import dev.ecsguard.config.Configuration;
import dev.ecsguard.control.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The function's .ecsguard.yml from an SSM parameter (against moto's SSM), else none. */
class GuardrailConfigurationTest {
  @RegisterExtension static final MotoExtension moto = MotoExtension.asDefaultEndpoint();

  private static Map<String, String> parameter(String name) {
    return Map.of(GuardrailConfiguration.PARAMETER_VARIABLE, name);
  }

  private static void put(AwsAccess aws, String name, String value) {
    try (SsmClient ssm = aws.client(SsmClient.builder())) {
      ssm.putParameter(
          request ->
              request.name(name).type(ParameterType.SECURE_STRING).value(value).overwrite(true));
    }
  }

  @Test
  void theSsmParameterIsTheConfiguration() throws Exception {
    try (AwsAccess aws = AwsAccess.open(null, "us-east-1")) {
      put(aws, "/ecsguard/config", "failOn: high\nfailOnUnknown: true\n");
      Configuration configuration = GuardrailConfiguration.load(parameter("/ecsguard/config"), aws);
      assertThat(configuration.failOn()).isEqualTo(Severity.HIGH);
      assertThat(configuration.failOnUnknown()).isTrue();
      assertThat(configuration.source()).isEqualTo("ssm:/ecsguard/config");
    }
  }

  @Test
  void aBadConfigurationNamesTheParameterAndTheLine() throws Exception {
    try (AwsAccess aws = AwsAccess.open(null, "us-east-1")) {
      put(aws, "/ecsguard/bad", "failOn: severe\n");
      assertThatThrownBy(() -> GuardrailConfiguration.load(parameter("/ecsguard/bad"), aws))
          .isInstanceOf(GuardrailException.class)
          .hasMessageStartingWith("ssm:/ecsguard/bad:1:9: ")
          .hasMessageContaining("failOn must be critical, high, medium or low");
    }
  }

  @Test
  void aMissingParameterIsOneLineNamingTheCall() throws Exception {
    try (AwsAccess aws = AwsAccess.open(null, "us-east-1")) {
      assertThatThrownBy(() -> GuardrailConfiguration.load(parameter("/ecsguard/none"), aws))
          .isInstanceOf(GuardrailException.class)
          .hasMessage("ssm:GetParameter failed for /ecsguard/none: ParameterNotFoundException");
    }
  }

  @Test
  void withoutAwsAParameterCannotBeRead() {
    assertThatThrownBy(() -> GuardrailConfiguration.load(parameter("/ecsguard/config"), null))
        .isInstanceOf(NeedsAwsException.class)
        .hasMessageContaining("SSM parameter /ecsguard/config");
  }

  @Test
  void withNeitherParameterNorPackagedFileEveryControlRunsWithItsDefaults() throws Exception {
    assertThat(GuardrailConfiguration.load(Map.of(), null)).isEqualTo(Configuration.NONE);
  }
}
