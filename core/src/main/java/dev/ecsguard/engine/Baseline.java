package dev.ecsguard.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.ecsguard.control.Standard;
import dev.ecsguard.control.Status;
import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.RepositoryPaths;
import dev.ecsguard.tree.ScalarNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The FAILED findings a team has accepted as they stand today: a later scan fails only on findings
 * not in it. Findings are matched by {@link Finding#fingerprint(String)} of their file from its
 * repository's root ({@link RepositoryPaths}), so moving lines changes nothing, and a scan from a
 * subdirectory or of absolute paths matches a baseline made at the root. A baseline written before
 * it said so ({@code "paths": "repository"}) held files as given, relative to where it was made:
 * its entries match by either form, so it keeps working where it did. It also records each Security
 * Hub control's outcome then ({@code securityHubControls}), so that a later scan shows the
 * predicted score before → after; a baseline written before it did so is still read, without them.
 */
public final class Baseline {
  private static final String OUTCOMES = "securityHubControls";
  private static final String PATHS = "paths";
  private static final String FROM_REPOSITORY_ROOT = "repository";
  private static final Baseline NONE = new Baseline(Set.of(), false, null, "no baseline");
  private final Set<String> fingerprints;
  private final boolean pathsAsGiven;
  private final RepositoryPaths stablePaths = new RepositoryPaths();
  private final Map<String, SecurityHubScore.Outcome> securityHubOutcomes;
  private final Suppression suppression;

  private Baseline(
      Set<String> fingerprints,
      boolean pathsAsGiven,
      Map<String, SecurityHubScore.Outcome> securityHubOutcomes,
      String source) {
    this.fingerprints = fingerprints;
    this.pathsAsGiven = pathsAsGiven;
    this.securityHubOutcomes = securityHubOutcomes;
    this.suppression =
        new Suppression("*", "*", "already there when the baseline was made", null, source);
  }

  /**
   * Each Security Hub control's outcome when the baseline was made (controls that judged no
   * resource left out); null for no baseline, or one made before ecsguard recorded them.
   */
  public Map<String, SecurityHubScore.Outcome> securityHubOutcomes() {
    return securityHubOutcomes;
  }

  /** Whether this is a baseline that was read, not {@link #none()}. */
  public boolean given() {
    return this != NONE;
  }

  /** Whether {@code finding} was in the baseline; then it is marked as suppressed by it. */
  Suppression covering(Finding finding) {
    if (fingerprints.isEmpty()) {
      return null;
    }
    boolean listed =
        fingerprints.contains(finding.fingerprint(stablePaths))
            || (pathsAsGiven && fingerprints.contains(finding.fingerprint()));
    return listed ? suppression : null;
  }

  /** Writes the unsuppressed FAILED findings of {@code result} as a baseline. */
  public static void write(ScanResult result, Path file) throws IOException {
    RepositoryPaths stablePaths = new RepositoryPaths();
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.setPrettyPrinter(new DefaultPrettyPrinter());
      json.writeStartObject();
      json.writeNumberField("schemaVersion", 1);
      json.writeStringField(PATHS, FROM_REPOSITORY_ROOT);
      json.writeArrayFieldStart("findings");
      for (Finding finding : result.findings()) {
        if (finding.status() == Status.FAILED && !finding.suppressed()) {
          json.writeStartObject();
          json.writeStringField("fingerprint", finding.fingerprint(stablePaths));
          json.writeStringField("controlId", finding.control().id());
          json.writeStringField("resourceId", finding.resourceId());
          json.writeStringField("file", stablePaths.stable(finding.location().file()));
          json.writeEndObject();
        }
      }
      json.writeEndArray();
      if (result.standards().contains(Standard.SECURITY_HUB)) {
        json.writeObjectFieldStart(OUTCOMES);
        for (var outcome : SecurityHubScore.outcomes(result.findings()).entrySet()) {
          json.writeStringField(outcome.getKey(), outcome.getValue().name());
        }
        json.writeEndObject();
      }
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
    boolean fromRoot =
        ((ObjectNode) root).get(PATHS) instanceof ScalarNode paths
            && FROM_REPOSITORY_ROOT.equals(paths.text());
    return new Baseline(fingerprints, !fromRoot, outcomes(root, name), "baseline " + name);
  }

  /** The recorded outcomes, or null when there are none; each must name a known outcome. */
  private static Map<String, SecurityHubScore.Outcome> outcomes(Node root, String name)
      throws InputException {
    Node recorded = ((ObjectNode) root).get(OUTCOMES);
    if (recorded == null) {
      return null;
    }
    if (!(recorded instanceof ObjectNode controls)) {
      throw new InputException(
          name, recorded.line(), recorded.column(), OUTCOMES + " must be a mapping of control ids");
    }
    Map<String, SecurityHubScore.Outcome> outcomes = new LinkedHashMap<>();
    for (String id : controls.names()) {
      Node value = controls.get(id);
      SecurityHubScore.Outcome outcome =
          value instanceof ScalarNode scalar && scalar.text() != null
              ? Arrays.stream(SecurityHubScore.Outcome.values())
                  .filter(known -> known.name().equals(scalar.text()))
                  .findFirst()
                  .orElse(null)
              : null;
      if (outcome == null) {
        throw new InputException(
            name,
            value.line(),
            value.column(),
            "the outcome of " + id + " must be PASSED, FAILED, UNKNOWN or NO_DATA");
      }
      outcomes.put(id, outcome);
    }
    return Map.copyOf(outcomes);
  }

  public static Baseline none() {
    return NONE;
  }
}
