package dev.ecsguard.cli;

import dev.ecsguard.fix.FileFix;
import dev.ecsguard.fix.TaskDefinitionFix;
import dev.ecsguard.fix.TerraformFix;
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
    description = "Harden task definitions, services, task sets, clusters and capacity providers in ECS API JSON files (prints a diff, or edits the files with --write)"
        + " and in Terraform .tf files (prints the suggested change as a diff where the value is a literal in the file, else as a step; .tf files are never written).",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    usageHelpAutoWidth = true)
final class FixCommand implements Callable<Integer> {
  private final Context context;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "ECS API JSON files and Terraform .tf files (each read with its module's other .tf files).")
  List<Path> files;

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

  @Option(names = "--tf-var", paramLabel = "NAME=VALUE", description = "A Terraform variable's value, as for scan (overrides tfvars files and defaults).")
  Map<String, String> tfVariables = new LinkedHashMap<>();

  @Option(names = "--allow-network-change", description = "Also remove host pid mode (ECS.3) and change host network mode to awsvpc (ECS.17).")
  boolean allowNetworkChange;

  FixCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    TaskDefinitionFix.Options options = new TaskDefinitionFix.Options(user, keepCapabilities, logRegion, secrets, allowNetworkChange);
    boolean errors = false;
    boolean remaining = false;
    for (Path file : files) {
      FileFix.Result result;
      try {
        if (Files.size(file) > InputLimits.DEFAULT.maxFileBytes()) {
          context.err().println(file + ": refused: over the limit of " + InputLimits.DEFAULT.maxFileBytes() + " bytes");
          errors = true;
          continue;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        result = terraform(file) ? TerraformFix.fix(file, text, options, tfVariables) : FileFix.fix(file.toString(), text, options);
      } catch (InputException e) {
        context.err().println(Printable.escape(e.getMessage()));
        errors = true;
        continue;
      } catch (IOException e) {
        context.err().println(file + ": cannot read: " + Problems.describe(e));
        errors = true;
        continue;
      } catch (RuntimeException e) {
        // A field of a type no task definition has (volumes: null…): this file is left as it is, the others are fixed.
        context.err().println(file + ": cannot fix it: a field has a type ECS does not accept (" + e.getClass().getSimpleName() + "); left unchanged");
        errors = true;
        continue;
      }
      if (result.fixed() == null) {
        context.err().println(file + (terraform(file) ? ": no aws_ecs_* resource; skipped"
            : ": nothing ecsguard can fix (it reads ECS API JSON: task definitions, services, task sets, clusters, capacity providers); skipped"));
        continue;
      }
      if (result.changed()) {
        if (write && !terraform(file)) {
          try {
            Files.writeString(file, result.fixed(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            context.err().println(file + ": cannot write: " + Problems.describe(e));
            errors = true;
            continue;
          }
        } else {
          for (String line : result.diff().split("\n")) {
            context.out().println(Printable.escape(line)); // line by line: escaping keeps no newline
          }
        }
      }
      context.out().println("# " + Printable.escape(file.toString()) + ": " + (result.removed().isEmpty() ? "no finding removed" : "removes " + words(result.removed()))
          + (result.remaining().isEmpty() ? "; nothing left FAILED" : "; still FAILED: " + words(result.remaining()))
          + (write && result.changed() ? terraform(file) ? " (not written: .tf files change through your review and terraform plan/apply)" : " (written)" : ""));
      result.instructions().forEach(step -> context.out().println("#   to do: " + Printable.escape(step)));
      remaining |= !result.remaining().isEmpty();
    }
    context.out().flush();
    return errors ? ExitCode.ERROR.code() : remaining ? ExitCode.FAILED.code() : ExitCode.OK.code();
  }

  private static boolean terraform(Path file) {
    return file.getFileName() != null && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tf");
  }

  private static String words(Map<String, Integer> byControl) {
    StringBuilder out = new StringBuilder();
    byControl.forEach((control, count) -> out.append(out.length() == 0 ? "" : ", ").append(control).append(count > 1 ? " ×" + count : ""));
    return out.toString();
  }
}
