package dev.ecsguard.aws.securityhub;

import dev.ecsguard.aws.session.AwsCallException;
import dev.ecsguard.aws.session.AwsOptions;
import dev.ecsguard.aws.session.AwsSession;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.report.AsffReport;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;

/**
 * Sends a scan's findings to AWS Security Hub (BatchImportFindings, 100 per call) in ASFF: as the
 * caller's account ({@code scan --securityhub-import}), or through a client the caller made (the
 * guardrail's, in the resource's account and Region).
 */
public final class SecurityHubImport {
  private static final int PER_CALL = 100;

  /** What the import did. */
  public record Outcome(int imported, int failed, List<String> failures, String error) {
    public boolean complete() {
      return error == null && failed == 0;
    }
  }

  private SecurityHubImport() {}

  /**
   * Sends {@code result}'s findings through {@code securityHub} (a client for {@code account} in
   * {@code region}, where findings without account and region labels belong), 100 per call; a
   * failed call ends the import, saying how far it got.
   */
  public static Outcome send(
      ScanResult result, SecurityHubClient securityHub, String account, String region) {
    List<AwsSecurityFinding> findings =
        new AsffReport(account, region, Instant.now())
            .findings(result).stream().map(AsffFindings::of).toList();
    int imported = 0;
    int failed = 0;
    List<String> failures = new ArrayList<>();
    for (int from = 0; from < findings.size(); from += PER_CALL) {
      List<AwsSecurityFinding> batch =
          findings.subList(from, Math.min(findings.size(), from + PER_CALL));
      BatchImportFindingsResponse answer;
      try {
        answer = securityHub.batchImportFindings(request -> request.findings(batch));
      } catch (RuntimeException e) {
        return new Outcome(
            imported,
            failed,
            failures,
            AwsCallException.of("securityhub:BatchImportFindings", e).getMessage()
                + " after "
                + imported
                + " findings were imported");
      }
      imported += Objects.requireNonNullElse(answer.successCount(), 0);
      failed += Objects.requireNonNullElse(answer.failedCount(), 0);
      answer
          .failedFindings()
          .forEach(
              failure ->
                  failures.add(
                      failure.id() + ": " + failure.errorCode() + " " + failure.errorMessage()));
    }
    return new Outcome(imported, failed, failures, null);
  }

  /** Sends {@code result}'s findings as the caller's account, in the configured Region. */
  public static Outcome send(ScanResult result, String profile, URI endpoint) {
    AwsOptions options =
        new AwsOptions(
            profile,
            List.of(),
            List.of(),
            false,
            AwsOptions.DEFAULT_ORGANIZATION_ROLE,
            1,
            endpoint,
            8);
    try (AwsSession session = new AwsSession(options)) {
      String region = session.configuredRegion();
      if (region == null) {
        return new Outcome(
            0,
            0,
            List.of(),
            "no region to import into (set AWS_REGION or give a profile with one)");
      }
      ScanResult errors = new ScanResult();
      List<AwsSession.Account> caller = session.accounts(errors);
      if (caller.isEmpty()) {
        return new Outcome(
            0,
            0,
            List.of(),
            errors.errors().isEmpty()
                ? "no account to import into"
                : errors.errors().get(0).getMessage());
      }
      try (SecurityHubClient securityHub = session.securityHub(caller.get(0), region)) {
        return send(result, securityHub, caller.get(0).id(), region);
      }
    }
  }
}
