package dev.ecsguard.report;

import dev.ecsguard.engine.ScanResult;
import java.io.IOException;
import java.io.Writer;

/** A way to present a scan's findings. Every format renders the same {@link ScanResult}. */
public interface Report {
  void render(ScanResult result, Writer out) throws IOException;

  /** The formats, by the name users give to {@code --format}. */
  enum Format {
    TEXT,
    JSON,
    SARIF,
    JUNIT,
    MARKDOWN,
    CSV,
    ASFF,
    HTML;

    public Report create(boolean colour, boolean verbose) {
      return create(colour, verbose, "000000000000", "us-east-1", java.time.Instant.now());
    }

    /** {@code account}, {@code region}: where ASFF findings of offline files belong. */
    public Report create(boolean colour, boolean verbose, String account, String region, java.time.Instant now) {
      return switch (this) {
        case ASFF -> new AsffReport(account, region, now);
        case HTML -> new HtmlReport();
        case TEXT -> new TextReport(colour, verbose);
        case JSON -> new JsonReport();
        case SARIF -> new SarifReport();
        case JUNIT -> new JunitReport();
        case MARKDOWN -> new MarkdownReport();
        case CSV -> new CsvReport();
      };
    }

    /** The name users give: text, json, sarif… */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
