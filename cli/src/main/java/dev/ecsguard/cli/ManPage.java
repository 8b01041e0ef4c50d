package dev.ecsguard.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command's manual page in troff's man macros, written from picocli's command model, so that it
 * says what the options that run say. picocli-codegen's ManPageGenerator writes AsciiDoc, which
 * still needs Asciidoctor (AsciidoctorJ brings JRuby, tens of megabytes, and a build step) to
 * become something {@code man} shows; the handful of macros a page needs (.TH .SH .TP .PP .nf) are
 * written here directly, and the page is printed by the binary users already have.
 */
final class ManPage {
  private ManPage() {}

  static String troff(CommandSpec command, String version) {
    String name = command.qualifiedName(" ");
    StringBuilder page = new StringBuilder();
    page.append(".TH ")
        .append(quoted(name.replace(' ', '-').toUpperCase(Locale.ROOT)))
        .append(" 1 \"\" ")
        .append(quoted(version))
        .append(" \"ecsguard Manual\"\n");
    // Option names and paths must survive as typed: no hyphenation, no stretched spaces.
    page.append(".nh\n.ad l\n");
    page.append(".SH NAME\n")
        .append(escape(name.replace(' ', '-')))
        .append(" \\- ")
        .append(escape(summary(command)))
        .append('\n');
    page.append(".SH SYNOPSIS\n").append(synopsis(command)).append('\n');
    page.append(".SH DESCRIPTION\n").append(paragraphs(command.usageMessage().description()));
    List<PositionalParamSpec> positionals =
        command.positionalParameters().stream().filter(positional -> !positional.hidden()).toList();
    if (!positionals.isEmpty()) {
      page.append(".SH ARGUMENTS\n");
      positionals.forEach(
          positional -> item(page, "\\fI" + escape(positional.paramLabel()) + "\\fR", positional));
    }
    List<OptionSpec> options =
        command.options().stream()
            .filter(option -> !option.hidden())
            .sorted((a, b) -> bare(a).compareTo(bare(b)))
            .toList();
    if (!options.isEmpty()) {
      page.append(".SH OPTIONS\n");
      options.forEach(option -> item(page, optionTerm(option), option));
    }
    List<CommandSpec> subcommands =
        command.subcommands().values().stream()
            .map(sub -> sub.getCommandSpec())
            .distinct()
            .filter(sub -> !sub.usageMessage().hidden())
            .toList();
    if (!subcommands.isEmpty()) {
      page.append(".SH COMMANDS\n");
      for (CommandSpec sub : subcommands) {
        page.append(".TP\n\\fB").append(escape(sub.name())).append("\\fR\n");
        page.append(escape(summary(sub))).append('\n');
        page.append("Its page: \\fB").append(escape(manCall(sub))).append("\\fR.\n");
      }
    }
    String[] footer = command.usageMessage().footer();
    if (footer.length > 0) {
      // The footer is laid out by hand (exit codes, the report formats): kept as written.
      page.append(".SH NOTES\n.nf\n");
      Arrays.stream(footer)
          .map(line -> String.format(line).strip())
          .forEach(text -> page.append(escapeLines(text)).append('\n'));
      page.append(".fi\n");
    }
    return page.toString();
  }

  private static String synopsis(CommandSpec command) {
    List<String> parts = new ArrayList<>();
    parts.add("\\fB" + escape(command.qualifiedName(" ")) + "\\fR");
    for (OptionSpec option : command.options()) {
      if (!option.hidden()) {
        String term = "\\fB" + escape(option.shortestName()) + "\\fR" + valueLabel(option);
        parts.add(
            (option.required() ? term : "[" + term + "]") + (option.isMultiValue() ? "..." : ""));
      }
    }
    for (PositionalParamSpec positional : command.positionalParameters()) {
      if (!positional.hidden()) {
        String term =
            "\\fI"
                + escape(positional.paramLabel())
                + "\\fR"
                + (positional.isMultiValue() ? "..." : "");
        parts.add(positional.arity().min() > 0 ? term : "[" + term + "]");
      }
    }
    if (!command.subcommands().isEmpty()) {
      parts.add("[\\fICOMMAND\\fR]");
    }
    return String.join(" ", parts);
  }

  private static String optionTerm(OptionSpec option) {
    return Arrays.stream(option.names())
            .map(optionName -> "\\fB" + escape(optionName) + "\\fR")
            .collect(Collectors.joining(", "))
        + valueLabel(option);
  }

  private static String valueLabel(OptionSpec option) {
    return option.arity().max() > 0 ? "=\\fI" + escape(option.paramLabel()) + "\\fR" : "";
  }

  private static void item(StringBuilder page, String term, ArgSpec arg) {
    page.append(".TP\n").append(term).append('\n');
    page.append(
        escapeLines(
            Arrays.stream(arg.renderedDescription())
                .map(String::format)
                .collect(Collectors.joining("\n"))));
    page.append('\n');
  }

  /** The option's longest name without its dashes, to list options as the help does. */
  private static String bare(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
  }

  private static String manCall(CommandSpec command) {
    String qualified = command.qualifiedName(" ");
    int space = qualified.indexOf(' ');
    return command.root().name() + " man" + (space < 0 ? "" : qualified.substring(space));
  }

  /** The line the help's command list shows: the header's first, else the description's. */
  static String summary(CommandSpec command) {
    String[] header = command.usageMessage().header();
    String[] lines = header.length > 0 ? header : command.usageMessage().description();
    return lines.length == 0 ? "" : String.format(lines[0]).strip().split("\\R")[0];
  }

  private static String paragraphs(String[] description) {
    return Arrays.stream(description)
        .map(String::format)
        .flatMap(text -> Arrays.stream(text.split("\\R\\s*\\R|\\R")))
        .filter(paragraph -> !paragraph.isBlank())
        .map(paragraph -> ".PP\n" + escapeLines(paragraph.strip()) + "\n")
        .collect(Collectors.joining());
  }

  /** Each line escaped; a line starting with '.' or '\'' would be read as a request. */
  private static String escapeLines(String text) {
    return text.lines()
        .map(ManPage::escape)
        .map(line -> line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line)
        .collect(Collectors.joining("\n"));
  }

  /**
   * troff's escapes: a backslash is one, and a '-' is a hyphen that man's UTF-8 output shows as a
   * different character (an option copied from it would not work); {@code \-} is the ASCII minus.
   * Other than ASCII is named by its code point ({@code \[u2026]}): troff reads its input as
   * Latin-1.
   */
  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\\' -> escaped.append("\\e");
                case '-' -> escaped.append("\\-");
                default -> {
                  if (c < 128) {
                    escaped.appendCodePoint(c);
                  } else {
                    escaped.append(String.format("\\[u%04X]", c));
                  }
                }
              }
            });
    return escaped.toString();
  }

  private static String quoted(String text) {
    return "\"" + escape(text).replace("\"", "\\(dq") + "\"";
  }
}
