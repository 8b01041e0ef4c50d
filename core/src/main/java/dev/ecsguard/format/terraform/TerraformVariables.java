package dev.ecsguard.format.terraform;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scan gives root modules' variables besides their own tfvars files, in Terraform's order of
 * precedence (a later one wins): {@code environment}, the values of {@code TF_VAR_name} variables
 * (below every file); then the module's terraform.tfvars and *.auto.tfvars files; then {@code
 * files}, variable files as {@code terraform -var-file} names them, in order; then {@code values},
 * as {@code -var NAME=VALUE}. A value given as text is read as Terraform reads {@code -var}: a
 * literal, list or object if it parses as one, else the text itself.
 */
public record TerraformVariables(
    Map<String, String> environment, List<Path> files, Map<String, String> values) {
  /** The prefix that names a Terraform variable in the environment: {@code TF_VAR_image_tag}. */
  public static final String ENVIRONMENT_PREFIX = "TF_VAR_";

  public static final TerraformVariables NONE =
      new TerraformVariables(Map.of(), List.of(), Map.of());

  public TerraformVariables {
    environment = Map.copyOf(environment);
    files = List.copyOf(files);
    values = Map.copyOf(values);
  }

  /** {@code -var} values alone. */
  public static TerraformVariables of(Map<String, String> values) {
    return new TerraformVariables(Map.of(), List.of(), values);
  }

  /** The {@code TF_VAR_} variables of {@code environment}, by the variable names they carry. */
  public static Map<String, String> fromEnvironment(Map<String, String> environment) {
    Map<String, String> found = new LinkedHashMap<>();
    environment.forEach(
        (name, value) -> {
          if (name.startsWith(ENVIRONMENT_PREFIX) && name.length() > ENVIRONMENT_PREFIX.length()) {
            found.put(name.substring(ENVIRONMENT_PREFIX.length()), value);
          }
        });
    return found;
  }
}
