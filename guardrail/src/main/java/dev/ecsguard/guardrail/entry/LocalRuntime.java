package dev.ecsguard.guardrail.entry;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The deployment package run as Lambda's Java runtime runs it, without Lambda: {@code java -cp
 * ecsguard-guardrail-lambda.jar dev.ecsguard.guardrail.entry.LocalRuntime EVENT.json}. It loads the
 * handler by name and constructs it (Lambda's Init phase, what SnapStart snapshots), invokes it
 * twice with the event (a cold first invocation, then a warm one), prints the first response on
 * standard output and one line of timings on standard error. bench/run measures the cold start with
 * it; it proves that the jar alone holds what the handler loads.
 *
 * <p>The environment is the function's: AWS_REGION is required (Lambda always sets it), and no AWS
 * call is made unless the event or the configuration needs one. Exit code 0 when both invocations
 * answered, 1 when the handler threw (the timings are printed still), 2 on a usage error.
 */
public final class LocalRuntime {
  /** The documentation account id: the handler reads the function's account from its ARN. */
  private static final String ACCOUNT = "123456789012";

  private LocalRuntime() {}

  public static void main(String[] args) throws IOException, ReflectiveOperationException {
    String region = System.getenv("AWS_REGION");
    if (args.length != 1 || region == null) {
      System.err.println(
          "usage: AWS_REGION=REGION java -cp JAR " + LocalRuntime.class.getName() + " EVENT.json");
      System.exit(2);
    }
    byte[] event = Files.readAllBytes(Path.of(args[0]));
    long start = System.nanoTime();
    // By name, as the runtime does: the handler's classes load here, not when this class links.
    RequestStreamHandler handler =
        Class.forName("dev.ecsguard.guardrail.entry.LambdaHandler")
            .asSubclass(RequestStreamHandler.class)
            .getDeclaredConstructor()
            .newInstance();
    long constructed = System.nanoTime();
    Context context = context(region);
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    String failure = invoke(handler, event, first, context);
    long firstDone = System.nanoTime();
    if (failure == null) {
      failure = invoke(handler, event, new ByteArrayOutputStream(), context);
    }
    long secondDone = System.nanoTime();
    System.out.println(first.toString(StandardCharsets.UTF_8));
    System.err.printf(
        Locale.ROOT,
        "init_ms=%.1f first_invoke_ms=%.1f second_invoke_ms=%s%n",
        (constructed - start) / 1e6,
        (firstDone - constructed) / 1e6,
        failure == null ? String.format(Locale.ROOT, "%.1f", (secondDone - firstDone) / 1e6) : "-");
    if (failure != null) {
      System.err.println("the handler threw: " + failure);
      System.exit(1);
    }
  }

  /** One invocation; the failure's class and message when the handler throws, else null. */
  private static String invoke(
      RequestStreamHandler handler, byte[] event, ByteArrayOutputStream out, Context context) {
    try {
      handler.handleRequest(new ByteArrayInputStream(event), out, context);
      return null;
    } catch (IOException | RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
  }

  private static Context context(String region) {
    PrintStream log = System.err;
    return new Context() {
      @Override
      public String getAwsRequestId() {
        return "00000000-0000-0000-0000-000000000000";
      }

      @Override
      public String getLogGroupName() {
        return "/aws/lambda/ecsguard-guardrail";
      }

      @Override
      public String getLogStreamName() {
        return "local";
      }

      @Override
      public String getFunctionName() {
        return "ecsguard-guardrail";
      }

      @Override
      public String getFunctionVersion() {
        return "$LATEST";
      }

      @Override
      public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:ecsguard-guardrail";
      }

      @Override
      public CognitoIdentity getIdentity() {
        return null;
      }

      @Override
      public ClientContext getClientContext() {
        return null;
      }

      @Override
      public int getRemainingTimeInMillis() {
        return 30_000;
      }

      @Override
      public int getMemoryLimitInMB() {
        return 1024;
      }

      @Override
      public LambdaLogger getLogger() {
        return new LambdaLogger() {
          @Override
          public void log(String message) {
            log.println(message);
          }

          @Override
          public void log(byte[] message) {
            log.println(new String(message, StandardCharsets.UTF_8));
          }
        };
      }
    };
  }
}
