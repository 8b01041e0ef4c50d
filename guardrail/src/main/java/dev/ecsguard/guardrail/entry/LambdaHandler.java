package dev.ecsguard.guardrail.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsguard.config.Configuration;
import dev.ecsguard.guardrail.AwsAccess;
import dev.ecsguard.guardrail.GuardrailConfiguration;
import dev.ecsguard.guardrail.GuardrailContext;
import dev.ecsguard.guardrail.GuardrailException;
import dev.ecsguard.guardrail.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The Lambda function's handler ({@code
 * dev.ecsguard.guardrail.entry.LambdaHandler::handleRequest}): one function for the hook, the
 * Config rule and the EventBridge rule, each event routed by its shape. The AWS clients and the
 * configuration are made once per execution environment (SnapStart snapshots them after the first
 * initialisation), the configuration read on the first event.
 */
public final class LambdaHandler implements RequestStreamHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> environment = System.getenv();
  private AwsAccess aws;
  private Configuration configuration;

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context lambda)
      throws IOException {
    JsonNode event = JSON.readTree(input);
    try {
      GuardrailContext context =
          new GuardrailContext(
              configuration(lambda), aws(lambda), LocalDate.now(ZoneOffset.UTC), environment);
      JSON.writeValue(output, Guardrail.handle(Handler.of(event), event, context).body());
    } catch (GuardrailException e) {
      // Lambda reports the failure (the Config and EventBridge invocations are retried); the hook
      // handler answers InternalFailure itself rather than throw.
      throw new UncheckedIOException(new IOException(e.getMessage(), e));
    }
  }

  /** The function's own account (from its ARN: no STS call) and Region. */
  private AwsAccess aws(Context lambda) throws GuardrailException {
    if (aws == null) {
      String[] arn = lambda.getInvokedFunctionArn().split(":");
      if (arn.length < 5) {
        throw new GuardrailException("the invoked function's ARN names no account");
      }
      aws = AwsAccess.forFunction(arn[4], environment.get("AWS_REGION"));
    }
    return aws;
  }

  private Configuration configuration(Context lambda) throws GuardrailException {
    if (configuration == null) {
      configuration = GuardrailConfiguration.load(environment, aws(lambda));
    }
    return configuration;
  }
}
