package dev.ecsguard.cli;

import dev.ecsguard.fix.FileFix;
import dev.ecsguard.fix.TaskDefinitionFix;
import dev.ecsguard.input.InputFiles;
import dev.ecsguard.report.Printable;
import dev.ecsguard.source.InputException;
import dev.ecsguard.source.InputLimits;
import dev.ecsguard.source.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "fix",
    description = {
      "Harden task definitions, services, task sets, clusters and capacity providers in ECS API JSON files and CloudFormation templates"
          + " (JSON or YAML; comments and layout kept): prints a diff, or edits the files with --write.",
      "Directories are searched as scan searches them; files with nothing to fix are skipped."
    },
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    usageHelpAutoWidth = true)
final class FixCommand implements Callable<Integer> {
  private final Context context;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "ECS API JSON files, CloudFormation templates, or directories holding them.")
  List<Path> paths;

  @Option(names = "--write", description = "Edit the files in place (default: print a unified diff and change nothing).")
  boolean write;

  @Option(names = "--user", paramLabel = "USER", description = "The user set where a container runs as root or sets none (ECS.20; default: ${DEFAULT-VALUE}).")
  String user = "1000:1000";

  @Option(names = "--keep-capabilities", split = ",", paramLabel = "CAP", description = "Linux capabilities added where privileged is removed (ECS.4), e.g. NET_ADMIN.")
  List<String> keepCapabilities = List.of();

  @Option(names = "--log-region", paramLabel = "REGION", description = "Add awslogs logging in this region where a container has none (ECS.9).")
  String logRegion;

  @Option(names = "--secret", paramLabel = "NAME=ARN", description = "Move the credential variable NAME into secrets, read from ARN (ECS.8).")
  Map<String, String> secrets = new LinkedHashMap<>();

  @Option(names = "--allow-network-change", description = "Also remove host pid mode (ECS.3) and change host network mode to awsvpc (ECS.17).")
  boolean allowNetworkChange;

  FixCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    TaskDefinitionFix.Options options = new TaskDefinitionFix.Options(user, keepCapabilities, logRegion, secrets, allowNetworkChange);
    Outcome outcome = new Outcome();
    InputFiles.visit(paths, new InputFiles.Visitor() {
      @Override
      public void file(Path file, boolean named) {
        fix(file, options, outcome);
      }

      @Override
      public void skipped(Path path, String why) {
        context.err().println(Printable.escape(path + ": " + why));
      }

      @Override
      public void error(InputException error) {
        context.err().println(Printable.escape(error.getMessage()));
        outcome.errors = true;
      }
    });
    context.out().flush();
    return outcome.errors ? ExitCode.ERROR.code() : outcome.remaining ? ExitCode.FAILED.code() : ExitCode.OK.code();
  }

  /** What the files fixed so far add up to, for the exit code. */
  private static final class Outcome {
    boolean errors;
    boolean remaining;
  }

  private void fix(Path file, TaskDefinitionFix.Options options, Outcome outcome) {
    if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tf")) {
      context.err().println(Printable.escape(file + ": Terraform source is not fixed yet; skipped"));
      return;
    }
    FileFix.Result result;
    try {
      if (Files.size(file) > InputLimits.DEFAULT.maxFileBytes()) {
        context.err().println(file + ": refused: over the limit of " + InputLimits.DEFAULT.maxFileBytes() + " bytes");
        outcome.errors = true;
        return;
      }
      result = FileFix.fix(file.toString(), Files.readString(file, StandardCharsets.UTF_8), options);
    } catch (InputException e) {
      context.err().println(Printable.escape(e.getMessage()));
      outcome.errors = true;
      return;
    } catch (IOException e) {
      context.err().println(file + ": cannot read: " + Problems.describe(e));
      outcome.errors = true;
      return;
    } catch (RuntimeException e) {
      // A field of a type no task definition has (volumes: null…): this file is left as it is, the others are fixed.
      context.err().println(file + ": cannot fix it: a field has a type ECS does not accept (" + e.getClass().getSimpleName() + "); left unchanged");
      outcome.errors = true;
      return;
    }
    if (result.fixed() == null) {
      context.err().println(file + ": nothing ecsguard can fix (it reads ECS API JSON and CloudFormation templates: task definitions, services, task sets,"
          + " clusters, capacity providers); skipped");
      return;
    }
    if (result.changed()) {
      if (write) {
        try {
          Files.writeString(file, result.fixed(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          context.err().println(file + ": cannot write: " + Problems.describe(e));
          outcome.errors = true;
          return;
        }
      } else {
        for (String line : result.diff().split("\n")) {
          context.out().println(Printable.escape(line)); // line by line: escaping keeps no newline
        }
      }
    }
    context.out().println("# " + Printable.escape(file.toString()) + ": " + (result.removed().isEmpty() ? "no finding removed" : "removes " + words(result.removed()))
        + (result.remaining().isEmpty() ? "; nothing left FAILED" : "; still FAILED: " + words(result.remaining()))
        + (write && result.changed() ? " (written)" : ""));
    result.instructions().forEach(step -> context.out().println("#   to do: " + Printable.escape(step)));
    outcome.remaining |= !result.remaining().isEmpty();
  }

  private static String words(Map<String, Integer> byControl) {
    StringBuilder out = new StringBuilder();
    byControl.forEach((control, count) -> out.append(out.length() == 0 ? "" : ", ").append(control).append(count > 1 ? " ×" + count : ""));
    return out.toString();
  }
}
