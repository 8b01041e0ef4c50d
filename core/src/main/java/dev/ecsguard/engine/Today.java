package dev.ecsguard.engine;

import java.time.LocalDate;

/**
 * The day suppressions' expiry dates are judged on: one given, or the system's date, looked up the
 * first time a suppression with an expiry date meets a finding. Most scans meet none, and the
 * lookup is not free at start-up: the system's time zone loads the JDK's time-zone rules, and their
 * service lookup opens every jar on the class path (the AWS SDK's too).
 */
final class Today {
  private final LocalDate given;
  private LocalDate current;

  private Today(LocalDate given) {
    this.given = given;
  }

  static Today of(LocalDate day) {
    return new Today(day);
  }

  /** The system's date when first asked for, then that same day for the rest of the scan. */
  static Today current() {
    return new Today(null);
  }

  synchronized LocalDate get() {
    if (given != null) {
      return given;
    }
    if (current == null) {
      current = LocalDate.now();
    }
    return current;
  }
}
