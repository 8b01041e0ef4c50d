package dev.ecsguard.cli;

import dev.ecsguard.report.Printable;
import dev.ecsguard.secrets.Credentials;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code ecsguard} command. */
@Command(
    name = "ecsguard",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Finds what AWS Security Hub's ECS controls would flag, before deployment and in CI.",
    usageHelpAutoWidth = true)
public final class Main implements Runnable {
  @picocli.CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean debug;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code =
        run(
            args,
            new Context(
                System.in, out, err, System.getenv(), stdoutIsTerminal(), stderrIsTerminal()));
    out.flush();
    err.flush();
    // Not System.exit: it sets up the JDK's logging for Runtime.exit's debug log (about 10 ms of
    // CPU), with a service lookup that opens every jar on the class path, the AWS SDK's 24,000
    // entries too (25 ms more). Both streams are flushed, and ecsguard registers no shutdown hook.
    Runtime.getRuntime().halt(code);
  }

  /** The subcommands, in the order help lists them. */
  private static final List<String> SUBCOMMANDS =
      List.of(
          "help",
          "scan",
          "controls",
          "explain",
          "fix",
          "apply",
          "rollback",
          "guardrail",
          "completion",
          "man");

  /**
   * The subcommands that never look at the others: run alone, they are built alone. Reading a
   * command's annotations into picocli's model costs start-up time (the guardrail's even load
   * Jackson and the AWS SDK); help, completion, man and errors see every command.
   */
  private static final Set<String> STANDALONE =
      Set.of("scan", "controls", "explain", "fix", "apply", "rollback", "guardrail");

  /**
   * Set by the launcher's run that trains the JVM's class cache: every command is built, so that
   * the cache holds the classes of all of them, not only of the one that run uses.
   */
  static final String TRAINING_PROPERTY = "ecsguard.training";

  /** Runs the command line and returns the exit code; never calls {@link System#exit}. */
  public static int run(String[] args, Context context) {
    // picocli looks for Groovy's Closure class unless told not to: a class the class path does not
    // hold is looked for in every jar on it, and opening the AWS SDK's costs about 25 ms of CPU.
    System.setProperty("picocli.disable.closures", "true");
    Main main = new Main();
    String invoked = invokedSubcommand(args);
    boolean alone =
        invoked != null && STANDALONE.contains(invoked) && !Boolean.getBoolean(TRAINING_PROPERTY);
    CommandLine line = commandLine(main, context, alone ? List.of(invoked) : SUBCOMMANDS);
    line.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          // An unexpected exception's message may quote what it read: credential formats are
          // masked.
          commandLine.getErr().println("ecsguard: " + Credentials.maskFormats(oneLine(e)));
          if (main.debug) {
            e.printStackTrace(commandLine.getErr());
          }
          return ExitCode.ERROR.code();
        });
    line.setParameterExceptionHandler(
        (e, args2) -> {
          PrintWriter err = e.getCommandLine().getErr();
          String[] given =
              Stream.concat(
                      Arrays.stream(args2), new EnvironmentDefaults(context.environment()).values())
                  .toArray(String[]::new);
          // Every command's names, as in a full build, whichever were built.
          CommandLine every =
              line.getSubcommands().size() == SUBCOMMANDS.size()
                  ? line
                  : commandLine(new Main(), context, SUBCOMMANDS);
          err.println("ecsguard: " + Printable.escape(withoutValues(e.getMessage(), given, every)));
          // The candidates are the command's own names ("Did you mean: scan?"), never what was
          // typed.
          if (!suggestNear(e, err)) {
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
          }
          err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ExitCode.ERROR.code();
        });
    int code;
    try {
      code = line.execute(args);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError fault) {
      // picocli hands Errors (and faults of its own handlers) on: the contract still holds, one
      // line and 2.
      context
          .err()
          .println(
              "ecsguard: internal error ("
                  + fault.getClass().getSimpleName()
                  + "); please report it, with --debug for its trace");
      if (main.debug) {
        fault.printStackTrace(context.err());
      }
      code = ExitCode.ERROR.code();
    }
    context.out().flush();
    // A PrintWriter keeps write failures to itself: a full disk or a closed pipe would pass unsaid.
    if (context.out().checkError()) {
      context
          .err()
          .println(
              "ecsguard: cannot write standard output (a full disk or a closed pipe); what it shows is incomplete");
      code = ExitCode.ERROR.code();
    }
    return code;
  }

  /**
   * The name of the subcommand {@code args} run, or null: the first argument after the options
   * every command has ({@code --debug}); an option of ecsguard's own before it (--help) stands for
   * none.
   */
  private static String invokedSubcommand(String[] args) {
    for (String arg : args) {
      if (!arg.equals("--debug")) {
        return arg;
      }
    }
    return null;
  }

  /** ecsguard's command line with the subcommands {@code names}, configured as it runs. */
  private static CommandLine commandLine(Main main, Context context, List<String> names) {
    CommandLine line = new CommandLine(main);
    for (String name : names) {
      line.addSubcommand(subcommand(name, main, context));
    }
    // After the subcommands: these reach them all.
    line.setDefaultValueProvider(new EnvironmentDefaults(context.environment()));
    line.setHelpFactory(SpaceWrappedHelp::new);
    line.setOut(context.out());
    line.setErr(context.err());
    line.setCaseInsensitiveEnumValuesAllowed(true);
    // picocli would read arguments from @FILE and echo what it read in errors: @.env would print
    // secrets.
    line.setExpandAtFiles(false);
    line.setExitCodeExceptionMapper(e -> ExitCode.ERROR.code());
    line.getCommandSpec().usageMessage().footer(exitCodeHelp());
    line.getSubcommands()
        .values()
        .forEach(sub -> sub.getCommandSpec().usageMessage().footer(exitCodeHelp()));
    CommandLine scan = line.getSubcommands().get("scan");
    if (scan != null) {
      scan.getCommandSpec()
          .usageMessage()
          .description(ScanCommand.description())
          .footer(ScanCommand.formatHelp() + exitCodeHelp());
    }
    return line;
  }

  private static Object subcommand(String name, Main main, Context context) {
    return switch (name) {
      case "help" -> new CommandLine.HelpCommand();
      case "scan" -> new ScanCommand(context, main);
      case "controls" -> new ControlsCommand(context);
      case "explain" -> new ExplainCommand(context);
      case "fix" -> new FixCommand(context);
      case "apply" -> new ApplyCommand(context, main);
      case "rollback" -> new RollbackCommand(context, main);
      case "guardrail" ->
          new CommandLine(new GuardrailCommand())
              .addSubcommand(new GuardrailInvokeCommand(context))
              .addSubcommand(new GuardrailPolicyCommand(context))
              .addSubcommand(new GuardrailDeployCommand(context));
      case "completion" -> new CompletionCommand(context);
      case "man" -> new ManCommand(context);
      default -> throw new IllegalArgumentException(name);
    };
  }

  /**
   * picocli's {@code message} with every value of the command line hidden, options named: a value
   * may be a secret (a misspelt --tf-var password=…, a token where a path was meant).
   */
  static String withoutValues(String message, String[] args, CommandLine line) {
    java.util.Set<String> names = new java.util.HashSet<>();
    collectNames(line, names);
    List<String> values = new ArrayList<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (arg.startsWith("-") && equals > 0) {
        values.add(arg.substring(equals + 1));
      } else if (!arg.startsWith("-") && !names.contains(arg)) {
        values.add(arg);
      }
    }
    values.sort(
        Comparator.comparingInt(String::length)
            .reversed()); // a value inside a longer one is hidden with it
    String hidden = message == null ? "" : message;
    for (String value : values) {
      if (!value.isEmpty()) {
        hidden =
            Pattern.compile("(?<!\\w)" + Pattern.quote(value) + "(?!\\w)")
                .matcher(hidden)
                .replaceAll("(not shown)");
      }
    }
    return hidden;
  }

  private static void collectNames(CommandLine line, java.util.Set<String> names) {
    names.addAll(line.getCommandSpec().optionsMap().keySet());
    line.getSubcommands()
        .forEach(
            (name, sub) -> {
              names.add(name);
              collectNames(sub, names);
            });
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  static String exitCodeHelp() {
    return "%nExit codes:%n"
        + Arrays.stream(ExitCode.values())
            .map(code -> "  " + code.code() + "  " + code.meaning())
            .collect(Collectors.joining("%n"));
  }

  /** {@code System.console()} is not enough on JDK 22+, which returns a console when piped. */
  private static boolean stdoutIsTerminal() {
    var console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = console.getClass().getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a console exists only when attached to a terminal
    }
  }

  /**
   * Java has no isatty for standard error: on Linux, /proc names the device it is open on (a
   * pseudo-terminal or a console); elsewhere, a console on standard input and output stands for it.
   */
  private static boolean stderrIsTerminal() {
    Path stderr = Path.of("/proc/self/fd/2");
    if (!Files.isSymbolicLink(stderr)) {
      return stdoutIsTerminal();
    }
    try {
      String device = Files.readSymbolicLink(stderr).toString();
      return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * For an unknown option or command, the command's own names within a couple of typing slips of
   * it, if any: picocli's suggestions, by shared letter pairs, miss swapped letters ({@code
   * --fial-on}) and offer {@code rollback} for {@code sacn}. Returns whether it printed any.
   */
  private static boolean suggestNear(CommandLine.ParameterException e, PrintWriter err) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return false;
    }
    String typed = unmatched.getUnmatched().get(0);
    CommandLine.Model.CommandSpec command = e.getCommandLine().getCommandSpec();
    boolean option = typed.startsWith("-");
    List<String> near =
        Typos.near(typed, option ? command.optionsMap().keySet() : command.subcommands().keySet());
    if (near.isEmpty()) {
      return false;
    }
    err.println(
        option
            ? "Possible solutions: " + String.join(", ", near)
            : "Did you mean: "
                + near.stream()
                    .map(name -> command.qualifiedName() + " " + name)
                    .collect(Collectors.joining(" or "))
                + "?");
    return true;
  }

  /** Bare {@code ecsguard}: the usage, as {@code ecsguard help} prints it. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version and commit the build wrote in ecsguard's jar (none when run from classes). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {line(version, version == null ? null : commit())};
    }

    /** The manifest's SCM-Revision of the jar Main was loaded from; none if it cannot be read. */
    private static String commit() {
      try (JarFile jar =
          new JarFile(
              Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                  .toFile())) {
        return jar.getManifest().getMainAttributes().getValue("SCM-Revision");
      } catch (IOException | URISyntaxException | RuntimeException e) {
        return null; // the version alone says enough
      }
    }

    static String line(String version, String commit) {
      if (version == null) {
        return "ecsguard development build";
      }
      String sha = commit == null ? "" : commit.strip();
      return "ecsguard "
          + version
          + (sha.isEmpty() ? "" : " (commit " + sha.substring(0, Math.min(12, sha.length())) + ")");
    }
  }
}
