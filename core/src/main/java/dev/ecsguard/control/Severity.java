package dev.ecsguard.control;

/** Security Hub's severity labels. */
public enum Severity {
  HIGH,
  MEDIUM,
  LOW;

  /** "High", as the AWS documentation writes it. */
  public String title() {
    return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
