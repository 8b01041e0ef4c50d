package dev.ecsguard.engine;

import dev.ecsguard.control.Standard;
import dev.ecsguard.control.Status;
import dev.ecsguard.tree.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A whole scan, collected for the reports. */
public final class ScanResult implements ScanListener {
  private final List<Finding> findings = new ArrayList<>();
  private final List<Note> notes = new ArrayList<>();
  private final List<InputException> errors = new ArrayList<>();
  private final Set<List<Object>> errorsSeen = new HashSet<>();
  private final List<String> inputs = new ArrayList<>();
  private final Map<Status, Integer> counts = new EnumMap<>(Status.class);
  private final Map<String, Long> apiCalls = new java.util.TreeMap<>();
  private boolean live;
  private int files;
  private int resources;
  private final Selection selection;
  private final Baseline baseline;
  private final java.time.Instant started = java.time.Instant.now();
  private final String configuration;

  /** A result of every active control, without a baseline or configuration. */
  public ScanResult() {
    this(Selection.defaults(), Baseline.none(), null);
  }

  /**
   * A result of the controls {@code selection} runs, compared with {@code baseline}, with the
   * settings of {@code configuration} (where they came from, or null).
   */
  public ScanResult(Selection selection, Baseline baseline, String configuration) {
    this.selection = selection;
    this.baseline = baseline;
    this.configuration = configuration;
    for (Status status : Status.values()) {
      counts.put(status, 0);
    }
  }

  @Override
  public void finding(Finding finding) {
    findings.add(finding);
    counts.merge(finding.status(), 1, Integer::sum);
  }

  @Override
  public void note(Note note) {
    notes.add(note);
  }

  /**
   * Records an input that could not be read, once: a file two readers look at (a {@code
   * terraform.tfvars.json} is a JSON input and a module's variables) fails the same way for both.
   */
  @Override
  public void error(InputException error) {
    if (errorsSeen.add(
        Arrays.asList(error.file(), error.line(), error.column(), error.problem()))) {
      errors.add(error);
    }
  }

  @Override
  public void fileScanned(String file, int resourcesInFile) {
    inputs.add(file);
    files++;
    resources += resourcesInFile;
  }

  /**
   * A live scan's API calls, by operation name; a live scan reports them even when there are none.
   */
  public void apiCalls(Map<String, Long> calls) {
    live = true;
    calls.forEach((operation, count) -> apiCalls.merge(operation, count, Long::sum));
  }

  public Map<String, Long> apiCalls() {
    return apiCalls;
  }

  /** Whether this scan read a live account (so that reports show its API calls). */
  /** When the scan began: when this result was made, before any input was read. */
  public java.time.Instant started() {
    return started;
  }

  public boolean live() {
    return live;
  }

  /**
   * Where the scan's settings and suppressions came from ({@code infra/.ecsguard.yml}, {@code
   * ssm:/name}), or null for none.
   */
  public String configuration() {
    return configuration;
  }

  public List<Finding> findings() {
    return findings;
  }

  public List<Note> notes() {
    return notes;
  }

  /** The files scanned (a live scan's account-regions), in the order they were read. */
  public List<String> inputs() {
    return inputs;
  }

  public List<InputException> errors() {
    return errors;
  }

  public int count(Status status) {
    return counts.get(status);
  }

  /** Findings an accepted exception covers. */
  public int suppressed() {
    return (int) findings.stream().filter(Finding::suppressed).count();
  }

  /**
   * FAILED findings that no suppression covers, of {@code threshold}'s severity or higher: what
   * fails a scan.
   */
  public int failing(dev.ecsguard.control.Severity threshold) {
    return (int)
        findings.stream()
            .filter(
                f ->
                    f.status() == Status.FAILED
                        && !f.suppressed()
                        && f.control().severity().compareTo(threshold) <= 0)
            .count();
  }

  /** UNKNOWN findings that no suppression covers: what fails a scan that fails on UNKNOWN. */
  public int unknownUnsuppressed() {
    return (int)
        findings.stream().filter(f -> f.status() == Status.UNKNOWN && !f.suppressed()).count();
  }

  /** The standards of the controls that ran. */
  public Set<Standard> standards() {
    return selection.standards();
  }

  /**
   * The Security Hub score predicted for this scan's findings (suppressed ones counted as their
   * status says); null when no Security Hub control ran.
   */
  public SecurityHubScore securityHubScore() {
    return standards().contains(Standard.SECURITY_HUB) ? SecurityHubScore.of(findings) : null;
  }

  /**
   * The score the baseline recorded, over the Security Hub controls that ran now; null without a
   * baseline, when it records no score (made before ecsguard recorded one) or when no Security Hub
   * control ran.
   */
  public SecurityHubScore earlierSecurityHubScore() {
    Map<String, SecurityHubScore.Outcome> recorded = baseline.securityHubOutcomes();
    if (recorded == null || !standards().contains(Standard.SECURITY_HUB)) {
      return null;
    }
    Map<String, SecurityHubScore.Outcome> ranNow = new LinkedHashMap<>();
    for (Selection.Entry entry : selection.entries()) {
      String id = entry.control().info().id();
      if (recorded.containsKey(id)) {
        ranNow.put(id, recorded.get(id));
      }
    }
    return SecurityHubScore.of(ranNow);
  }

  /** Whether the scan was given a baseline that records no Security Hub score. */
  public boolean baselineWithoutScore() {
    return baseline.given() && baseline.securityHubOutcomes() == null;
  }

  public int files() {
    return files;
  }

  public int resources() {
    return resources;
  }
}
