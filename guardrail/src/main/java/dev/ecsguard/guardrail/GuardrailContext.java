package dev.ecsguard.guardrail;

import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.config.Configuration;
import dev.ecsguard.control.LinkedControl;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanRequest;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Selection;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What every handler judges with: the configuration CI uses too ({@code .ecsguard.yml}'s
 * semantics), the AWS it may call (none for {@code guardrail invoke} without {@code --aws}), the
 * day suppressions expire by, and the function's environment (its settings: the SNS topic, say).
 */
public record GuardrailContext(
    Configuration configuration, AwsAccess aws, LocalDate today, Map<String, String> environment) {

  /** The controls that need other resources than the one judged. */
  private static final List<String> LINKED =
      Catalogue.CONTROLS.stream()
          .filter(control -> control instanceof LinkedControl)
          .map(control -> control.info().id())
          .toList();

  public GuardrailContext {
    environment = Map.copyOf(environment);
  }

  /**
   * The AWS access an event needs for {@code what} ("an oversized configuration item", say), or
   * {@link NeedsAwsException} when no AWS call is allowed.
   */
  public AwsAccess aws(String what) throws NeedsAwsException {
    if (aws == null) {
      throw new NeedsAwsException(what);
    }
    return aws;
  }

  /**
   * A scan request with the configuration's standards, skipped controls, parameters and
   * suppressions (and its source, for the report to name), and this context's day; {@code
   * controls}, when not empty, are the only ones run (a Config rule's {@code controls} parameter).
   */
  public ScanRequest.Builder request(Collection<String> controls) {
    return ScanRequest.builder()
        .standards(
            configuration.standards() != null
                ? configuration.standards()
                : Selection.standards("all"))
        .only(controls)
        .skip(configuration.skip())
        .parameters(configuration.parameters())
        .suppressions(configuration.suppressions())
        .configuration(configuration.source())
        .today(today);
  }

  /**
   * As {@link #request}, for one resource judged alone (a hook's resource request, a Config item):
   * without {@code controls} named, every control but those that need other resources (ECSG.11 and
   * ECSG.12 judge a service by the revision it runs), which would only ever be UNKNOWN there
   * (beyond.md, Decided point 8).
   */
  public ScanRequest.Builder requestForOneResource(Collection<String> controls) {
    ScanRequest.Builder request = request(controls);
    return controls.isEmpty() ? request.skip(LINKED) : request;
  }

  /**
   * The findings that fail, as they fail a scan: FAILED, unsuppressed, at or above the
   * configuration's {@code failOn}; with {@code failOnUnknown}, unsuppressed UNKNOWN ones too.
   */
  public List<Finding> failing(ScanResult result) {
    Severity threshold = configuration.failOn() != null ? configuration.failOn() : Severity.LOW;
    return result.findings().stream()
        .filter(finding -> !finding.suppressed())
        .filter(
            finding ->
                (finding.status() == Status.FAILED
                        && finding.control().severity().compareTo(threshold) <= 0)
                    || (finding.status() == Status.UNKNOWN && configuration.failOnUnknown()))
        .toList();
  }
}
