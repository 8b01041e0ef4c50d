package dev.ecsguard.engine;

import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.control.Standard;
import dev.ecsguard.control.Status;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The security score Security Hub would give the ECS controls a scan ran, over what it scanned: the
 * percentage of controls that passed among those with data. A control FAILED when any of its
 * findings FAILED, PASSED when all are PASSED or NOT_APPLICABLE and one at least PASSED; it has no
 * data when all are NOT_APPLICABLE or it judged nothing. ecsguard's own controls never count, and a
 * suppressed finding counts as its status says: the suppression is ecsguard's, Security Hub does
 * not know it.
 *
 * <p><b>Decided:</b> a control with an UNKNOWN finding and no FAILED one could go either way, so
 * the score is a range: {@link #min()} if every such control fails, {@link #max()} if every one
 * passes; {@link #percent()} is the score over the controls whose outcome is known, which lies
 * within it.
 *
 * @param passed controls that passed
 * @param failed controls that failed
 * @param unknown controls with UNKNOWN findings and no FAILED one
 */
public record SecurityHubScore(int passed, int failed, int unknown) {
  /** What one control adds to the score. */
  public enum Outcome {
    PASSED,
    FAILED,
    UNKNOWN,
    NO_DATA
  }

  /**
   * Each Security Hub control among {@code findings}, in the catalogue's order, with its outcome; a
   * control that ran but judged no resource is not there (it has no data either way).
   */
  public static Map<String, Outcome> outcomes(Collection<Finding> findings) {
    Map<String, Outcome> outcomes = new TreeMap<>(Catalogue.ORDER);
    for (Finding finding : findings) {
      if (finding.control().standard() == Standard.SECURITY_HUB) {
        outcomes.merge(finding.control().id(), outcome(finding.status()), SecurityHubScore::worse);
      }
    }
    return outcomes;
  }

  /** The score of controls with these outcomes. */
  public static SecurityHubScore of(Map<String, Outcome> outcomes) {
    int passed = 0;
    int failed = 0;
    int unknown = 0;
    for (Outcome outcome : outcomes.values()) {
      switch (outcome) {
        case PASSED -> passed++;
        case FAILED -> failed++;
        case UNKNOWN -> unknown++;
        case NO_DATA -> {}
      }
    }
    return new SecurityHubScore(passed, failed, unknown);
  }

  public static SecurityHubScore of(Collection<Finding> findings) {
    return of(outcomes(findings));
  }

  /** Controls with data: the score's denominator. */
  public int controls() {
    return passed + failed + unknown;
  }

  /**
   * The percentage of the known controls that passed (whole, halves up); null when no control's
   * outcome is known.
   */
  public Integer percent() {
    return percentage(passed, passed + failed);
  }

  /** The score if every unknown control fails; null without data. */
  public Integer min() {
    return percentage(passed, controls());
  }

  /** The score if every unknown control passes; null without data. */
  public Integer max() {
    return percentage(passed + unknown, controls());
  }

  /**
   * In words: {@code 62% (8 of 13 controls passed)}, {@code 62% (8 of 13 controls passed; 2
   * unknown: 53–67%)}, or that there is no data.
   */
  public String describe() {
    if (controls() == 0) {
      return "no data (no Security Hub control judged a resource)";
    }
    if (passed + failed == 0) {
      return "unknown ("
          + unknown
          + (unknown == 1 ? " control" : " controls")
          + " unknown: "
          + range()
          + ")";
    }
    return percent()
        + "% ("
        + passed
        + " of "
        + (passed + failed)
        + (passed + failed == 1 ? " control passed" : " controls passed")
        + (unknown == 0 ? "" : "; " + unknown + " unknown: " + range())
        + ")";
  }

  /** In short, for before → after: {@code 62%}, {@code 62% (53–67%)}, {@code no data}. */
  public String brief() {
    if (controls() == 0) {
      return "no data";
    }
    if (passed + failed == 0) {
      return range();
    }
    return percent() + "%" + (unknown == 0 ? "" : " (" + range() + ")");
  }

  private String range() {
    return min() + "–" + max() + "%";
  }

  private static Integer percentage(int part, int whole) {
    return whole == 0 ? null : (200 * part + whole) / (2 * whole);
  }

  private static Outcome outcome(Status status) {
    return switch (status) {
      case PASSED -> Outcome.PASSED;
      case FAILED -> Outcome.FAILED;
      case UNKNOWN -> Outcome.UNKNOWN;
      case NOT_APPLICABLE -> Outcome.NO_DATA;
    };
  }

  /** FAILED over UNKNOWN over PASSED over no data, as Security Hub settles a control. */
  private static Outcome worse(Outcome one, Outcome other) {
    return rank(one) >= rank(other) ? one : other;
  }

  private static int rank(Outcome outcome) {
    return switch (outcome) {
      case NO_DATA -> 0;
      case PASSED -> 1;
      case UNKNOWN -> 2;
      case FAILED -> 3;
    };
  }
}
