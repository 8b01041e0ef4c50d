package dev.ecsguard.bench;

import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.Note;
import dev.ecsguard.engine.ScanListener;
import dev.ecsguard.tree.InputException;

/** Counts findings without keeping them, so that what a scan holds on to shows alone. */
final class CountingListener implements ScanListener {
  long findings;
  long failed;
  long errors;

  @Override
  public void finding(Finding finding) {
    findings++;
    if (finding.status() == dev.ecsguard.control.Status.FAILED) {
      failed++;
    }
  }

  @Override
  public void note(Note note) {}

  @Override
  public void error(InputException error) {
    errors++;
  }
}
