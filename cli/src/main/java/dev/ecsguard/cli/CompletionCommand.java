package dev.ecsguard.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecsguard completion bash|zsh|fish}: the shell's completion script, generated from the
 * command model that runs. picocli's own generator ({@code java picocli.AutoComplete
 * dev.ecsguard.cli.Main}) builds its model from the annotations of {@code Main} alone, where no
 * subcommand is declared (Main.run adds them, with their context): its script completed only {@code
 * --help} and {@code --version}. Given the CommandLine that Main.run built, it sees every command,
 * nested ones included.
 */
@Command(
    name = "completion",
    description =
        "Print the shell completion script for bash, zsh (through bashcompinit) or fish: e.g. source <(ecsguard completion bash).",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class)
final class CompletionCommand implements Callable<Integer> {
  enum Shell {
    bash,
    zsh,
    fish
  }

  private final Context context;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
  Shell shell;

  CompletionCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    offerEnumValuesInLowerCase(spec.root());
    String name = spec.root().name();
    context
        .out()
        .print(
            switch (shell) {
              // picocli's script serves both: under zsh it loads bashcompinit itself.
              case bash, zsh -> AutoComplete.bash(name, root);
              case fish -> FishCompletion.script(spec.root());
            });
    return ExitCode.OK.code();
  }

  /**
   * picocli completes an enum's option with the constants' names, upper case; ecsguard takes them
   * in any case and documents them in lower case ({@code --color never}), so it offers them so. The
   * model is only changed for printing the script: the process ends after it.
   */
  private static void offerEnumValuesInLowerCase(CommandSpec command) {
    for (OptionSpec option : List.copyOf(command.options())) {
      if (option.type().isEnum() && option.completionCandidates() != null) {
        List<String> names =
            Arrays.stream(option.type().getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                .toList();
        command.remove(option);
        command.addOption(OptionSpec.builder(option).completionCandidates(names).build());
      }
    }
    command.subcommands().values().forEach(sub -> offerEnumValuesInLowerCase(sub.getCommandSpec()));
  }
}
