package dev.ecsguard.engine;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * An accepted exception: FAILED (and UNKNOWN) findings of one control on the resources whose id
 * matches a glob stay in every report, marked, and no longer count towards the exit code.
 *
 * @param control the control id
 * @param resourceGlob a glob over resourceId: {@code *} any run of characters, {@code ?} one
 * @param reason why it is accepted; required
 * @param expires the last day it applies, or null for no end
 * @param source where it was written, e.g. {@code .ecsguard.yml:12}
 */
public record Suppression(
    String control, String resourceGlob, String reason, LocalDate expires, String source) {
  // Each glob is compiled once, not once per finding it is tried on.
  private static final java.util.Map<String, Pattern> GLOBS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Whether it covers {@code finding} (expiry aside). */
  public boolean covers(Finding finding) {
    return finding.control().id().equals(control)
        && GLOBS
            .computeIfAbsent(resourceGlob, Suppression::glob)
            .matcher(finding.resourceId())
            .matches();
  }

  public boolean expiredOn(LocalDate today) {
    return expires != null && today.isAfter(expires);
  }

  private static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
