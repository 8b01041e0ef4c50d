package dev.ecsguard.cli;

import dev.ecsguard.aws.scan.AwsScan;
import dev.ecsguard.aws.securityhub.SecurityHubImport;
import dev.ecsguard.aws.session.AwsOptions;
import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.config.Configuration;
import dev.ecsguard.control.Severity;
import dev.ecsguard.engine.Baseline;
import dev.ecsguard.engine.Engine;
import dev.ecsguard.engine.ScanRequest;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.format.terraform.TerraformVariables;
import dev.ecsguard.input.Exclusions;
import dev.ecsguard.input.InputFormat;
import dev.ecsguard.report.Printable;
import dev.ecsguard.report.Report;
import dev.ecsguard.report.ReportFormat;
import dev.ecsguard.report.SarifLiveResources;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Problems;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    usageHelpAutoWidth = true)
final class ScanCommand implements Callable<Integer> {
  /** How the user asks for colour. */
  enum ColourChoice {
    AUTO,
    ALWAYS,
    NEVER
  }

  private final Context context;
  private final Main main;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Files or directories to scan; - reads standard input.")
  List<Path> paths = List.of();

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      description =
          "Leave out what a directory search finds that matches (repeatable): a name at any depth (node_modules, *.gen.json) or a path from the directory named (infra/legacy/**). Paths named are always read.")
  List<String> exclude = List.of();

  @Option(
      names = "--no-gitignore",
      description = "Search what .gitignore files in the scanned directories leave out, too.")
  boolean noGitignore;

  @Option(
      names = "--aws",
      description =
          "Scan live AWS accounts (the standard credential chain; AWS_ENDPOINT_URL is honoured).")
  boolean aws;

  @Mixin AwsAccounts accounts = new AwsAccounts();

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "With --aws: account-region pairs scanned at once (default: ${DEFAULT-VALUE}).")
  int concurrency = 4;

  /** A report format and where it goes: a file, or standard output when {@code file} is null. */
  record Target(ReportFormat format, Path file) {}

  static final ReportFormat DEFAULT_FORMAT = ReportFormat.TEXT;

  @Option(
      names = "--format",
      paramLabel = "FORMAT[=FILE]",
      description =
          "${COMPLETION-CANDIDATES} (Report formats, below); repeatable, each with =FILE to write it to a file, e.g. --format text --format sarif=results.sarif.",
      completionCandidates = FormatLabels.class,
      converter = FormatConverter.class)
  List<Target> formats = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write the report that has no =FILE to FILE instead of standard output; without --format, its extension chooses the format (x.sarif, x.html, x.json…).")
  Path output;

  @Option(
      names = "--sarif-root",
      paramLabel = "DIR",
      description =
          "SARIF report: name files relative to DIR (default: the root of their git repository), as GitHub resolves them against the repository's root.")
  Path sarifRoot;

  @Option(
      names = "--sarif-live-file",
      paramLabel = "FILE",
      description =
          "SARIF report of --aws: list the live resources in FILE, which their results point at (default: beside the SARIF file, NAME.resources.tsv).")
  Path sarifLiveFile;

  @Mixin StandardChoice standardChoice = new StandardChoice();

  @Option(
      names = "--controls",
      split = ",",
      paramLabel = "ID",
      description =
          "Run only these controls, of the standard chosen (retired ones run only when named here).")
  List<String> only;

  @Option(
      names = "--skip-controls",
      split = ",",
      paramLabel = "ID",
      description = "Do not run these controls.")
  List<String> skip = List.of();

  @Option(
      names = {"-p", "--param"},
      paramLabel = "ID.NAME=VALUE",
      description = "Set a control parameter, e.g. ECS.13.requiredTagKeys=owner,team.")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Mixin CloudFormationParameterOptions cfnParameters = new CloudFormationParameterOptions();

  @Mixin TerraformVariableOptions tfVariables = new TerraformVariableOptions();

  @Mixin ConfigChoice configChoice = new ConfigChoice();

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      completionCandidates = SeverityNames.class,
      description =
          "The lowest severity whose FAILED findings make the exit code 1: critical, high, medium or low (default: the configuration's failOn, else low).")
  String failOn;

  @Option(
      names = "--fail-on-unknown",
      description =
          "An unsuppressed UNKNOWN finding makes the exit code 1 too (default: the configuration's failOnUnknown, else no).")
  boolean failOnUnknown;

  @Option(
      names = "--min-severity",
      paramLabel = "SEVERITY",
      completionCandidates = SeverityNames.class,
      description =
          "Run only the controls of this severity or higher: critical, high, medium or low (default: low, every one).")
  String minSeverity;

  @Option(
      names = "--securityhub-import",
      description =
          "Send the findings to AWS Security Hub (BatchImportFindings; BatchUpdateFindings marks suppressed ones), each in its account and Region (files': the caller's); --profile applies.")
  boolean securityHubImport;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "Fail only on FAILED findings that are not in this baseline (made with --create-baseline).")
  Path baseline;

  @Option(
      names = "--create-baseline",
      paramLabel = "FILE",
      description = "Record today's FAILED findings in FILE, to pass later with --baseline.")
  Path createBaseline;

  @Option(
      names = {"-v", "--verbose"},
      description = "Text report: list PASSED and NOT_APPLICABLE findings too.")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      description = "Text report: the FAILED and UNKNOWN findings only, without notes or summary.")
  boolean quiet;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      description = "auto (default: only on a terminal, never with NO_COLOR), always or never.")
  ColourChoice colour = ColourChoice.AUTO;

  @Option(
      names = "--max-file-size",
      paramLabel = "SIZE",
      description =
          "Refuse larger files (default 64m, or a twentieth of the Java heap if less: what a scan can hold; suffixes k, m, g).",
      converter = SizeConverter.class)
  long maxFileSize = InputLimits.maxFileBytesFor(Runtime.getRuntime().maxMemory());

  ScanCommand(Context context, Main main) {
    this.context = context;
    this.main = main;
  }

  @Override
  public Integer call() {
    if (paths.isEmpty() && !aws) {
      context
          .err()
          .println(
              "ecsguard: give the files or directories to scan, - for standard input, or --aws for live accounts");
      return ExitCode.ERROR.code();
    }
    if (!aws
        && (accounts.chooseAccounts()
            || (accounts.profile != null
                && !securityHubImport))) { // --profile also serves --securityhub-import
      context.err().println("ecsguard: --profile, --region, --role-arn and --org need --aws");
      return ExitCode.ERROR.code();
    }
    Map<String, String> cloudFormationParameters = cfnParameters.valuesOrSay(context.err());
    if (cloudFormationParameters == null) {
      return ExitCode.ERROR.code();
    }
    TerraformVariables terraformVariables =
        tfVariables.variablesOrSay(context.environment(), context.err());
    if (terraformVariables == null) {
      return ExitCode.ERROR.code();
    }
    AwsOptions awsOptions;
    try {
      awsOptions = aws ? accounts.options(concurrency) : null;
    } catch (IllegalArgumentException e) {
      context.err().println("ecsguard: " + e.getMessage());
      return ExitCode.ERROR.code();
    }
    if (only != null && only.isEmpty()) {
      context.err().println("ecsguard: --controls needs at least one control id");
      return ExitCode.ERROR.code();
    }
    Configuration configuration = configChoice.loadOrSay(context.err(), paths);
    if (configuration == null) {
      return ExitCode.ERROR.code();
    }
    Baseline accepted = Baseline.none();
    if (baseline != null) {
      try {
        accepted = Baseline.read(baseline, baseline.toString());
      } catch (InputException e) {
        context.err().println(Printable.escape(e.getMessage()));
        return ExitCode.ERROR.code();
      }
    }
    Severity threshold;
    ScanRequest request;
    try {
      if (verbose && quiet) {
        throw new IllegalArgumentException("--verbose and --quiet contradict each other; give one");
      }
      threshold =
          failOn != null
              ? severity(failOn, "--fail-on")
              : configuration.failOn() != null ? configuration.failOn() : Severity.LOW;
      request =
          request(
              configuration, accepted, awsOptions, cloudFormationParameters, terraformVariables);
    } catch (IllegalArgumentException e) {
      context.err().println("ecsguard: " + e.getMessage());
      return ExitCode.ERROR.code();
    }
    List<Target> targets = targets();
    if (targets == null) {
      context
          .err()
          .println(
              "ecsguard: only one report can go to standard output; give the others a file (--format sarif=results.sarif)");
      return ExitCode.ERROR.code();
    }
    if (!paths.isEmpty()
        && asffAccount() == null
        && targets.stream().anyMatch(target -> target.format() == ReportFormat.ASFF)) {
      context
          .err()
          .println(
              "ecsguard: ASFF findings of files need the AWS account they belong to; set AWS_ACCOUNT_ID to its 12-digit id");
      return ExitCode.ERROR.code();
    }
    String sarifProblem = sarifProblem(targets);
    if (sarifProblem != null) {
      context.err().println(Printable.escape("ecsguard: " + sarifProblem));
      return ExitCode.ERROR.code();
    }
    java.util.Set<Path> files = new java.util.HashSet<>();
    for (Path live :
        targets.stream().map(this::liveFile).filter(file -> file != null).distinct().toList()) {
      files.add(live.toAbsolutePath().normalize());
      if (overwritesAnInput("live resources", live, true)) {
        return ExitCode.ERROR.code();
      }
    }
    for (Target target : targets) {
      if (target.file() != null && !files.add(target.file().toAbsolutePath().normalize())) {
        // Two reports in one file: the second would replace the first unsaid.
        context
            .err()
            .println(
                Printable.escape(
                    "ecsguard: two reports would be written to "
                        + target.file()
                        + "; give each its own file"));
        return ExitCode.ERROR.code();
      }
      if (overwritesAnInput("report", target.file(), true)) {
        return ExitCode.ERROR.code();
      }
    }
    if (overwritesAnInput(
        "baseline",
        createBaseline,
        false)) { // refreshing the baseline given is fine: it is read already
      return ExitCode.ERROR.code();
    }
    ScanResult result = Engine.scan(request);
    for (InputException error : result.errors()) {
      context.err().println(Printable.escape(error.getMessage()));
      if (main.debug) {
        error.printStackTrace(context.err());
      }
    }
    boolean unwritten = false; // one report that cannot be written must not cost the others
    List<Target> written = new ArrayList<>();
    for (Target target : targets) {
      String where = target.file() == null ? "standard output" : target.file().toString();
      try {
        render(result, target);
        written.add(target);
        unwritten |= !writeLiveResources(result, target);
      } catch (IOException e) {
        context
            .err()
            .println(
                Printable.escape(
                    "ecsguard: cannot write the "
                        + target.format().label()
                        + " report to "
                        + where
                        + ": "
                        + Problems.describe(e)));
        unwritten = true;
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError fault) {
        context
            .err()
            .println(
                "ecsguard: cannot write the "
                    + target.format().label()
                    + " report (internal error "
                    + fault.getClass().getSimpleName()
                    + "; please report it)");
        if (main.debug) {
          fault.printStackTrace(context.err());
        }
        unwritten = true;
      }
    }
    if (!written.isEmpty() && targets.stream().allMatch(target -> target.file() != null)) {
      // Nothing on standard output: one line says what happened and where it went.
      context.err().println(Printable.escape(summaryLine(result, written)));
    }
    if (securityHubImport) {
      // Each finding in its own account and Region, reached as the scan reached them.
      SecurityHubImport.Outcome outcome =
          SecurityHubImport.send(result, aws ? awsOptions : accounts.options(1));
      context
          .err()
          .println(
              "ecsguard: Security Hub: "
                  + outcome.imported()
                  + " findings imported, "
                  + outcome.updated()
                  + " updated as suppressed, "
                  + outcome.failed()
                  + " refused"
                  + (outcome.error() == null ? "" : "; " + Printable.escape(outcome.error())));
      outcome.failures().stream()
          .limit(10)
          .forEach(failure -> context.err().println("  refused: " + Printable.escape(failure)));
      if (!outcome.complete()) {
        return ExitCode.ERROR.code();
      }
    }
    if (createBaseline != null) {
      try {
        Baseline.write(result, createBaseline);
      } catch (IOException e) {
        context
            .err()
            .println(
                "ecsguard: cannot write the baseline to "
                    + createBaseline
                    + ": "
                    + Problems.describe(e));
        return ExitCode.ERROR.code();
      }
    }
    if (!result.errors().isEmpty() || unwritten) {
      return ExitCode.ERROR.code();
    }
    if (result.resources() == 0 && !aws) {
      // A mistyped path in CI must not pass as "nothing failed".
      context
          .err()
          .println(
              "ecsguard: no ECS resource found in "
                  + result.files()
                  + (result.files() == 1 ? " file" : " files")
                  + "; nothing was checked");
      return ExitCode.ERROR.code();
    }
    boolean failed =
        result.failing(threshold) > 0
            || ((failOnUnknown || configuration.failOnUnknown())
                && result.unknownUnsuppressed() > 0);
    return failed ? ExitCode.FAILED.code() : ExitCode.OK.code();
  }

  /**
   * The options as the engine's request: the configuration's settings first, then the command
   * line's, which win.
   */
  private ScanRequest request(
      Configuration configuration,
      Baseline accepted,
      AwsOptions awsOptions,
      Map<String, String> cloudFormationParameters,
      TerraformVariables terraformVariables) {
    ScanRequest.Builder request =
        ScanRequest.builder()
            .standards(standardChoice.standards(configuration))
            .only(only == null ? List.of() : only)
            .skip(configuration.skip())
            .skip(skip)
            .skip(belowMinimumSeverity())
            .parameters(configuration.parameters())
            .parameters(parameters)
            .suppressions(configuration.suppressions())
            .baseline(accepted)
            .configuration(configuration.source())
            .limits(new InputLimits(maxFileSize, InputLimits.DEFAULT.maxNestingDepth()))
            .cloudFormationParameters(cloudFormationParameters)
            .terraformVariables(terraformVariables)
            .exclusions(
                Exclusions.globs(exclude).and(noGitignore ? Exclusions.NONE : new GitIgnore()));
    for (Path path : paths) {
      if (path.toString().equals("-")) {
        request.stream(context.in(), "<stdin>");
      } else {
        request.path(path);
      }
    }
    if (aws) {
      request.input(new AwsScan(awsOptions, progressDisplay()));
    }
    return request.build();
  }

  /**
   * A live scan's progress on standard error: redrawn in place on a terminal, a log line every 10 s
   * elsewhere (a CI log), none with --quiet.
   */
  private AwsScan.Display progressDisplay() {
    if (quiet) {
      return null;
    }
    return context.errorTerminal()
        ? AwsScan.Display.redrawn(context.err())
        : AwsScan.Display.logged(context.err(), AwsScan.Display.LOG_INTERVAL);
  }

  private static Severity severity(String name, String option) {
    Severity severity = Severity.named(name);
    if (severity == null) {
      throw new IllegalArgumentException(option + " must be critical, high, medium or low");
    }
    return severity;
  }

  private String summaryLine(ScanResult result, List<Target> targets) {
    return "ecsguard: "
        + result.resources()
        + (result.resources() == 1 ? " resource: " : " resources: ")
        + result.count(dev.ecsguard.control.Status.FAILED)
        + " failed, "
        + result.count(dev.ecsguard.control.Status.UNKNOWN)
        + " unknown, "
        + result.count(dev.ecsguard.control.Status.PASSED)
        + " passed; "
        + String.join(
            ", ",
            targets.stream()
                .map(
                    target ->
                        target.format().label()
                            + " report in "
                            + target.file()
                            + (liveFile(target) == null
                                ? ""
                                : " (live resources in " + liveFile(target) + ")"))
                .toList());
  }

  /** The controls below {@code --min-severity}: skipped, as if named in --skip-controls. */
  private List<String> belowMinimumSeverity() {
    if (minSeverity == null) {
      return List.of();
    }
    Severity minimum = severity(minSeverity, "--min-severity");
    return Catalogue.CONTROLS.stream()
        .map(control -> control.info())
        .filter(info -> info.severity().compareTo(minimum) > 0)
        .map(info -> info.id())
        .toList();
  }

  /** The reports asked for, -o applied; null when more than one would go to standard output. */
  private List<Target> targets() {
    ReportFormat named =
        output == null ? null : ReportFormat.forFile(output.getFileName().toString());
    List<Target> asked =
        formats.isEmpty()
            ? List.of(new Target(named != null ? named : DEFAULT_FORMAT, null))
            : formats;
    List<Target> targets = new ArrayList<>();
    int toStandardOutput = 0;
    for (Target target : asked) {
      if (target.file() == null) {
        toStandardOutput++;
        targets.add(new Target(target.format(), output));
      } else {
        targets.add(target);
      }
    }
    return toStandardOutput > 1 ? null : targets;
  }

  /**
   * Whether writing {@code output} would destroy a file this scan reads (a path given, a file found
   * in a directory given or read with a Terraform module, the configuration, the baseline); if so,
   * it says so. Checked before the scan, so that nothing is written and no work lost.
   */
  private boolean overwritesAnInput(String what, Path output, boolean baselineToo) {
    if (output == null) {
      return false;
    }
    List<Path> inputs =
        new ArrayList<>(paths.stream().filter(path -> !path.toString().equals("-")).toList());
    if (configChoice.file() != null) {
      inputs.add(configChoice.file());
    }
    inputs.addAll(tfVariables.files);
    inputs.addAll(cfnParameters.files);
    if (baselineToo && baseline != null) {
      inputs.add(baseline);
    }
    Path input = Scanner.inputAt(inputs, output);
    if (input != null) {
      context
          .err()
          .println(
              Printable.escape(
                  "ecsguard: the "
                      + what
                      + " file "
                      + output
                      + " is also an input ("
                      + input
                      + "); choose another file"));
    }
    return input != null;
  }

  private void render(ScanResult result, Target target) throws IOException {
    Report report =
        target
            .format()
            .create(
                new ReportFormat.Options(
                    useColour(target.file()),
                    verbose,
                    quiet,
                    asffAccount(),
                    asffRegion(),
                    java.time.Instant.now(),
                    sarifRoot,
                    liveFile(target)));
    if (target.file() == null) {
      report.render(result, context.out());
      context.out().flush();
      return;
    }
    writeWhole(target.file(), writer -> report.render(result, writer));
  }

  /**
   * What is wrong with the SARIF options, or null: the root must be a directory, and a live scan's
   * SARIF report needs a file to list the resources its results point at.
   */
  private String sarifProblem(List<Target> targets) {
    if (targets.stream().noneMatch(target -> target.format() == ReportFormat.SARIF)) {
      return null; // the options may come from the environment for every run
    }
    if (sarifRoot != null && !Files.isDirectory(sarifRoot)) {
      return "--sarif-root must name a directory";
    }
    boolean unlisted =
        aws
            && sarifLiveFile == null
            && targets.stream()
                .anyMatch(target -> target.format() == ReportFormat.SARIF && target.file() == null);
    return unlisted
        ? "a SARIF report of a live scan points its results at a file that lists the resources; give the report a file (--format sarif=results.sarif) or give --sarif-live-file FILE"
        : null;
  }

  /**
   * Where the live resources of {@code target}'s results are listed: for a SARIF report of a live
   * scan, --sarif-live-file, else NAME.resources.tsv beside the report; else null.
   */
  private Path liveFile(Target target) {
    if (!aws || target.format() != ReportFormat.SARIF) {
      return null;
    }
    if (sarifLiveFile != null || target.file() == null) {
      return sarifLiveFile;
    }
    String name = target.file().getFileName().toString();
    String base = name.replaceFirst("(?i)\\.sarif(\\.json)?$", "");
    return target.file().resolveSibling(base + ".resources.tsv");
  }

  /**
   * Writes the file of live resources a SARIF report's results point at, whole or not at all;
   * whether it could (or there is none to write).
   */
  private boolean writeLiveResources(ScanResult result, Target target) {
    Path file = liveFile(target);
    if (file == null) {
      return true;
    }
    String text = SarifLiveResources.of(result).text();
    try {
      writeWhole(file, writer -> writer.write(text));
      return true;
    } catch (IOException e) {
      context
          .err()
          .println(
              Printable.escape(
                  "ecsguard: cannot write the live resources of the sarif report to "
                      + file
                      + ": "
                      + Problems.describe(e)));
      return false;
    }
  }

  /** What writes a report's text. */
  private interface Rendering {
    void to(Writer writer) throws IOException;
  }

  /**
   * Writes {@code file} whole or not at all: the report goes to a new file beside it (created as
   * any new file is, so with the usual permissions), which then replaces it in one rename. A report
   * that fails half-way (a full disk, a fault) leaves the earlier report as it was, and no empty or
   * partial file. A link is written through, as a plain write would.
   */
  private static void writeWhole(Path file, Rendering rendering) throws IOException {
    Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw new java.nio.file.FileSystemException(file.toString(), null, "Is a directory");
    }
    Path temporary =
        target.resolveSibling(
            "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".ecsguard");
    try {
      try (Writer writer =
          Files.newBufferedWriter(
              temporary,
              StandardCharsets.UTF_8,
              java.nio.file.StandardOpenOption.CREATE_NEW,
              java.nio.file.StandardOpenOption.WRITE)) {
        rendering.to(writer);
      }
      Files.move(
          temporary,
          target,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * The account ASFF findings of files belong to: AWS_ACCOUNT_ID when it is an account id, else
   * null (live findings name their own).
   */
  private String asffAccount() {
    String account = context.environment().get("AWS_ACCOUNT_ID");
    return account != null && account.matches("\\d{12}") ? account : null;
  }

  private String asffRegion() {
    String region = context.environment().get("AWS_REGION");
    return region != null && !region.isBlank() ? region : "us-east-1";
  }

  private boolean useColour(Path file) {
    String noColour = context.environment().get("NO_COLOR");
    return switch (colour) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO ->
          file == null
              && context.terminal()
              && (noColour == null || noColour.isEmpty())
              && !"dumb".equals(context.environment().get("TERM"));
    };
  }

  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Target> {
    @Override
    public Target convert(String value) {
      int equals = value.indexOf('=');
      String name = (equals < 0 ? value : value.substring(0, equals)).strip();
      Path file = equals < 0 ? null : Path.of(value.substring(equals + 1));
      if (file != null && file.toString().isEmpty()) {
        throw new picocli.CommandLine.TypeConversionException(
            "--format " + name + "= needs a file name after =");
      }
      ReportFormat format = ReportFormat.named(name);
      if (format == null) {
        throw new picocli.CommandLine.TypeConversionException(
            "unknown format " + name + " (" + String.join(", ", ReportFormat.labels()) + ")");
      }
      return new Target(format, file);
    }
  }

  /** What shell completion offers for a severity: critical, high, medium, low. */
  static final class SeverityNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Severity.values())
          .map(severity -> severity.name().toLowerCase(Locale.ROOT))
          .iterator();
    }
  }

  /** What picocli offers to complete {@code --format} with, and lists in its help. */
  static final class FormatLabels implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ReportFormat.labels().iterator();
    }
  }

  /**
   * The command's description, set by {@link Main}: what it reads, from the registry of input
   * formats.
   */
  static String description() {
    return "Check "
        + InputFormat.listed(
            Arrays.stream(InputFormat.values()).map(InputFormat::description).toList(), "and")
        + ": files, or directories searched recursively for "
        + InputFormat.listed(
            InputFormat.allExtensions().stream().map(ending -> "*" + ending).toList(), "and")
        + ".";
  }

  /** The help's list of report formats, each with its description; a picocli format string. */
  static String formatHelp() {
    int width = ReportFormat.labels().stream().mapToInt(String::length).max().orElse(0);
    return "%nReport formats:%n"
        + Arrays.stream(ReportFormat.values())
            .map(
                format ->
                    String.format(
                            "  %-" + width + "s  %s%s",
                            format.label(),
                            format.description(),
                            format == DEFAULT_FORMAT ? " (default)" : "")
                        .replace("%", "%%"))
            .collect(Collectors.joining("%n", "", "%n"));
  }

  static final class SizeConverter implements picocli.CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      String text = value.strip().toLowerCase(Locale.ROOT);
      long unit = 1;
      char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
      if (last == 'k' || last == 'm' || last == 'g') {
        unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
        text = text.substring(0, text.length() - 1);
      }
      try {
        long size = Math.multiplyExact(Long.parseLong(text), unit);
        if (size <= 0) {
          throw new NumberFormatException();
        }
        return size;
      } catch (NumberFormatException | ArithmeticException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "not a size: " + value + " (e.g. 64m)");
      }
    }
  }
}
