package dev.ecsguard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ecsguard.config.Configuration;
import dev.ecsguard.guardrail.AwsAccess;
import dev.ecsguard.guardrail.EventHandler;
import dev.ecsguard.guardrail.GuardrailContext;
import dev.ecsguard.guardrail.GuardrailException;
import dev.ecsguard.guardrail.Handler;
import dev.ecsguard.guardrail.entry.Guardrail;
import dev.ecsguard.report.Printable;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.RegularFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ecsguard guardrail invoke}: one event through the Lambda function's own handler code,
 * in-process, its response printed; no AWS call unless {@code --aws}.
 */
@Command(
    name = "invoke",
    description =
        "Run the guardrail's handler on an event (a hook request, a Config rule event, an EventBridge CloudTrail event) and print its response. Without --aws no AWS call is made.",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class)
final class GuardrailInvokeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Context context;

  @Option(
      names = "--handler",
      required = true,
      paramLabel = "HANDLER",
      description = "hook, config or cloudtrail.")
  Handler handler;

  @Parameters(
      paramLabel = "EVENT.json",
      description = "The event, as AWS sends it; - for standard input.")
  Path event;

  @Option(
      names = "--aws",
      description =
          "Make the AWS calls the event needs (describe, GetResourceConfigHistory) and send what the function sends (PutEvaluations, BatchImportFindings, SNS).")
  boolean aws;

  @Mixin GuardrailAccount account = new GuardrailAccount();

  @Mixin ConfigChoice configChoice;

  GuardrailInvokeCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Configuration configuration = configChoice.loadOrSay(context.err());
    if (configuration == null) {
      return ExitCode.ERROR.code();
    }
    if (!aws && account.given()) {
      context.err().println("ecsguard: --profile and --region need --aws");
      return ExitCode.ERROR.code();
    }
    JsonNode tree;
    try {
      tree = read();
    } catch (InputException e) {
      context.err().println(Printable.escape(e.getMessage()));
      return ExitCode.ERROR.code();
    }
    try (AwsAccess access = aws ? account.open() : null) {
      EventHandler.Response response =
          Guardrail.handle(
              handler,
              tree,
              new GuardrailContext(configuration, access, LocalDate.now(), context.environment()));
      context.out().println(JSON.writeValueAsString(response.body()));
      return response.failed() ? ExitCode.FAILED.code() : ExitCode.OK.code();
    } catch (GuardrailException e) {
      context.err().println("ecsguard: " + Printable.escape(e.getMessage()));
      return ExitCode.ERROR.code();
    } catch (JsonProcessingException e) {
      context.err().println("ecsguard: cannot write the response: " + e.getOriginalMessage());
      return ExitCode.ERROR.code();
    }
  }

  /** The event file as Jackson's tree; malformed JSON is an error naming the file and line. */
  private JsonNode read() throws InputException {
    String name = event.toString();
    byte[] bytes;
    if (name.equals("-")) {
      try {
        bytes = context.in().readNBytes((int) InputLimits.DEFAULT.maxFileBytes());
      } catch (IOException e) {
        throw new InputException(name, "cannot read the event: " + e.getMessage());
      }
    } else {
      bytes = RegularFiles.read(event, name, InputLimits.DEFAULT.maxFileBytes());
    }
    try {
      return JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new InputException(
          name,
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          e.getLocation() == null ? 0 : e.getLocation().getColumnNr(),
          "not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InputException(name, "cannot read the event: " + e.getMessage());
    }
  }
}
