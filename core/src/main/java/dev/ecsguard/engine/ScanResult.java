package dev.ecsguard.engine;

import dev.ecsguard.control.Status;
import dev.ecsguard.tree.InputException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A whole scan, collected for the reports. */
public final class ScanResult implements ScanListener {
  private final List<Finding> findings = new ArrayList<>();
  private final List<Note> notes = new ArrayList<>();
  private final List<InputException> errors = new ArrayList<>();
  private final Map<Status, Integer> counts = new EnumMap<>(Status.class);
  private final Map<String, Long> apiCalls = new java.util.TreeMap<>();
  private boolean live;
  private int files;
  private int resources;

  public ScanResult() {
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

  @Override
  public void error(InputException error) {
    errors.add(error);
  }

  @Override
  public void fileScanned(String file, int resourcesInFile) {
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
  public boolean live() {
    return live;
  }

  public List<Finding> findings() {
    return findings;
  }

  public List<Note> notes() {
    return notes;
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

  public int files() {
    return files;
  }

  public int resources() {
    return resources;
  }
}
