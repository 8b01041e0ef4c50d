package dev.ecsguard.engine;

import dev.ecsguard.control.Standard;
import dev.ecsguard.format.terraform.TerraformVariables;
import dev.ecsguard.input.Exclusions;
import dev.ecsguard.tree.InputLimits;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one scan needs, for {@link Engine#scan(ScanRequest)}: what to read, which controls
 * with which parameters, the accepted exceptions (suppressions, a baseline), input limits, and the
 * values CloudFormation parameters and Terraform variables take. Immutable; made with {@link
 * #builder()}, whose defaults scan with every active control, no suppression and no baseline:
 *
 * <pre>{@code
 * ScanResult result = Engine.scan(ScanRequest.builder().path(Path.of("infra")).skip(List.of("ECS.13")).build());
 * }</pre>
 *
 * A request of files and directories can be scanned again (each time reads them afresh); one with a
 * {@linkplain Builder#stream stream} only once.
 */
public final class ScanRequest {
  private final List<ScanInput> inputs;
  private final Selection selection;
  private final List<Suppression> suppressions;
  private final Baseline baseline;
  private final InputLimits limits;
  private final Map<String, String> cloudFormationParameters;
  private final TerraformVariables terraformVariables;
  private final LocalDate today;
  private final Exclusions exclusions;
  private final String configuration;

  private ScanRequest(Builder builder) {
    this.inputs = List.copyOf(builder.inputs);
    // The id or parameter the user got wrong is said before anything is read.
    this.selection =
        Selection.of(builder.standards, builder.only, builder.skip, builder.parameters);
    this.suppressions = List.copyOf(builder.suppressions);
    this.baseline = builder.baseline;
    this.limits = builder.limits;
    this.cloudFormationParameters =
        Collections.unmodifiableMap(new LinkedHashMap<>(builder.cloudFormationParameters));
    this.terraformVariables =
        new TerraformVariables(
            builder.terraformEnvironment,
            builder.terraformVariableFiles,
            builder.terraformVariables);
    this.today = builder.today;
    this.exclusions = builder.exclusions;
    this.configuration = builder.configuration;
  }

  /** Where the settings came from, for the reports to name, or null. */
  public String configuration() {
    return configuration;
  }

  /** What directory searches leave out (named paths are always read). */
  public Exclusions exclusions() {
    return exclusions;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What the scan reads, in this order. */
  public List<ScanInput> inputs() {
    return inputs;
  }

  /** The controls that run, each with its parameters. */
  public Selection selection() {
    return selection;
  }

  /** Accepted exceptions, as a configuration file lists them. */
  public List<Suppression> suppressions() {
    return suppressions;
  }

  public Baseline baseline() {
    return baseline;
  }

  public InputLimits limits() {
    return limits;
  }

  /**
   * CloudFormation parameter values (pseudo parameters too), overriding the templates' defaults.
   */
  public Map<String, String> cloudFormationParameters() {
    return cloudFormationParameters;
  }

  /**
   * What Terraform root modules' variables are given besides their tfvars files: TF_VAR_ values,
   * variable files, values.
   */
  public TerraformVariables terraformVariables() {
    return terraformVariables;
  }

  /**
   * The day {@link #suppressions()} are judged on (one whose expiry is before it no longer
   * applies), or null for the day of the scan.
   */
  public LocalDate today() {
    return today;
  }

  /**
   * Collects a request. Methods that take a collection or map add to what earlier calls gave (a
   * later parameter value wins), so that a configuration file's settings and then the command
   * line's can be given in turn.
   */
  public static final class Builder {
    private final List<ScanInput> inputs = new ArrayList<>();
    private Set<Standard> standards = EnumSet.allOf(Standard.class);
    private final List<String> only = new ArrayList<>();
    private final List<String> skip = new ArrayList<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final List<Suppression> suppressions = new ArrayList<>();
    private Baseline baseline = Baseline.none();
    private InputLimits limits =
        new InputLimits(
            InputLimits.maxFileBytesFor(Runtime.getRuntime().maxMemory()),
            InputLimits.DEFAULT.maxNestingDepth());
    private final Map<String, String> cloudFormationParameters = new LinkedHashMap<>();
    private final Map<String, String> terraformVariables = new LinkedHashMap<>();
    private final List<Path> terraformVariableFiles = new ArrayList<>();
    private final Map<String, String> terraformEnvironment = new LinkedHashMap<>();
    private LocalDate today;
    private Exclusions exclusions = Exclusions.NONE;
    private String configuration;

    private Builder() {}

    /**
     * What directory searches leave out, beside hidden entries (default: nothing); replaces what an
     * earlier call gave.
     */
    public Builder exclusions(Exclusions left) {
      exclusions = left;
      return this;
    }

    /**
     * A file, or a directory searched recursively for the files of the extensions {@link
     * dev.ecsguard.input.InputFormat} lists.
     */
    public Builder path(Path path) {
      return input(new ScanInput.FileInput(path));
    }

    public Builder paths(Collection<Path> paths) {
      paths.forEach(this::path);
      return this;
    }

    /**
     * One JSON or YAML document read from {@code in} (e.g. standard input), named {@code name} in
     * findings.
     */
    public Builder stream(InputStream in, String name) {
      return input(new ScanInput.StreamInput(in, name));
    }

    /** Any other input, e.g. the aws module's {@code AwsScan} for live accounts. */
    public Builder input(ScanInput input) {
      inputs.add(input);
      return this;
    }

    /**
     * The standards whose controls run (default: every one); replaces what an earlier call gave, as
     * the command line's {@code --standard} replaces a configuration's.
     */
    public Builder standards(Set<Standard> chosen) {
      standards = EnumSet.noneOf(Standard.class);
      standards.addAll(chosen);
      return this;
    }

    /**
     * Runs only these controls (in any letter case; retired ones run only when named here), each of
     * one of the {@linkplain #standards standards}. None given: every active control of them.
     */
    public Builder only(Collection<String> controlIds) {
      only.addAll(controlIds);
      return this;
    }

    /** Does not run these controls. */
    public Builder skip(Collection<String> controlIds) {
      skip.addAll(controlIds);
      return this;
    }

    /** A control parameter: {@code parameter("ECS.13.requiredTagKeys", "owner,team")}. */
    public Builder parameter(String idDotName, String value) {
      parameters.put(idDotName, value);
      return this;
    }

    public Builder parameters(Map<String, String> values) {
      parameters.putAll(values);
      return this;
    }

    /** Accepted exceptions (inline suppressions in the inputs apply in any case). */
    public Builder suppressions(Collection<Suppression> accepted) {
      suppressions.addAll(accepted);
      return this;
    }

    /**
     * FAILED findings it holds are marked as accepted (default: none); read one with {@link
     * Baseline#read}.
     */
    public Builder baseline(Baseline accepted) {
      baseline = accepted;
      return this;
    }

    /**
     * Default: {@link InputLimits#DEFAULT}, its file size lowered to what this JVM's heap can hold.
     */
    public Builder limits(InputLimits bounds) {
      limits = bounds;
      return this;
    }

    public Builder cloudFormationParameters(Map<String, String> values) {
      cloudFormationParameters.putAll(values);
      return this;
    }

    /**
     * Terraform variable values, as {@code terraform -var NAME=VALUE} gives them: over every
     * variable file and default.
     */
    public Builder terraformVariables(Map<String, String> values) {
      terraformVariables.putAll(values);
      return this;
    }

    /** Every part of {@code variables}: its environment, files and values, each as below. */
    public Builder terraformVariables(TerraformVariables variables) {
      return terraformEnvironment(variables.environment())
          .terraformVariableFiles(variables.files())
          .terraformVariables(variables.values());
    }

    /**
     * Terraform variable files, as {@code terraform -var-file} names them (HCL, or JSON for a name
     * ending in .json): over the modules' own tfvars files, a later one over an earlier one.
     */
    public Builder terraformVariableFiles(List<Path> files) {
      terraformVariableFiles.addAll(files);
      return this;
    }

    /**
     * Terraform variable values from the environment, by variable name (the {@code TF_VAR_name}
     * variables: {@link TerraformVariables#fromEnvironment} picks them): under every file.
     */
    public Builder terraformEnvironment(Map<String, String> values) {
      terraformEnvironment.putAll(values);
      return this;
    }

    /**
     * The day suppressions are judged on, those given here and those written inline in the inputs;
     * default: the day of the scan.
     */
    public Builder today(LocalDate day) {
      today = day;
      return this;
    }

    /**
     * Where the settings given came from (a configuration's source), for the reports to name;
     * default: none.
     */
    public Builder configuration(String source) {
      configuration = source;
      return this;
    }

    /**
     * The request.
     *
     * @throws IllegalArgumentException naming a control id or parameter that is not known or not
     *     valid
     */
    public ScanRequest build() {
      return new ScanRequest(this);
    }
  }
}
