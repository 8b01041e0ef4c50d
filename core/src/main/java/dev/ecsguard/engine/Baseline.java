package dev.ecsguard.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.ecsguard.control.Status;
import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The FAILED findings a team has accepted as they stand today: a later scan fails only on findings
 * not in it. Findings are matched by {@link Finding#fingerprint()}, so moving lines changes
 * nothing.
 */
public final class Baseline {
  private final Set<String> fingerprints;
  private final Suppression suppression;

  private Baseline(Set<String> fingerprints, String source) {
    this.fingerprints = fingerprints;
    this.suppression =
        new Suppression("*", "*", "already there when the baseline was made", null, source);
  }

  /** Whether {@code finding} was in the baseline; then it is marked as suppressed by it. */
  Suppression covering(Finding finding) {
    return !fingerprints.isEmpty() && fingerprints.contains(finding.fingerprint())
        ? suppression
        : null;
  }

  /** Writes the unsuppressed FAILED findings of {@code result} as a baseline. */
  public static void write(ScanResult result, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.setPrettyPrinter(new DefaultPrettyPrinter());
      json.writeStartObject();
      json.writeNumberField("schemaVersion", 1);
      json.writeArrayFieldStart("findings");
      for (Finding finding : result.findings()) {
        if (finding.status() == Status.FAILED && !finding.suppressed()) {
          json.writeStartObject();
          json.writeStringField("fingerprint", finding.fingerprint());
          json.writeStringField("controlId", finding.control().id());
          json.writeStringField("resourceId", finding.resourceId());
          json.writeStringField("file", finding.location().file());
          json.writeEndObject();
        }
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  public static Baseline read(Path file, String name) throws InputException {
    Node root = new DocumentReader(InputLimits.DEFAULT).read(file, name).root();
    Node listed = root instanceof ObjectNode object ? object.get("findings") : null;
    if (!(listed instanceof ArrayNode findings)) {
      Node at = listed != null ? listed : root;
      throw new InputException(
          name,
          at.line(),
          at.column(),
          "not an ecsguard baseline (expected {\"schemaVersion\": 1, \"findings\": [...]}; make one with --create-baseline)");
    }
    Set<String> fingerprints = new LinkedHashSet<>();
    for (Node entry : findings.elements()) {
      if (!(entry instanceof ObjectNode finding)
          || !(finding.get("fingerprint") instanceof ScalarNode print)
          || print.text() == null) {
        throw new InputException(
            name, entry.line(), entry.column(), "a baseline entry without a fingerprint");
      }
      fingerprints.add(print.text());
    }
    return new Baseline(fingerprints, "baseline " + name);
  }

  public static Baseline none() {
    return new Baseline(Set.of(), "no baseline");
  }
}
