package dev.ecsguard.control;

/** Security Hub's severity labels. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW;

  /**
   * The severity named {@code name} in any case ({@code high}, {@code High}…); null when there is
   * none.
   */
  public static Severity named(String name) {
    for (Severity severity : values()) {
      if (severity.name().equalsIgnoreCase(name.strip())) {
        return severity;
      }
    }
    return null;
  }

  /** "High", as the AWS documentation writes it. */
  public String title() {
    return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
