package dev.ecsguard.aws.securityhub;

import dev.ecsguard.aws.session.AwsCallException;
import dev.ecsguard.aws.session.AwsOptions;
import dev.ecsguard.aws.session.AwsSession;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.report.AsffReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFindingIdentifier;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.BatchUpdateFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.WorkflowStatus;

/**
 * Sends a scan's findings to AWS Security Hub (BatchImportFindings, 100 per call) in ASFF, each in
 * its own account and Region ({@code scan --securityhub-import}), or through a client the caller
 * made (the guardrail's, in the resource's account and Region). Security Hub keeps the workflow of
 * a finding it has already, whatever an import says, so suppressed findings are then marked
 * SUPPRESSED, with the suppression's reason as a note, by BatchUpdateFindings.
 */
public final class SecurityHubImport {
  private static final int PER_CALL = 100;

  /**
   * What the import did: findings imported, suppressed findings updated, findings Security Hub
   * refused (each in {@code failures}), and the calls that failed, or null.
   */
  public record Outcome(
      int imported, int updated, int failed, List<String> failures, String error) {
    public Outcome {
      failures = List.copyOf(failures);
    }

    static Outcome error(String error) {
      return new Outcome(0, 0, 0, List.of(), error);
    }

    public boolean complete() {
      return error == null && failed == 0;
    }

    Outcome plus(Outcome other) {
      return new Outcome(
          imported + other.imported,
          updated + other.updated,
          failed + other.failed,
          Stream.concat(failures.stream(), other.failures.stream()).toList(),
          error == null ? other.error : other.error == null ? error : error + "; " + other.error);
    }
  }

  /** An account and Region findings are sent to; null for the caller's, in its Region. */
  private record Place(String account, String region) {
    static Place of(Finding finding) {
      String account = finding.labels().get("account");
      String region = finding.labels().get("region");
      return account == null || region == null ? null : new Place(account, region);
    }
  }

  private SecurityHubImport() {}

  /**
   * Sends {@code result}'s findings through {@code securityHub} (a client for {@code account} in
   * {@code region}, where findings without account and region labels belong), 100 per call, then
   * marks the suppressed ones SUPPRESSED; a failed call ends the import, saying how far it got.
   */
  public static Outcome send(
      ScanResult result, SecurityHubClient securityHub, String account, String region) {
    List<AwsSecurityFinding> findings =
        new AsffReport(account, region, Instant.now())
            .findings(result).stream().map(AsffFindings::of).toList();
    int imported = 0;
    int failed = 0;
    List<String> failures = new ArrayList<>();
    List<String> refusedIds = new ArrayList<>();
    for (List<AwsSecurityFinding> batch : batches(findings)) {
      BatchImportFindingsResponse answer;
      try {
        answer = securityHub.batchImportFindings(request -> request.findings(batch));
      } catch (RuntimeException e) {
        return new Outcome(
            imported,
            0,
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
              failure -> {
                refusedIds.add(failure.id());
                failures.add(
                    failure.id() + ": " + failure.errorCode() + " " + failure.errorMessage());
              });
    }
    Outcome importing = new Outcome(imported, 0, failed, failures, null);
    Set<String> refused = Set.copyOf(refusedIds);
    return importing.plus(
        suppress(
            securityHub,
            findings.stream()
                .filter(finding -> finding.workflow().status() == WorkflowStatus.SUPPRESSED)
                .filter(finding -> !refused.contains(finding.id()))
                .toList()));
  }

  /**
   * Marks {@code suppressed} SUPPRESSED with their notes (one BatchUpdateFindings per note and 100
   * findings: a call gives all its findings the same note).
   */
  private static Outcome suppress(
      SecurityHubClient securityHub, List<AwsSecurityFinding> suppressed) {
    Map<String, List<AwsSecurityFinding>> byNote =
        suppressed.stream()
            .collect(
                Collectors.groupingBy(
                    finding -> finding.note().text(), LinkedHashMap::new, Collectors.toList()));
    int updated = 0;
    int failed = 0;
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, List<AwsSecurityFinding>> note : byNote.entrySet()) {
      for (List<AwsSecurityFinding> batch : batches(note.getValue())) {
        BatchUpdateFindingsResponse answer;
        try {
          answer =
              securityHub.batchUpdateFindings(
                  request ->
                      request
                          .findingIdentifiers(
                              batch.stream()
                                  .map(
                                      finding ->
                                          AwsSecurityFindingIdentifier.builder()
                                              .id(finding.id())
                                              .productArn(finding.productArn())
                                              .build())
                                  .toList())
                          .workflow(workflow -> workflow.status(WorkflowStatus.SUPPRESSED))
                          .note(update -> update.text(note.getKey()).updatedBy("ecsguard")));
        } catch (RuntimeException e) {
          return new Outcome(
              0,
              updated,
              failed,
              failures,
              AwsCallException.of("securityhub:BatchUpdateFindings", e).getMessage()
                  + " after "
                  + updated
                  + " suppressed findings were updated");
        }
        updated += answer.processedFindings().size();
        failed += answer.unprocessedFindings().size();
        answer
            .unprocessedFindings()
            .forEach(
                failure ->
                    failures.add(
                        failure.findingIdentifier().id()
                            + ": "
                            + failure.errorCode()
                            + " "
                            + failure.errorMessage()));
      }
    }
    return new Outcome(0, updated, failed, failures, null);
  }

  private static <T> List<List<T>> batches(List<T> all) {
    List<List<T>> batches = new ArrayList<>();
    for (int from = 0; from < all.size(); from += PER_CALL) {
      batches.add(all.subList(from, Math.min(all.size(), from + PER_CALL)));
    }
    return batches;
  }

  /**
   * Sends each finding to its own account and Region (its labels: a live scan's), with credentials
   * for that account got as the scan got them ({@code options}: the caller's, a role given, or the
   * organization's role); findings without labels (files') go to the caller's account in its
   * configured Region.
   */
  public static Outcome send(ScanResult result, AwsOptions options) {
    Map<Place, ScanResult> byPlace = new LinkedHashMap<>();
    for (Finding finding : result.findings()) {
      byPlace.computeIfAbsent(Place.of(finding), place -> new ScanResult()).finding(finding);
    }
    Outcome outcome = new Outcome(0, 0, 0, List.of(), null);
    if (byPlace.containsKey(null)) {
      outcome = outcome.plus(asCaller(byPlace.remove(null), options));
    }
    if (byPlace.isEmpty()) {
      return outcome;
    }
    try (AwsSession session = new AwsSession(options)) {
      ScanResult errors = new ScanResult();
      Map<String, AwsSession.Account> accounts =
          session.accounts(errors).stream()
              .collect(
                  Collectors.toMap(
                      AwsSession.Account::id, account -> account, (a, b) -> a, LinkedHashMap::new));
      for (Map.Entry<Place, ScanResult> group : byPlace.entrySet()) {
        Place place = group.getKey();
        AwsSession.Account account = accounts.get(place.account());
        if (account == null) {
          outcome =
              outcome.plus(
                  Outcome.error(
                      "account "
                          + place.account()
                          + " could not be reached to import its "
                          + group.getValue().findings().size()
                          + " findings"
                          + errors.errors().stream()
                              .findFirst()
                              .map(error -> " (" + error.getMessage() + ")")
                              .orElse("")));
          continue;
        }
        try (SecurityHubClient securityHub = session.securityHub(account, place.region())) {
          outcome = outcome.plus(send(group.getValue(), securityHub, account.id(), place.region()));
        }
      }
    }
    return outcome;
  }

  /** The findings of files: as the caller's account, in the configured Region. */
  private static Outcome asCaller(ScanResult files, AwsOptions options) {
    AwsOptions caller =
        new AwsOptions(
            options.profile(),
            List.of(),
            List.of(),
            false,
            options.organizationRole(),
            1,
            options.endpoint(),
            options.maxAttempts());
    try (AwsSession session = new AwsSession(caller)) {
      String region = session.configuredRegion();
      if (region == null) {
        return Outcome.error(
            "no region to import the files' findings into (set AWS_REGION or give a profile with one)");
      }
      ScanResult errors = new ScanResult();
      List<AwsSession.Account> self = session.accounts(errors);
      if (self.isEmpty()) {
        return Outcome.error(
            errors.errors().isEmpty()
                ? "no account to import the files' findings into"
                : errors.errors().get(0).getMessage());
      }
      try (SecurityHubClient securityHub = session.securityHub(self.get(0), region)) {
        return send(files, securityHub, self.get(0).id(), region);
      }
    }
  }
}
