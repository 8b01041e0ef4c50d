package dev.ecsguard.guardrail.hook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.guardrail.EventHandler.Response;
import dev.ecsguard.secrets.Credentials;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The hook's answer in AWS's "Lambda Hooks" response shape: {@code hookStatus}, {@code errorCode}
 * when FAILED, {@code message} (truncated as CloudFormation and Cloud Control truncate it, with "…
 * and N more"), the request's {@code clientRequestToken}, and one annotation per control. Every
 * text passes through the credential masking the reports use.
 */
final class HookResponse {
  /** CloudFormation truncates the message at this many characters. */
  static final int CLOUDFORMATION_MESSAGE = 4096;

  /** Cloud Control API truncates the message at this many characters. */
  static final int CLOUD_CONTROL_MESSAGE = 1024;

  /** An annotation's statusMessage is at most this long (CloudFormation's Annotation type). */
  static final int STATUS_MESSAGE = 1024;

  private HookResponse() {}

  static Response success(String token, String message) {
    return new Response(body("SUCCESS", null, message, token), false);
  }

  /** FAILED with InternalFailure: the hook could not judge, which never passes silently. */
  static Response internalFailure(String token, String problem, int limit) {
    String message = "ecsguard could not judge this request: " + oneLine(problem);
    return new Response(
        body("FAILED", "InternalFailure", truncate(message, List.of(), limit), token), true);
  }

  /**
   * The verdict on a scan of what the request carries: FAILED/NonCompliant when {@code failing}
   * (the findings that fail a scan with this configuration) is not empty. The message names each
   * failing finding's control, resource and elements, then what did not block: FAILED below failOn,
   * and UNKNOWN (which blocks only with failOnUnknown).
   */
  static Response judged(String token, ScanResult result, List<Finding> failing, int limit) {
    Set<Finding> blocking = new HashSet<>(failing);
    List<String> entries = new ArrayList<>();
    failing.forEach(finding -> entries.add(entry(finding)));
    for (Finding finding : result.findings()) {
      if (!blocking.contains(finding) && !finding.suppressed()) {
        if (finding.status() == Status.FAILED) {
          entries.add("not blocking (below failOn) " + entry(finding));
        } else if (finding.status() == Status.UNKNOWN) {
          entries.add("not judged (UNKNOWN) " + entry(finding));
        }
      }
    }
    String resources = result.resources() + " ECS resource" + (result.resources() == 1 ? "" : "s");
    String head =
        failing.isEmpty()
            ? "ecsguard: nothing blocks " + resources
            : "ecsguard: "
                + failing.size()
                + (failing.size() == 1 ? " finding blocks " : " findings block ")
                + resources;
    String message = entries.isEmpty() ? head + "." : truncate(head + ": ", entries, limit);
    ObjectNode body =
        failing.isEmpty()
            ? body("SUCCESS", null, message, token)
            : body("FAILED", "NonCompliant", message, token);
    body.set("annotations", annotations(result.findings()));
    return new Response(body, !failing.isEmpty());
  }

  private static String entry(Finding finding) {
    return finding.control().id() + " on " + finding.resourceId() + ": " + sentence(finding);
  }

  /** A finding's message without its last full stop, as entries are joined with "; ". */
  private static String sentence(Finding finding) {
    String message = finding.message();
    return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
  }

  /**
   * One annotation per control, in the order the scan reports them: FAILED when it failed a
   * resource (unsuppressed), SKIPPED when it could not judge one (UNKNOWN), when a suppression
   * accepted its findings, or when no resource is in its scope, else PASSED.
   */
  private static ArrayNode annotations(List<Finding> findings) {
    Map<ControlInfo, List<Finding>> byControl = new LinkedHashMap<>();
    findings.forEach(
        finding ->
            byControl.computeIfAbsent(finding.control(), c -> new ArrayList<>()).add(finding));
    ArrayNode annotations = JsonNodeFactory.instance.arrayNode();
    byControl.forEach(
        (control, judged) -> {
          ObjectNode annotation = annotations.addObject();
          annotation.put("annotationName", control.id());
          Annotation outcome = Annotation.of(judged);
          annotation.put("status", outcome.status());
          annotation.put(
              "statusMessage",
              truncate(
                  outcome.words(),
                  judged.stream()
                      .filter(outcome.shows())
                      .map(finding -> finding.resourceId() + ": " + sentence(finding))
                      .toList(),
                  STATUS_MESSAGE));
          annotation.put("remediationMessage", Credentials.maskFormats(control.remediation()));
          if (control.documentationUrl() != null) {
            annotation.put("remediationLink", control.documentationUrl());
          }
          annotation.put("severityLevel", control.severity().name());
        });
    return annotations;
  }

  /** A control's annotation status, its words, and which of its findings it quotes. */
  private record Annotation(String status, String words, Predicate<Finding> shows) {
    static Annotation of(List<Finding> judged) {
      for (Annotation outcome :
          List.of(
              new Annotation("FAILED", "", unsuppressed(Status.FAILED)),
              new Annotation("SKIPPED", "Could not be judged: ", unsuppressed(Status.UNKNOWN)),
              new Annotation("SKIPPED", "Accepted by a suppression: ", Finding::suppressed),
              new Annotation("PASSED", "", finding -> finding.status() == Status.PASSED))) {
        if (judged.stream().anyMatch(outcome.shows())) {
          return outcome;
        }
      }
      return new Annotation("SKIPPED", "Not applicable: ", finding -> true);
    }

    private static Predicate<Finding> unsuppressed(Status status) {
      return finding -> finding.status() == status && !finding.suppressed();
    }
  }

  private static ObjectNode body(String status, String errorCode, String message, String token) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("hookStatus", status);
    if (errorCode != null) {
      body.put("errorCode", errorCode);
    }
    body.put("message", Credentials.maskFormats(message));
    body.put("clientRequestToken", token);
    return body;
  }

  /**
   * {@code head} and as many {@code entries} as fit in {@code limit} characters, "; " between them,
   * then "… and N more" for those left out. Masked before it is measured, so that the mask cannot
   * push it over.
   */
  static String truncate(String head, List<String> entries, int limit) {
    String start = Credentials.maskFormats(head);
    StringBuilder text =
        new StringBuilder(start.length() > limit ? start.substring(0, limit) : start);
    int shown = 0;
    for (String entry : entries) {
      String next = (shown == 0 ? "" : "; ") + oneLine(Credentials.maskFormats(entry));
      int left = entries.size() - shown - 1;
      String more = left == 0 ? "" : " … and " + left + " more";
      if (text.length() + next.length() + more.length() > limit) {
        break;
      }
      text.append(next);
      shown++;
    }
    if (shown < entries.size()) {
      String more = (shown == 0 ? "" : " ") + "… and " + (entries.size() - shown) + " more";
      if (text.length() + more.length() > limit) {
        text.setLength(Math.max(0, limit - more.length()));
      }
      text.append(more);
    }
    return text.toString();
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
