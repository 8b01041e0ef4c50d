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
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sts.StsClient;

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
    AwsCredentialsProvider credentials =
        profile != null ? ProfileCredentialsProvider.create(profile) : DefaultCredentialsProvider.builder().build();
    String region;
    try {
      region = DefaultAwsRegionProviderChain.builder().profileName(profile).build().getRegion().id();
    } catch (RuntimeException e) {
      return new Outcome(0, 0, List.of(), "no region to import into (set AWS_REGION or give a profile with one)");
    }
    try (SdkHttpClient http = UrlConnectionHttpClient.create()) {
      String account;
      try (StsClient sts = sts(http, credentials, region, endpoint)) {
        account = sts.getCallerIdentity().account();
      } catch (RuntimeException e) {
        return new Outcome(0, 0, List.of(), "sts:GetCallerIdentity failed (" + AwsCallException.describe(e) + ")");
      }
      SignedCalls calls = new SignedCalls(http, endpoint, new ApiCalls());
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

  private static StsClient sts(SdkHttpClient http, AwsCredentialsProvider credentials, String region, URI endpoint) {
    var builder = StsClient.builder().httpClient(http).credentialsProvider(credentials).region(Region.of(region));
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  private static int number(ObjectNode object, String name) {
    String text = SignedCalls.text(object, name);
    return text.matches("\\d{1,9}") ? Integer.parseInt(text) : 0;
  }
}
