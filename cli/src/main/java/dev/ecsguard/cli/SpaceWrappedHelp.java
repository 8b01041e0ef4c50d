package dev.ecsguard.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * picocli's usage help, with lines broken at spaces only. picocli's {@link TextTable} asks {@link
 * java.text.BreakIterator#getLineInstance()} where a line may end, and the JDK's line rules allow a
 * break after '.', ',' or '/' inside a token: {@code *.} / {@code json}, {@code ECS.13.} / {@code
 * requiredTagKeys}, {@code [-p=ID.} / {@code NAME=VALUE]}; a reader copying a glob or an option got
 * a broken one. Every table the help builds is a {@link SpaceBreakingTable}, whose values show the
 * BreakIterator nothing but their spaces; a token wider than the whole column is still cut, as it
 * must be.
 */
final class SpaceWrappedHelp extends CommandLine.Help {
  SpaceWrappedHelp(CommandSpec spec, ColorScheme colorScheme) {
    super(spec, colorScheme);
  }

  @Override
  public Layout createDefaultLayout(
      List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme colorScheme) {
    Layout layout = super.createDefaultLayout(options, positionals, colorScheme);
    TextTable picocliTable = layout.textTable();
    TextTable table = table(picocliTable.columns());
    table.indentWrappedLines = picocliTable.indentWrappedLines;
    return new Layout(colorScheme, table, layout.optionRenderer(), layout.parameterRenderer());
  }

  @Override
  public String header(Object... params) {
    return paragraphs(commandSpec().usageMessage().header(), params);
  }

  @Override
  public String description(Object... params) {
    return paragraphs(commandSpec().usageMessage().description(), params);
  }

  @Override
  public String footer(Object... params) {
    return paragraphs(commandSpec().usageMessage().footer(), params);
  }

  @Override
  public String commandList(Map<String, CommandLine.Help> subcommands) {
    // As picocli lays it out: each command's names, then the first line of its header, else of
    // its description.
    List<CommandLine.Help> shown =
        subcommands.values().stream()
            .filter(sub -> !sub.commandSpec().usageMessage().hidden())
            .toList();
    if (shown.isEmpty()) {
      return "";
    }
    int width = commandSpec().usageMessage().width();
    int namesWidth =
        Math.min(
            width / 2,
            shown.stream()
                .mapToInt(sub -> sub.commandNamesText(", ").plainString().length())
                .max()
                .orElse(0));
    TextTable table =
        table(
            new Column[] {
              new Column(namesWidth + 2, 2, Column.Overflow.SPAN),
              new Column(width - namesWidth - 2, 2, Column.Overflow.WRAP)
            });
    table.indentWrappedLines = 2;
    for (CommandLine.Help sub : shown) {
      UsageMessageSpec usage = sub.commandSpec().usageMessage();
      String[] summary = usage.header().length > 0 ? usage.header() : usage.description();
      Text[] lines =
          colorScheme().text(summary.length == 0 ? "" : String.format(summary[0])).splitLines();
      for (int i = 0; i < lines.length; i++) {
        table.addRowValues(i == 0 ? sub.commandNamesText(", ") : colorScheme().text(""), lines[i]);
      }
    }
    return table.toString();
  }

  @Override
  protected String insertSynopsisCommandName(int headingLength, Text details) {
    // As picocli places it: wrapped lines indented past the command name unless that is too far.
    UsageMessageSpec usage = commandSpec().usageMessage();
    String name = commandSpec().qualifiedName();
    int width = usage.width();
    int indent = headingLength + name.length() + 1;
    if (indent > usage.synopsisAutoIndentThreshold() * width) {
      indent = usage.synopsisIndent() < 0 ? headingLength : usage.synopsisIndent();
      indent = Math.min(indent, (int) (0.9 * width));
    }
    TextTable table = table(new Column[] {new Column(width, 0, Column.Overflow.WRAP)});
    table.indentWrappedLines = indent;
    Text heading = CommandLine.Help.Ansi.OFF.new Text(" ".repeat(headingLength), colorScheme());
    table.addRowValues(heading.concat(colorScheme().commandText(name)).concat(details));
    return table.toString().substring(headingLength);
  }

  private String paragraphs(String[] lines, Object... params) {
    if (lines == null || lines.length == 0) {
      return "";
    }
    TextTable table =
        table(
            new Column[] {
              new Column(commandSpec().usageMessage().width(), 0, Column.Overflow.WRAP)
            });
    table.indentWrappedLines = 0;
    for (String line : lines) {
      for (Text split : colorScheme().text(String.format(line, params)).splitLines()) {
        table.addRowValues(split);
      }
    }
    return table.toString();
  }

  private TextTable table(Column[] columns) {
    TextTable table = new SpaceBreakingTable(colorScheme(), columns);
    table.setAdjustLineBreaksForWideCJKCharacters(
        commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters());
    return table;
  }

  /** A table whose cells may break only where their text has a space. */
  private static final class SpaceBreakingTable extends TextTable {
    private final ColorScheme colorScheme;

    SpaceBreakingTable(ColorScheme colorScheme, Column[] columns) {
      super(colorScheme, columns);
      this.colorScheme = colorScheme;
    }

    @Override
    public Cell putValue(int row, int col, Text value) {
      return super.putValue(
          row, col, value == null ? null : new SpaceBreakingText(colorScheme.ansi(), value));
    }
  }

  /**
   * The same text and styles; to the BreakIterator (which reads {@link #plainString()}, as the
   * table's only use of it), every character but white space is a letter. The rest of a wrapped
   * value is a {@link #substring}, made by {@link #clone()}: that stays one too.
   */
  private static final class SpaceBreakingText extends Text {
    private final CommandLine.Help.Ansi ansi;

    SpaceBreakingText(CommandLine.Help.Ansi ansi, Text text) {
      ansi.super(text);
      this.ansi = ansi;
    }

    @Override
    public Object clone() {
      return new SpaceBreakingText(ansi, this);
    }

    @Override
    public String plainString() {
      return super.plainString().replaceAll("\\S", "x");
    }
  }
}
