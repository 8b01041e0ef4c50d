package dev.ecsguard.engine;

import dev.ecsguard.control.Status;
import dev.ecsguard.source.InputException;
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

  public int files() {
    return files;
  }

  public int resources() {
    return resources;
  }
}
