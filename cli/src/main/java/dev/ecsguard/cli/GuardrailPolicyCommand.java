package dev.ecsguard.cli;

import dev.ecsguard.guardrail.policy.GuardrailPolicy;
import dev.ecsguard.report.Printable;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ecsguard guardrail policy}: the service control policy (or permissions boundary) that
 * denies what ECS's condition keys can express, printed for the user to attach.
 */
@Command(
    name = "policy",
    description =
        "Print the service control policy that denies, for every client, what ECS's condition keys can express (ECS.4 privileged containers, ECS.2 services with public IPs); --boundary prints it as a permissions boundary.",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class)
final class GuardrailPolicyCommand implements Callable<Integer> {
  private final Context context;

  @Option(
      names = "--boundary",
      description =
          "A permissions boundary instead: allows the rest, denies the same, and denies taking a boundary off or replacing it.")
  boolean boundary;

  @Option(
      names = "--controls",
      split = ",",
      paramLabel = "ID",
      description = "Only these controls' statements (default: every one a condition key carries).")
  List<String> controls = List.of();

  GuardrailPolicyCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try {
      context
          .out()
          .print(
              GuardrailPolicy.text(
                  GuardrailPolicy.build(
                      boundary ? GuardrailPolicy.Kind.BOUNDARY : GuardrailPolicy.Kind.SCP,
                      controls)));
      return ExitCode.OK.code();
    } catch (IllegalArgumentException e) {
      // An unknown id is quoted back, as scan does: escaped, so that it cannot drive the terminal.
      context.err().println("ecsguard: " + Printable.escape(e.getMessage()));
      return ExitCode.ERROR.code();
    }
  }
}
