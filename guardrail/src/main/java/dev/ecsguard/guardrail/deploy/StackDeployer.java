package dev.ecsguard.guardrail.deploy;

import dev.ecsguard.aws.session.AwsCallException;
import dev.ecsguard.guardrail.GuardrailException;
import dev.ecsguard.secrets.Credentials;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Change;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetStatus;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.ResourceChange;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.TemplateStage;

/**
 * Creates or updates the guardrail's stack through CloudFormation's API. {@link #preview} only
 * reads (DescribeStacks, GetTemplate) and compares locally: a dry run never creates a change set,
 * since creating one is a write (and for a new stack leaves a stack in REVIEW_IN_PROGRESS behind).
 * {@link #deploy} creates a change set, waits for it, prints it, executes it and waits for the
 * stack, each wait bounded.
 */
public final class StackDeployer {
  /** What to deploy: {@code parameters} as given (the others keep their value or default). */
  public record Request(String stackName, StackTemplate template, Map<String, String> parameters) {
    public Request {
      parameters = Map.copyOf(parameters);
    }
  }

  private static final List<Capability> CAPABILITIES =
      List.of(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM);

  private final CloudFormationClient cloudFormation;
  private final PrintWriter out;
  private final Duration timeout;
  private final Duration pollInterval;
  private final Clock clock;

  public StackDeployer(
      CloudFormationClient cloudFormation,
      PrintWriter out,
      Duration timeout,
      Duration pollInterval,
      Clock clock) {
    this.cloudFormation = cloudFormation;
    this.out = out;
    this.timeout = timeout;
    this.pollInterval = pollInterval;
    this.clock = clock;
  }

  /** The dry run: what {@link #deploy} would change, printed; read calls only. */
  public void preview(Request request) throws GuardrailException {
    Stack stack = deployable(request.stackName());
    List<Parameter> parameters = parameters(request, stack);
    String where = "stack " + request.stackName() + " (" + request.template().name() + ")";
    if (stack == null) {
      out.println("Dry run: would create " + where + ":");
      request
          .template()
          .resources()
          .forEach((id, resource) -> out.println(line("+", id, resource)));
    } else {
      out.println("Dry run: would update " + where + ", now " + stack.stackStatusAsString() + ":");
      StackTemplate deployed = deployedTemplate(request.stackName());
      List<String> lines = new ArrayList<>();
      deployed
          .resources()
          .forEach(
              (id, resource) -> {
                if (!request.template().resources().containsKey(id)) {
                  lines.add(line("-", id, resource));
                }
              });
      request
          .template()
          .resources()
          .forEach(
              (id, resource) -> {
                StackTemplate.Resource now = deployed.resources().get(id);
                if (now == null) {
                  lines.add(line("+", id, resource));
                } else if (!now.equals(resource)) {
                  lines.add(
                      line("~", id, resource)
                          + (Objects.equals(now.type(), resource.type())
                              ? ""
                              : " (was " + now.type() + ")"));
                }
              });
      if (lines.isEmpty()) {
        out.println("  no resource definition changes");
      }
      lines.forEach(out::println);
    }
    Map<String, String> previous = new LinkedHashMap<>();
    if (stack != null) {
      stack.parameters().forEach(p -> previous.put(p.parameterKey(), p.parameterValue()));
    }
    for (Parameter parameter : parameters) {
      String key = parameter.parameterKey();
      if (Boolean.TRUE.equals(parameter.usePreviousValue())) {
        continue;
      }
      String value = parameter.parameterValue();
      if (!previous.containsKey(key)) {
        out.println("  parameter " + key + " = " + shown(value));
      } else if (!Objects.equals(previous.get(key), value)) {
        out.println("  parameter " + key + ": " + shown(previous.get(key)) + " -> " + shown(value));
      }
    }
    out.println(
        "Resources under a condition are listed whatever the condition; a change inside a resource"
            + " whose text is unchanged (a parameter it uses) shows as a parameter change.");
    out.println("Nothing was changed. With --yes: create a change set, show it, and execute it.");
  }

  /** Creates the change set, prints it, executes it and waits; false when the stack failed. */
  public boolean deploy(Request request) throws GuardrailException {
    Stack stack = deployable(request.stackName());
    boolean create = stack == null;
    List<Parameter> parameters = parameters(request, stack);
    String changeSetName = "ecsguard-" + clock.instant().getEpochSecond();
    String changeSetId =
        call(
                "CreateChangeSet",
                () ->
                    cloudFormation.createChangeSet(
                        r ->
                            r.stackName(request.stackName())
                                .changeSetName(changeSetName)
                                .changeSetType(create ? ChangeSetType.CREATE : ChangeSetType.UPDATE)
                                .templateBody(request.template().text())
                                .parameters(parameters)
                                .capabilities(CAPABILITIES)
                                .description("ecsguard guardrail deploy")))
            .id();
    DescribeChangeSetResponse changeSet = awaitChangeSet(request.stackName(), changeSetId);
    if (changeSet.status() == ChangeSetStatus.FAILED) {
      String reason = String.valueOf(changeSet.statusReason());
      if (reason.contains("didn't contain changes") || reason.contains("No updates")) {
        call(
            "DeleteChangeSet",
            () -> cloudFormation.deleteChangeSet(r -> r.changeSetName(changeSetId)));
        out.println("Stack " + request.stackName() + " is up to date: nothing to change.");
        return true;
      }
      throw new GuardrailException("change set " + changeSetName + " failed: " + oneLine(reason));
    }
    out.println(
        "Change set "
            + changeSetName
            + " for stack "
            + request.stackName()
            + " ("
            + (create ? "create" : "update")
            + "):");
    printChanges(changeSet);
    call(
        "ExecuteChangeSet",
        () ->
            cloudFormation.executeChangeSet(
                r -> r.changeSetName(changeSetId).stackName(request.stackName())));
    out.println("Executing; waiting for the stack (at most " + written(timeout) + ")...");
    out.flush();
    Stack done = awaitStack(request.stackName());
    String status = done.stackStatusAsString();
    boolean succeeded = status.equals("CREATE_COMPLETE") || status.equals("UPDATE_COMPLETE");
    out.println(
        "Stack "
            + request.stackName()
            + ": "
            + status
            + (done.stackStatusReason() == null
                ? ""
                : " (" + oneLine(done.stackStatusReason()) + ")"));
    if (succeeded && done.hasOutputs()) {
      done.outputs().forEach(o -> out.println("  " + o.outputKey() + " = " + o.outputValue()));
    }
    return succeeded;
  }

  /**
   * The parameters to send: each given one with its value; on an update, every other parameter the
   * stack has keeps its value; a parameter with no default that none of those give is an error.
   */
  private static List<Parameter> parameters(Request request, Stack stack)
      throws GuardrailException {
    Map<String, String> declared = request.template().parameters();
    List<String> unknown =
        request.parameters().keySet().stream()
            .filter(k -> !declared.containsKey(k))
            .sorted()
            .toList();
    if (!unknown.isEmpty()) {
      throw new GuardrailException(
          request.template().name()
              + " has no parameter "
              + String.join(", ", unknown)
              + " (its parameters: "
              + String.join(", ", declared.keySet())
              + ")");
    }
    List<String> kept =
        stack == null
            ? List.of()
            : stack.parameters().stream().map(Parameter::parameterKey).toList();
    List<Parameter> parameters = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> parameter : declared.entrySet()) {
      String key = parameter.getKey();
      if (request.parameters().containsKey(key)) {
        parameters.add(
            Parameter.builder()
                .parameterKey(key)
                .parameterValue(request.parameters().get(key))
                .build());
      } else if (kept.contains(key)) {
        parameters.add(Parameter.builder().parameterKey(key).usePreviousValue(true).build());
      } else if (parameter.getValue() == null) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      throw new GuardrailException(
          request.template().name()
              + " needs "
              + String.join(", ", missing)
              + (missing.contains("CodeBucket") || missing.contains("CodeKey")
                  ? ": give --code-bucket and --code-file guardrail/target/ecsguard-guardrail-lambda.jar (or --code-key of a package uploaded already)"
                  : ": give --parameter NAME=VALUE"));
    }
    return parameters;
  }

  /**
   * The stack to update, or null when it is to be created (none by that name, or one that only ever
   * had a CREATE change set); a stack that cannot take a change set now is an error.
   */
  private Stack deployable(String stackName) throws GuardrailException {
    Stack stack = stack(stackName);
    if (stack == null || stack.stackStatusAsString().equals("REVIEW_IN_PROGRESS")) {
      return null;
    }
    if (stack.stackStatusAsString().endsWith("_IN_PROGRESS")) {
      throw new GuardrailException(
          "stack "
              + stackName
              + " is busy ("
              + stack.stackStatusAsString()
              + "); try again when it is done");
    }
    if (stack.stackStatusAsString().equals("ROLLBACK_COMPLETE")) {
      throw new GuardrailException(
          "stack "
              + stackName
              + " is ROLLBACK_COMPLETE (its creation failed): delete it, then deploy again");
    }
    return stack;
  }

  /** The stack, or null when there is none by that name. */
  private Stack stack(String stackName) throws GuardrailException {
    try {
      List<Stack> stacks = cloudFormation.describeStacks(r -> r.stackName(stackName)).stacks();
      return stacks.isEmpty() ? null : stacks.get(0);
    } catch (AwsServiceException e) {
      if ("ValidationError".equals(code(e))
          && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
        return null;
      }
      throw failed("DescribeStacks", e);
    } catch (RuntimeException e) {
      throw failed("DescribeStacks", e);
    }
  }

  private StackTemplate deployedTemplate(String stackName) throws GuardrailException {
    String body =
        call(
                "GetTemplate",
                () ->
                    cloudFormation.getTemplate(
                        r -> r.stackName(stackName).templateStage(TemplateStage.ORIGINAL)))
            .templateBody();
    return StackTemplate.parse("the deployed template", body);
  }

  private DescribeChangeSetResponse awaitChangeSet(String stackName, String changeSetId)
      throws GuardrailException {
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      DescribeChangeSetResponse changeSet =
          call(
              "DescribeChangeSet",
              () ->
                  cloudFormation.describeChangeSet(
                      r -> r.changeSetName(changeSetId).stackName(stackName)));
      if (changeSet.status() == ChangeSetStatus.CREATE_COMPLETE
          || changeSet.status() == ChangeSetStatus.FAILED) {
        return changeSet;
      }
      pause(
          deadline,
          "change set " + changeSet.changeSetName() + " (" + changeSet.statusAsString() + ")");
    }
  }

  private Stack awaitStack(String stackName) throws GuardrailException {
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      Stack stack = stack(stackName);
      if (stack == null) {
        throw new GuardrailException("stack " + stackName + " disappeared while it was deployed");
      }
      if (!stack.stackStatusAsString().endsWith("_IN_PROGRESS")) {
        return stack;
      }
      pause(
          deadline,
          "stack "
              + stackName
              + " (still "
              + stack.stackStatusAsString()
              + "; CloudFormation goes on with it)");
    }
  }

  private void pause(Instant deadline, String what) throws GuardrailException {
    if (!clock.instant().plus(pollInterval).isBefore(deadline)) {
      throw new GuardrailException("timed out after " + written(timeout) + " waiting for " + what);
    }
    try {
      Thread.sleep(pollInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GuardrailException("interrupted while waiting for " + what);
    }
  }

  private void printChanges(DescribeChangeSetResponse changeSet) {
    if (!changeSet.hasChanges() || changeSet.changes().isEmpty()) {
      out.println("  (CloudFormation lists no resource change)");
    }
    for (Change change : changeSet.changes()) {
      ResourceChange resource = change.resourceChange();
      if (resource == null) {
        continue;
      }
      String replacement =
          resource.replacementAsString() == null || resource.replacementAsString().equals("False")
              ? ""
              : " (replacement: " + resource.replacementAsString() + ")";
      out.println(
          "  "
              + resource.actionAsString()
              + " "
              + resource.logicalResourceId()
              + " "
              + resource.resourceType()
              + replacement);
    }
  }

  private static String line(String mark, String logicalId, StackTemplate.Resource resource) {
    return "  "
        + mark
        + " "
        + logicalId
        + " "
        + resource.type()
        + (resource.condition() == null ? "" : " (if " + resource.condition() + ")");
  }

  /** 30 min, 90 s, 0.3 s. */
  private static String written(Duration duration) {
    if (duration.toSecondsPart() == 0 && duration.toNanosPart() == 0 && duration.toMinutes() > 0) {
      return duration.toMinutes() + " min";
    }
    return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
  }

  private static String shown(String value) {
    return value == null ? "(none)" : "\"" + Credentials.maskFormats(value) + "\"";
  }

  private static String oneLine(String text) {
    return Credentials.maskFormats(text.replaceAll("\\s+", " ").strip());
  }

  private <T> T call(String operation, Supplier<T> call) throws GuardrailException {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw failed(operation, e);
    }
  }

  private static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  /**
   * One line naming the call and AWS's error code, and CloudFormation's reason when it gives one.
   */
  private static GuardrailException failed(String operation, RuntimeException e) {
    String message = AwsCallException.of("cloudformation:" + operation, e).getMessage();
    if (e instanceof AwsServiceException service
        && service.awsErrorDetails() != null
        && service.awsErrorDetails().errorMessage() != null) {
      message += " (" + service.awsErrorDetails().errorMessage() + ")";
    }
    return new GuardrailException(oneLine(message), e);
  }
}
