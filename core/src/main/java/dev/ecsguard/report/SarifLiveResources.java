package dev.ecsguard.report;

import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.secrets.Credentials;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file a live scan's SARIF report points its results at: GitHub code scanning refuses a result
 * without a physical location (a file and line), and a live resource has none of its own. One
 * tab-separated line per live resource that has a result (its ARN, account, Region and type) after
 * a header line, in the order of the results; each such result's location is its resource's line.
 * It holds ARNs and names only, never a value of a resource's settings, and value formats of
 * credentials in them are masked as in messages.
 */
public final class SarifLiveResources {
  static final String HEADER = "arn\taccount\tregion\ttype";

  /** Each resource's line, by its id. */
  private final Map<String, Integer> lines = new LinkedHashMap<>();

  private final StringBuilder text = new StringBuilder(HEADER).append('\n');

  private SarifLiveResources() {}

  /** The live resources of {@code result}'s FAILED and UNKNOWN findings, as SARIF reports them. */
  public static SarifLiveResources of(ScanResult result) {
    SarifLiveResources resources = new SarifLiveResources();
    for (Finding finding : result.findings()) {
      if (reported(finding)
          && isLive(finding)
          && !resources.lines.containsKey(finding.resourceId())) {
        resources.lines.put(finding.resourceId(), resources.lines.size() + 2);
        resources
            .text
            .append(column(finding.resourceId()))
            .append('\t')
            .append(column(finding.labels().get("account")))
            .append('\t')
            .append(column(finding.labels().getOrDefault("region", "")))
            .append('\t')
            .append(finding.resourceType().awsName())
            .append('\n');
      }
    }
    return resources;
  }

  /** Whether SARIF has a result for {@code finding}: FAILED and UNKNOWN ones. */
  static boolean reported(Finding finding) {
    return finding.status() == Status.FAILED || finding.status() == Status.UNKNOWN;
  }

  /** Whether {@code finding} is of a live resource: one of an account, read from no file. */
  static boolean isLive(Finding finding) {
    return finding.labels().containsKey("account") && finding.location().line() <= 0;
  }

  /** The line of {@code finding}'s resource, or 0 when it has none here. */
  int line(Finding finding) {
    return lines.getOrDefault(finding.resourceId(), 0);
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /** The file's text: the header and a line per resource, each ending in a line feed. */
  public String text() {
    return text.toString();
  }

  /** A value as one column: no tab or line break can add columns or lines. */
  private static String column(String value) {
    return Credentials.maskFormats(value)
        .replaceAll("[\\t\\r\\n\\x0b\\x0c\\x85\\u2028\\u2029]", " ");
  }
}
