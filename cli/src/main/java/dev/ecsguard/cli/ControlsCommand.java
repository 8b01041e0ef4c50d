package dev.ecsguard.cli;

import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.report.ControlTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "controls",
    description = "List the controls: id, title, severity, resource type, AWS Config rule, status.",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class)
final class ControlsCommand implements Callable<Integer> {
  /** The table's formats. */
  enum TableFormat {
    TEXT,
    MARKDOWN
  }

  private final Context context;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or markdown.")
  TableFormat format = TableFormat.TEXT;

  ControlsCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context
        .out()
        .print(
            format == TableFormat.MARKDOWN
                ? ControlTable.markdown(Catalogue.CONTROLS)
                : ControlTable.text(Catalogue.CONTROLS));
    return ExitCode.OK.code();
  }
}
