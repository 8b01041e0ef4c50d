package dev.ecsguard.aws;

import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.report.AsffReport;
import dev.ecsguard.source.ArrayNode;
import dev.ecsguard.source.Node;
import dev.ecsguard.source.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Sends a scan's findings to AWS Security Hub (BatchImportFindings, 100 per call) in ASFF, as the
 * caller's account. The SDK's Security Hub module is not available from this project's registry,
 * so the calls are signed here as the SDK would sign them.
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

  public static Outcome send(ScanResult result, String profile, URI endpoint) {
    AwsOptions options = new AwsOptions(profile, List.of(), List.of(), false, AwsOptions.DEFAULT_ORGANIZATION_ROLE, 1, endpoint, 8);
    try (AwsSession session = new AwsSession(options)) {
      String region = session.configuredRegion();
      if (region == null) {
        return new Outcome(0, 0, List.of(), "no region to import into (set AWS_REGION or give a profile with one)");
      }
      ScanResult errors = new ScanResult();
      List<AwsSession.Account> caller = session.accounts(errors);
      if (caller.isEmpty()) {
        return new Outcome(0, 0, List.of(), errors.errors().isEmpty() ? "no account to import into" : errors.errors().get(0).getMessage());
      }
      String account = caller.get(0).id();
      AwsCredentialsProvider credentials = caller.get(0).credentials();
      SignedCalls calls = session.signedCalls();
      List<String> findings = new AsffReport(account, region, Instant.now()).findings(result);
      int imported = 0;
      int failed = 0;
      List<String> failures = new ArrayList<>();
      for (int from = 0; from < findings.size(); from += PER_CALL) {
        String body = "{\"Findings\":[" + String.join(",", findings.subList(from, Math.min(findings.size(), from + PER_CALL))) + "]}";
        ObjectNode answer;
        try {
          answer = SignedCalls.json(calls.restJson("securityhub", "BatchImportFindings", region, credentials, "/findings/import", body), "BatchImportFindings");
        } catch (AwsCallException e) {
          return new Outcome(imported, failed, failures, e.getMessage() + " after " + imported + " findings were imported");
        }
        imported += number(answer, "SuccessCount");
        failed += number(answer, "FailedCount");
        if (answer.get("FailedFindings") instanceof ArrayNode list) {
          for (Node entry : list.elements()) {
            if (entry instanceof ObjectNode failure) {
              failures.add(SignedCalls.text(failure, "Id") + ": " + SignedCalls.text(failure, "ErrorCode") + " " + SignedCalls.text(failure, "ErrorMessage"));
            }
          }
        }
      }
      return new Outcome(imported, failed, failures, null);
    }
  }

  private static int number(ObjectNode object, String name) {
    String text = SignedCalls.text(object, name);
    return text.matches("\\d{1,9}") ? Integer.parseInt(text) : 0;
  }
}
