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
    JSON;

    public Report create(boolean colour, boolean verbose) {
      return switch (this) {
        case TEXT -> new TextReport(colour, verbose);
        case JSON -> new JsonReport();
      };
    }
  }
}
