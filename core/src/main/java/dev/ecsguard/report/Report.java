package dev.ecsguard.report;

import dev.ecsguard.engine.ScanResult;
import java.io.IOException;
import java.io.Writer;

/** A way to present a scan's findings. Every format renders the same {@link ScanResult}. */
public interface Report {
  void render(ScanResult result, Writer out) throws IOException;
}
