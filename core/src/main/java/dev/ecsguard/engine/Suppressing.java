package dev.ecsguard.engine;

import dev.ecsguard.control.Status;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.Location;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies suppressions to findings on their way to a listener: a FAILED or UNKNOWN finding that a
 * suppression in force covers is passed on marked; an expired suppression no longer applies, and a
 * note says so once.
 */
public final class Suppressing implements ScanListener {
  private final List<Suppression> suppressions;
  private final Baseline baseline;
  private final Today today;
  private final ScanListener next;
  private final Set<Suppression> expiredNoted = new HashSet<>();

  public Suppressing(List<Suppression> suppressions, LocalDate today, ScanListener next) {
    this(suppressions, Baseline.none(), today, next);
  }

  /** As above, findings in {@code baseline} marked as accepted too. */
  public Suppressing(
      List<Suppression> suppressions, Baseline baseline, LocalDate today, ScanListener next) {
    this(suppressions, baseline, Today.of(today), next);
  }

  Suppressing(List<Suppression> suppressions, Baseline baseline, Today today, ScanListener next) {
    this.suppressions = List.copyOf(suppressions);
    this.baseline = baseline;
    this.today = today;
    this.next = next;
  }

  @Override
  public void finding(Finding finding) {
    if (finding.status() == Status.FAILED || finding.status() == Status.UNKNOWN) {
      for (Suppression suppression : suppressions) {
        if (!suppression.covers(finding)) {
          continue;
        }
        if (suppression.expires() != null && suppression.expiredOn(today.get())) {
          if (expiredNoted.add(suppression)) {
            next.note(
                new Note(
                    new Location(suppression.source(), "", 0, 0),
                    "the suppression of "
                        + suppression.control()
                        + " on "
                        + suppression.resourceGlob()
                        + " expired on "
                        + suppression.expires()
                        + "; it no longer applies"));
          }
          continue;
        }
        next.finding(finding.suppressedBy(suppression));
        return;
      }
      Suppression baselined = finding.status() == Status.FAILED ? baseline.covering(finding) : null;
      if (baselined != null) {
        next.finding(finding.suppressedBy(baselined));
        return;
      }
    }
    next.finding(finding);
  }

  @Override
  public void note(Note note) {
    next.note(note);
  }

  @Override
  public void error(InputException error) {
    next.error(error);
  }

  @Override
  public void fileScanned(String file, int resources) {
    next.fileScanned(file, resources);
  }
}
