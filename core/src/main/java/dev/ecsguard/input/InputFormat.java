package dev.ecsguard.input;

import dev.ecsguard.format.InputReader;
import dev.ecsguard.format.awsconfig.ConfigItemReader;
import dev.ecsguard.format.cloudformation.CloudFormationReader;
import dev.ecsguard.format.ecsapi.EcsJsonReader;
import dev.ecsguard.format.terraform.TerraformPlanReader;
import dev.ecsguard.format.terraform.TerraformSourceReader;
import dev.ecsguard.format.terraform.TerraformVariables;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputLimits;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The input formats: the one list that directory search ({@link InputFiles}), the scanner (its
 * readers and its "not recognised" note) and {@code scan --help} read. A new format is its reader
 * in its own sub-package of {@code dev.ecsguard.format}, one line here and its parity fixture.
 *
 * <p>It lives apart from {@code dev.ecsguard.format}, the API every format's reader uses, because
 * it names every reader: there, it would make a package cycle.
 *
 * <p>The order is the order in which a file's document is offered to the {@link Unit#FILE} formats:
 * the first whose reader recognises it reads it. ECS JSON comes after the formats that have a
 * marker of their own (a template's AWS:: types, a plan's terraform_version, a Config item's
 * resourceType), because it recognises an object by a field name alone (clusterName, scale…).
 */
public enum InputFormat {
  CLOUDFORMATION(
      "a CloudFormation template",
      "CloudFormation templates (JSON or YAML)",
      Unit.FILE,
      List.of(".json", ".yaml", ".yml", ".template"),
      options -> new CloudFormationReader(options.cfnParameters())),
  TERRAFORM_PLAN(
      "a Terraform plan",
      "Terraform plan JSON",
      Unit.FILE,
      List.of(".json"),
      options -> new TerraformPlanReader(options.documents())),
  AWS_CONFIG(
      "an AWS Config configuration item",
      "AWS Config configuration items",
      Unit.FILE,
      List.of(".json"),
      options -> new ConfigItemReader(options.documents())),
  ECS_API("ECS JSON", "ECS JSON", Unit.FILE, List.of(".json"), options -> new EcsJsonReader()),
  TERRAFORM_SOURCE(
      "a Terraform module",
      "Terraform source",
      Unit.DIRECTORY,
      List.of(".tf"),
      options ->
          new TerraformSourceReader(options.documents(), options.limits(), options.tfVariables())),
  ; // on its own line, so that a new format is one added line

  /** What one read of a format covers, and so which shape of {@link InputReader} reads it. */
  public enum Unit {
    /**
     * One file, parsed as JSON or YAML and offered to each such format in turn: an {@link
     * InputReader.OfFile}.
     */
    FILE,
    /**
     * A directory: its files of this format (found or named) gathered and read once, after every
     * path is visited: an {@link InputReader.OfDirectory}.
     */
    DIRECTORY
  }

  /**
   * What a reader may depend on: {@code documents} and {@code limits} (how files are read); {@code
   * cfnParameters} (CloudFormation parameter values, over the templates' defaults); {@code
   * tfVariables} (Terraform variable values, over tfvars files and defaults).
   */
  public record Options(
      DocumentReader documents,
      InputLimits limits,
      Map<String, String> cfnParameters,
      TerraformVariables tfVariables) {}

  private final String unitName;
  private final String description;
  private final Unit unit;
  private final List<String> extensions;
  private final Function<Options, InputReader> factory;

  InputFormat(
      String unitName,
      String description,
      Unit unit,
      List<String> extensions,
      Function<Options, InputReader> factory) {
    this.unitName = unitName;
    this.description = description;
    this.unit = unit;
    this.extensions = extensions;
    this.factory = factory;
  }

  /**
   * What one unit of the format is called in a sentence: "a CloudFormation template", "ECS JSON".
   */
  public String unitName() {
    return unitName;
  }

  /** What the format is called in help: "CloudFormation templates (JSON or YAML)". */
  public String description() {
    return description;
  }

  public Unit unit() {
    return unit;
  }

  /**
   * The file name endings directory search takes for this format, lower case with their dot. A file
   * named on the command line is read whatever its name: by the {@link Unit#DIRECTORY} format whose
   * ending it has, else by the {@link Unit#FILE} formats.
   */
  public List<String> extensions() {
    return extensions;
  }

  /** Whether {@code file}'s name, in any case, ends with one of this format's extensions. */
  public boolean reads(Path file) {
    String name =
        file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    return extensions.stream().anyMatch(name::endsWith);
  }

  /**
   * This format's reader: an {@link InputReader.OfFile} or {@link InputReader.OfDirectory}, as its
   * {@link #unit()} says.
   */
  public InputReader create(Options options) {
    return factory.apply(options);
  }

  /** Whether directory search takes {@code file}: some format reads files so named. */
  public static boolean anyReads(Path file) {
    return Arrays.stream(values()).anyMatch(format -> format.reads(file));
  }

  /** The formats whose extensions {@code file}'s name has, in the order of this list. */
  public static List<InputFormat> reading(Path file) {
    return Arrays.stream(values()).filter(format -> format.reads(file)).toList();
  }

  /**
   * The {@link Unit#DIRECTORY} format that reads {@code file} with its directory; null when none
   * does.
   */
  public static InputFormat readingDirectoryOf(Path file) {
    return Arrays.stream(values())
        .filter(format -> format.unit == Unit.DIRECTORY && format.reads(file))
        .findFirst()
        .orElse(null);
  }

  /** The formats of {@code unit}, in the order of this list. */
  public static List<InputFormat> of(Unit unit) {
    return Arrays.stream(values()).filter(format -> format.unit == unit).toList();
  }

  /** Every format's extensions once, in the order of this list: what directory search looks for. */
  public static List<String> allExtensions() {
    return Arrays.stream(values())
        .flatMap(format -> format.extensions.stream())
        .distinct()
        .toList();
  }

  /** {@code words} as a sentence lists them: "a, b and c" with {@code last} "and". */
  public static String listed(List<String> words, String last) {
    int end = words.size() - 1;
    return end <= 0
        ? String.join("", words)
        : String.join(", ", words.subList(0, end)) + " " + last + " " + words.get(end);
  }
}
