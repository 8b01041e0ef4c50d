package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecsguard completion} and {@code ecsguard man}, checked against what each command's help
 * lists (the help, not the generators, is the oracle), and help wrapped at spaces only.
 */
class CompletionAndManTest {
  private static final Pattern OPTION_ROW =
      Pattern.compile("^\\s+(-[A-Za-z], )?(--?[A-Za-z][\\w-]*)");
  private static final Pattern OPTION_NAME = Pattern.compile("(?<=^|\\s|, )(--?[A-Za-z][\\w-]*)");

  @Test
  void bashScriptNamesEveryCommandAndOptionAndParses(@TempDir Path dir) throws Exception {
    Run run = Run.of("completion", "bash");
    assertThat(run.exitCode()).isZero();
    String script = run.out();
    commands()
        .forEach(
            (path, options) -> {
              // picocli's script has one function per command, nested ones included.
              String function =
                  "_picocli_ecsguard" + (path.isEmpty() ? "" : "_" + path.replace(' ', '_'));
              assertThat(script).as(path).contains(function + "()");
              options.forEach(option -> assertThat(script).as(path).containsPattern(word(option)));
            });
    assertThat(Run.of("completion", "zsh").out()).isEqualTo(script).contains("bashcompinit");
    // An enum's values as they are written on the command line, not as Java spells its constants.
    assertThat(script)
        .contains("local FORMAT_option_args=(\"text\" \"markdown\" \"json\")")
        .contains("(\"auto\" \"always\" \"never\") # --color values");
    Path file = dir.resolve("ecsguard.bash");
    Files.writeString(file, script);
    assertThat(exitCode("bash", "-n", file.toString())).isZero();
  }

  @Test
  void fishScriptCompletesEveryCommandAndOptionWhereItApplies(@TempDir Path dir) throws Exception {
    String script = Run.of("completion", "fish").out();
    commands()
        .forEach(
            (path, options) -> {
              String condition = "-n '__ecsguard_command_is \\'" + path + "\\''";
              List<String> lines = script.lines().filter(line -> line.contains(condition)).toList();
              assertThat(lines).as(path).isNotEmpty();
              for (String option : options) {
                String flag =
                    option.startsWith("--")
                        ? " -l " + option.substring(2)
                        : " -s " + option.substring(1);
                assertThat(lines)
                    .as(path + " " + option)
                    .anyMatch(line -> line.matches(".*" + Pattern.quote(flag) + "( .*|$)"));
              }
              if (path.contains(" ")) { // a nested command is offered under its parent
                String parent = path.substring(0, path.lastIndexOf(' '));
                String name = path.substring(path.lastIndexOf(' ') + 1);
                assertThat(script)
                    .contains("__ecsguard_command_is \\'" + parent + "\\'' -f -a '" + name + "'");
              }
            });
    // Values the model lists are offered, as they are written on the command line.
    assertThat(script)
        .contains("-l standard -x -a 'securityhub ecsguard all'")
        .contains("-l format -x -a 'text json sarif")
        .contains("-l color -x -a 'auto always never'");
    boolean fish = exitCode("sh", "-c", "command -v fish") == 0;
    Assumptions.assumeTrue(
        fish, "fish is not installed on this machine: 'fish -n' on the script not run");
    Path file = dir.resolve("ecsguard.fish");
    Files.writeString(file, script);
    assertThat(exitCode("fish", "-n", file.toString())).isZero();
  }

  @Test
  void manPageOfScanHasItsSectionsAndEveryOption() {
    Run run = Run.of("man", "scan");
    assertThat(run.exitCode()).isZero();
    String page = run.out();
    assertThat(page)
        .startsWith(".TH \"ECSGUARD\\-SCAN\" 1")
        .contains("\n.SH NAME\necsguard\\-scan \\- Check ")
        .contains("\n.SH SYNOPSIS\n\\fBecsguard scan\\fR ")
        .contains("\n.SH OPTIONS\n")
        .contains("\\fB\\-o\\fR, \\fB\\-\\-output\\fR=\\fIFILE\\fR")
        .containsPattern("\n\\.SH NOTES\n\\.nf\n(.*\n)*Exit codes:\n  0  nothing FAILED\n");
    commands()
        .get("scan")
        .forEach(option -> assertThat(page).contains("\\fB" + option.replace("-", "\\-") + "\\fR"));
    // No line of prose may start as a request would, and everything is ASCII (troff reads Latin-1).
    assertThat(page.lines())
        .noneMatch(line -> line.startsWith("'"))
        .allMatch(line -> line.chars().allMatch(c -> c < 128));
  }

  @Test
  void manPagesOfEveryCommandRenderWithoutWarnings(@TempDir Path dir) throws Exception {
    boolean groff = exitCode("sh", "-c", "command -v groff") == 0;
    Assumptions.assumeTrue(
        groff, "groff is not installed on this machine: the pages are not rendered");
    for (String path : commands().keySet()) {
      List<String> args = new ArrayList<>(List.of("man"));
      if (!path.isEmpty()) {
        args.addAll(List.of(path.split(" ")));
      }
      Path file = dir.resolve((path.isEmpty() ? "ecsguard" : path.replace(' ', '-')) + ".1");
      Files.writeString(file, Run.of(args.toArray(String[]::new)).out());
      Process process =
          new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-z", file.toString())
              .redirectErrorStream(true)
              .start();
      String warnings = new String(process.getInputStream().readAllBytes());
      assertThat(process.waitFor()).isZero();
      assertThat(warnings).as(path).isEmpty();
    }
  }

  @Test
  void manOfAnUnknownCommandNamesTheCommandsNotWhatWasTyped() {
    Run run = Run.of("man", "s3cr3t-value");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("its commands: ").contains("scan").doesNotContain("s3cr3t");
  }

  @Test
  void helpAt80ColumnsSplitsNoToken() {
    for (String path : commands().keySet()) {
      String[] args =
          Stream.concat(
                  Arrays.stream(path.split(" ")).filter(word -> !word.isEmpty()),
                  Stream.of("--help"))
              .toArray(String[]::new);
      String narrow = Run.of(args).out();
      assertThat(narrow.lines()).as(path).allMatch(line -> line.length() <= 80);
      String wide = withWidth(400, () -> Run.of(args).out());
      // Wrapping moves tokens between lines, never cuts one: the same words at any width.
      assertThat(sortedTokens(narrow)).as(path).isEqualTo(sortedTokens(wide));
    }
    assertThat(Run.of("scan", "--help").out())
        .contains("*.json, *.yaml, *.yml")
        .contains("[-p=ID.NAME=VALUE]");
  }

  /**
   * Every command's path below ecsguard ("" for ecsguard), with the option names its help lists.
   */
  private static Map<String, List<String>> commands() {
    Map<String, List<String>> commands = new LinkedHashMap<>();
    collect("", commands);
    assertThat(commands)
        .containsKeys(
            "scan",
            "guardrail invoke",
            "guardrail policy",
            "guardrail deploy",
            "completion",
            "man");
    return commands;
  }

  private static void collect(String path, Map<String, List<String>> commands) {
    List<String> args = new ArrayList<>(Arrays.asList(path.split(" ")));
    args.removeIf(String::isEmpty);
    args.add("--help");
    String help = withWidth(400, () -> Run.of(args.toArray(String[]::new)).out());
    List<String> options = new ArrayList<>();
    List<String> subcommands = new ArrayList<>();
    boolean inCommands = false;
    for (String line : help.lines().toList()) {
      if (line.equals("Commands:")) {
        inCommands = true;
      } else if (inCommands && line.matches("^  [a-z][\\w-]*\\s.*")) {
        subcommands.add(line.strip().split("\\s+")[0]);
      } else if (!line.startsWith(" ")) {
        inCommands = false;
      } else if (OPTION_ROW.matcher(line).find()) {
        String names = line.strip().split("\\s{2,}")[0];
        Matcher name = OPTION_NAME.matcher(names.replaceAll("=\\S*", ""));
        while (name.find()) {
          options.add(name.group(1));
        }
      }
    }
    commands.put(path, options);
    for (String sub : subcommands) {
      if (!sub.equals("help")) {
        collect((path + " " + sub).strip(), commands);
      }
    }
  }

  private static String withWidth(int columns, java.util.function.Supplier<String> help) {
    String before = System.getProperty("picocli.usage.width");
    System.setProperty("picocli.usage.width", String.valueOf(columns));
    try {
      return help.get();
    } finally {
      if (before == null) {
        System.clearProperty("picocli.usage.width");
      } else {
        System.setProperty("picocli.usage.width", before);
      }
    }
  }

  private static List<String> sortedTokens(String text) {
    return Arrays.stream(text.strip().split("\\s+")).sorted().toList();
  }

  private static Pattern word(String option) {
    return Pattern.compile("(?<![\\w-])" + Pattern.quote(option) + "(?![\\w-])");
  }

  private static int exitCode(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }
}
