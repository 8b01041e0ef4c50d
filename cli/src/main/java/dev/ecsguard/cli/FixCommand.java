package dev.ecsguard.cli;

import dev.ecsguard.config.Configuration;
import dev.ecsguard.control.RemedyOptions;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.fix.AtomicFileWrite;
import dev.ecsguard.fix.FileFix;
import dev.ecsguard.fix.shared.FixResult;
import dev.ecsguard.fix.terraform.TerraformFix;
import dev.ecsguard.format.InputReader;
import dev.ecsguard.format.terraform.TerraformVariables;
import dev.ecsguard.input.InputFiles;
import dev.ecsguard.input.InputFormat;
import dev.ecsguard.report.Printable;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Problems;
import dev.ecsguard.tree.RegularFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "fix",
    description = {
      "Harden task definitions, services, task sets, clusters and capacity providers in ECS API JSON files and CloudFormation templates"
          + " (JSON or YAML; comments and layout kept): prints a diff, or edits the files with --write.",
      "Terraform .tf files get the suggested change, as a diff where the value is a literal in the file and as a step otherwise; they are never written.",
      "Directories are searched as scan searches them; files with nothing to fix are skipped."
    },
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    usageHelpAutoWidth = true)
final class FixCommand implements Callable<Integer> {
  private final Context context;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description =
          "ECS API JSON files, CloudFormation templates, Terraform .tf files (each read with its module's other .tf files), or directories holding them.")
  List<Path> paths;

  @Option(
      names = "--write",
      description = "Edit the files in place (default: print a unified diff and change nothing).")
  boolean write;

  @Mixin HardeningChoices choices = new HardeningChoices();

  @Option(
      names = "--log-region",
      paramLabel = "REGION",
      description = "Add awslogs logging in this region where a container has none (ECS.9).")
  String logRegion;

  @Mixin TerraformVariableOptions tfVariableOptions = new TerraformVariableOptions();

  /** Writes what --write fixes; tests pass one that fails half-way or races an edit. */
  private final AtomicFileWrite files;

  FixCommand(Context context) {
    this(context, AtomicFileWrite.DEFAULT);
  }

  FixCommand(Context context, AtomicFileWrite files) {
    this.context = context;
    this.files = files;
  }

  @Mixin ConfigChoice configChoice = new ConfigChoice();

  @Mixin StandardChoice standardChoice = new StandardChoice();

  @Option(
      names = "--skip-controls",
      split = ",",
      paramLabel = "ID",
      description =
          "Leave these controls' findings as they are (as the configuration's controls.skip does).")
  List<String> skip = List.of();

  @Override
  public Integer call() {
    if (paths.contains(Path.of("-"))) {
      context
          .err()
          .println(
              "ecsguard: fix edits files, so it reads no standard input; give the file's path");
      return ExitCode.ERROR.code();
    }
    TerraformVariables tfVariables =
        tfVariableOptions.variablesOrSay(context.environment(), context.err());
    if (tfVariables == null) {
      return ExitCode.ERROR.code();
    }
    Configuration configuration = configChoice.loadOrSay(context.err(), paths);
    if (configuration == null) {
      return ExitCode.ERROR.code();
    }
    List<String> skipped = new ArrayList<>(configuration.skip());
    skipped.addAll(skip);
    skipped.addAll(Selection.outside(standardChoice.standards(configuration)));
    RemedyOptions options = choices.options(logRegion).leavingAlone(skipped);
    Acceptance acceptance;
    try {
      acceptance = new Acceptance(configuration, tfVariables);
    } catch (IllegalArgumentException e) {
      context.err().println("ecsguard: " + e.getMessage());
      return ExitCode.ERROR.code();
    }
    Outcome outcome = new Outcome();
    record Found(Path file, Path tree, boolean named) {}
    List<Found> found = new ArrayList<>();
    InputFiles.visit(
        paths,
        new InputFiles.Visitor() {
          @Override
          public void file(Path file, Path tree, boolean named) {
            found.add(new Found(file, tree, named));
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
    // As scan does: a module another scanned configuration calls is fixed through its callers (at
    // the call's arguments), not also as a root of its own with its defaults.
    Map<Path, InputReader.Directory> modules = new LinkedHashMap<>();
    for (Found each : found) {
      if (terraform(each.file())) {
        Path directory = InputFiles.directoryOf(each.file());
        InputReader.Directory unit =
            modules.getOrDefault(
                directory, new InputReader.Directory(each.tree(), directory, List.of()));
        List<Path> files = new ArrayList<>(unit.files());
        files.add(each.file());
        modules.put(directory, new InputReader.Directory(unit.tree(), directory, files));
      }
    }
    Set<Path> called = new HashSet<>();
    TerraformFix.calledModules(List.copyOf(modules.values()), tfVariables)
        .forEach(unit -> called.add(unit.directory()));
    Set<Path> said = new HashSet<>();
    for (Found each : found) {
      Path directory = InputFiles.directoryOf(each.file());
      if (!each.named() && terraform(each.file()) && called.contains(directory)) {
        if (said.add(directory)) {
          context
              .err()
              .println(
                  Printable.escape(
                      directory
                          + ": a module another configuration here calls; its changes are"
                          + " suggested at that call"));
        }
        continue;
      }
      fix(each.file(), each.tree(), each.named(), options, acceptance, tfVariables, outcome);
    }
    context.out().flush();
    return outcome.errors
        ? ExitCode.ERROR.code()
        : outcome.remaining ? ExitCode.FAILED.code() : ExitCode.OK.code();
  }

  /** What the files fixed so far add up to, for the exit code. */
  private static final class Outcome {
    boolean errors;
    boolean remaining;
  }

  private void fix(
      Path file,
      Path tree,
      boolean named,
      RemedyOptions chosen,
      Acceptance acceptance,
      TerraformVariables tfVariables,
      Outcome outcome) {
    FixResult result;
    Map<String, String> accepted;
    byte[] read;
    try {
      // As scan reads it: a regular file within the size limit, its byte-order mark dropped (and
      // written back below).
      read = RegularFiles.read(file, file.toString(), InputLimits.DEFAULT.maxFileBytes());
      String text = RegularFiles.utf8Text(read, file.toString());
      accepted = acceptance.accepted(file, text);
      RemedyOptions options = chosen.leavingAlone(accepted.keySet());
      result =
          terraform(file)
              ? TerraformFix.fix(tree, file, text, options, tfVariables)
              : FileFix.fix(file.toString(), text, options);
    } catch (InputException e) {
      if (!named
          && dev.ecsguard.engine.Scanner.isOtherYaml(file, e, InputLimits.DEFAULT.maxFileBytes())) {
        context
            .err()
            .println(Printable.escape(file + ": YAML that is no CloudFormation template; skipped"));
        return;
      }
      if (!named && dev.ecsguard.engine.Scanner.isJsonWithComments(file)) {
        context
            .err()
            .println(
                Printable.escape(
                    file + ": a TypeScript or JavaScript project's configuration; skipped"));
        return;
      }
      context.err().println(Printable.escape(e.getMessage()));
      outcome.errors = true;
      return;
    } catch (RuntimeException e) {
      // A field of a type no task definition has (volumes: null…): this file is left as it is, the
      // others are fixed.
      context
          .err()
          .println(
              file
                  + ": cannot fix it: a field has a type ECS does not accept ("
                  + e.getClass().getSimpleName()
                  + "); left unchanged");
      outcome.errors = true;
      return;
    }
    if (result.fixed() == null) {
      context
          .err()
          .println(
              file
                  + (terraform(file)
                      ? ": no aws_ecs_* resource; skipped"
                      : ": nothing ecsguard can fix (it reads ECS API JSON and CloudFormation templates: task definitions, services, task sets,"
                          + " clusters, capacity providers); skipped"));
      return;
    }
    if (result.changed()) {
      if (write && !terraform(file)) {
        try {
          files.replace(
              file,
              read,
              ((RegularFiles.hasByteOrderMark(read) ? "\uFEFF" : "") + result.fixed())
                  .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          context.err().println(Printable.escape(file + ": cannot write: " + Problems.describe(e)));
          outcome.errors = true;
          return;
        } catch (AtomicFileWrite.Changed e) {
          context
              .err()
              .println(
                  Printable.escape(file + ": changed while ecsguard was fixing it; not written"));
          outcome.errors = true;
          return;
        }
      } else {
        for (String line : result.diff().split("\n")) {
          context.out().println(Printable.escape(line)); // line by line: escaping keeps no newline
        }
      }
    }
    Map<String, Integer> remaining = new LinkedHashMap<>(result.remaining());
    remaining.keySet().removeAll(accepted.keySet());
    remaining.keySet().removeAll(chosen.leaveAlone());
    context
        .out()
        .println(
            "# "
                + Printable.escape(file.toString())
                + ": "
                + (result.removed().isEmpty()
                    ? "no finding removed"
                    : "removes " + words(result.removed()))
                + (remaining.isEmpty()
                    ? "; nothing left FAILED"
                    : "; still FAILED: " + words(remaining))
                + (accepted.isEmpty()
                    ? ""
                    : "; left alone as accepted: " + String.join(", ", accepted.keySet()))
                + (write && result.changed()
                    ? terraform(file)
                        ? " (not written: .tf files change through your review and terraform plan/apply)"
                        : " (written)"
                    : ""));
    result
        .instructions()
        .forEach(step -> context.out().println("#   to do: " + Printable.escape(step)));
    accepted.forEach(
        (control, why) ->
            context.out().println("#   left alone: " + control + ", " + Printable.escape(why)));
    outcome.remaining |= !remaining.isEmpty();
  }

  /** A file of a Terraform module: TerraformFix suggests its changes, with its module. */
  private static boolean terraform(Path file) {
    return InputFormat.TERRAFORM_SOURCE.reads(file);
  }

  /** {@code ECS.4, ECS.5 ×2}: FAILED findings by control, in control order. */
  static String words(Map<String, Integer> byControl) {
    StringBuilder out = new StringBuilder();
    byControl.forEach(
        (control, count) ->
            out.append(out.length() == 0 ? "" : ", ")
                .append(control)
                .append(count > 1 ? " ×" + count : ""));
    return out.toString();
  }
}
