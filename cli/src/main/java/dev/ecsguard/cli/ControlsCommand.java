package dev.ecsguard.cli;

import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.report.ControlTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "controls",
    description =
        "List the controls by standard (AWS Security Hub's, ecsguard's own): id, title, severity, resource type, AWS Config rule, status.",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class)
final class ControlsCommand implements Callable<Integer> {
  /** The table's formats. */
  enum TableFormat {
    TEXT,
    MARKDOWN,
    JSON
  }

  private final Context context;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default: a table per standard), markdown (the README's table) or json.")
  TableFormat format = TableFormat.TEXT;

  ControlsCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context
        .out()
        .print(
            switch (format) {
              case TEXT -> ControlTable.text(Catalogue.CONTROLS);
              case MARKDOWN -> ControlTable.markdown(Catalogue.CONTROLS);
              case JSON -> ControlTable.json(Catalogue.CONTROLS);
            });
    return ExitCode.OK.code();
  }
}
