package dev.ecsguard.report;

import dev.ecsguard.control.Standard;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.SecurityHubScore;

/** The predicted Security Hub score as the text, Markdown and HTML reports word it. */
final class PredictedScore {
  static final String LABEL = "Predicted Security Hub ECS score";

  private PredictedScore() {}

  /**
   * {@code 55% → 62% (8 of 13 controls passed)}, what the score is based on and what it counts that
   * a reader may not expect; null when no Security Hub control ran.
   */
  static String sentence(ScanResult result) {
    SecurityHubScore score = result.securityHubScore();
    if (score == null) {
      return null;
    }
    SecurityHubScore earlier = result.earlierSecurityHubScore();
    long suppressedFailures =
        result.findings().stream()
            .filter(
                finding ->
                    finding.suppressed()
                        && finding.status() == Status.FAILED
                        && finding.control().standard() == Standard.SECURITY_HUB)
            .count();
    return (earlier == null ? "" : earlier.brief() + " → ")
        + score.describe()
        + (result.baselineWithoutScore()
            ? "; the baseline records no earlier score (make it again with --create-baseline)"
            : "")
        + (suppressedFailures == 0
            ? ""
            : "; "
                + suppressedFailures
                + (suppressedFailures == 1
                    ? " suppressed finding counts"
                    : " suppressed findings count")
                + " as FAILED, since Security Hub does not know ecsguard's suppressions");
  }
}
