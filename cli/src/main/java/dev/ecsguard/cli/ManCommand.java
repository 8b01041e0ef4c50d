package dev.ecsguard.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecsguard man [COMMAND...]}: a command's manual page, in troff, from the command model. */
@Command(
    name = "man",
    description =
        "Print the manual page of ecsguard or of one of its commands (troff, from the options that run): e.g. ecsguard man scan | man -l -.",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class)
final class ManCommand implements Callable<Integer> {
  private final Context context;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "COMMAND",
      arity = "0..*",
      description = "The command, e.g. scan or guardrail invoke (default: ecsguard itself).")
  List<String> command = List.of();

  ManCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    CommandSpec page = spec.root();
    for (String name : command) {
      CommandLine sub = page.subcommands().get(name);
      if (sub == null) {
        // What was typed is not repeated (a misplaced value may be a secret); the names are ours.
        context
            .err()
            .println(
                "ecsguard: man: no such command under '"
                    + page.qualifiedName()
                    + "' (its commands: "
                    + String.join(", ", page.subcommands().keySet())
                    + ")");
        return ExitCode.ERROR.code();
      }
      page = sub.getCommandSpec();
    }
    context.out().print(ManPage.troff(page, new Main.Version().getVersion()[0]));
    return ExitCode.OK.code();
  }
}
