package dev.ecsguard.cli;

import dev.ecsguard.catalog.Lessons;
import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.ParameterInfo;
import dev.ecsguard.engine.Selection;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "explain",
    description =
        "Explain a control: what it checks, why it matters, how to fix it, and what it is not.",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class)
final class ExplainCommand implements Callable<Integer> {
  private final Context context;

  @Parameters(paramLabel = "ID", description = "A control id, e.g. ECS.4.")
  String id;

  ExplainCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ControlInfo info;
    try {
      info = Selection.find(id).info();
    } catch (IllegalArgumentException e) {
      context.err().println("ecsguard: " + e.getMessage());
      return ExitCode.ERROR.code();
    }
    PrintWriter out = context.out();
    out.println(info.id() + ": " + info.title());
    out.println();
    out.println("Severity:        " + info.severity().title());
    out.println("Resource type:   " + info.resourceType().awsName());
    out.println(
        "AWS Config rule: "
            + (info.configRule().isEmpty()
                ? "none (an ecsguard control beyond Security Hub)"
                : info.configRule()));
    if (info.retired()) {
      out.println(
          "Status:          retired by AWS; runs only when selected with --controls " + info.id());
    }
    if (!info.outOfScope().isEmpty()) {
      out.println("Not applicable:  " + info.outOfScope());
    }
    out.println("Fix:             " + info.remediation());
    for (ParameterInfo parameter : info.parameters()) {
      out.println(
          "Parameter:       --param "
              + info.id()
              + "."
              + parameter.name()
              + "=VALUE  (default: "
              + (parameter.defaultValue().isEmpty() ? "none" : parameter.defaultValue())
              + ") "
              + parameter.description());
    }
    if (info.documentationUrl() != null) {
      out.println("Documentation:   " + info.documentationUrl());
    }
    out.println();
    out.print(Lessons.of(info.id()).orElse("(This control has no lesson yet.)\n"));
    return ExitCode.OK.code();
  }
}
