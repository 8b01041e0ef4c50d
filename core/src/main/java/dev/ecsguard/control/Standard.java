package dev.ecsguard.control;

import java.util.Arrays;
import java.util.Locale;

/**
 * The standard a control belongs to, told by its id: AWS Security Hub's controls are {@code ECS.n},
 * ecsguard's own {@code ECSG.n}. Selected with {@code --standard}; every report marks it.
 */
public enum Standard {
  SECURITY_HUB("securityhub", "AWS Security Hub", "ECS."),
  ECSGUARD("ecsguard", "ecsguard", "ECSG.");

  private final String label;
  private final String title;
  private final String idPrefix;

  Standard(String label, String title, String idPrefix) {
    this.label = label;
    this.title = title;
    this.idPrefix = idPrefix;
  }

  /**
   * The name {@code --standard} and the JSON reports use: {@code securityhub}, {@code ecsguard}.
   */
  public String label() {
    return label;
  }

  /** The name people read: "AWS Security Hub", "ecsguard". */
  public String title() {
    return title;
  }

  /** The standard of the control {@code id} (ECS.4, ECSG.1). */
  public static Standard of(String id) {
    return Arrays.stream(values())
        .filter(standard -> id.startsWith(standard.idPrefix))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("control id " + id + " is neither ECS.n nor ECSG.n"));
  }

  /** The standard labelled {@code label}, in any case; null when there is none. */
  public static Standard named(String label) {
    String wanted = label.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(standard -> standard.label.equals(wanted))
        .findFirst()
        .orElse(null);
  }
}
