package dev.ecsguard.cli;

import dev.ecsguard.format.terraform.TerraformVariables;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What scan and fix give Terraform root modules' variables, as terraform plan does: -var, -var-file
 * and the TF_VAR_ environment variables.
 */
final class TerraformVariableOptions {
  @Option(
      names = "--tf-var",
      paramLabel = "NAME=VALUE",
      description =
          "Give a Terraform variable a value (as terraform -var does); it overrides variable files and the default.")
  Map<String, String> values = new LinkedHashMap<>();

  @Option(
      names = "--tf-var-file",
      paramLabel = "FILE",
      description =
          "Read Terraform variable values from FILE (as terraform -var-file does; HCL, or JSON for *.json); repeatable, a later file over an earlier one, over terraform.tfvars and *.auto.tfvars. TF_VAR_name environment variables are read too, under every file.")
  List<Path> files = List.of();

  /**
   * The variables, with the TF_VAR_ ones of {@code environment}; null after saying on {@code err}
   * in one line what is wrong (a value without a name, a file that is not there).
   */
  TerraformVariables variablesOrSay(Map<String, String> environment, PrintWriter err) {
    String unnamed = NamedValues.unnamed("--tf-var", values);
    if (unnamed != null) {
      err.println(unnamed);
      return null;
    }
    if (!OptionFiles.regularOrSay("--tf-var-file", files, err)) {
      return null;
    }
    return new TerraformVariables(TerraformVariables.fromEnvironment(environment), files, values);
  }
}
