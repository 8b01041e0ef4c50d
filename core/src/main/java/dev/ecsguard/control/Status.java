package dev.ecsguard.control;

/** A control's verdict on one resource. */
public enum Status {
  /** Every value the control looks at is known and compliant. */
  PASSED,
  /** At least one value the control looks at is known and not compliant. */
  FAILED,
  /** The resource is outside the control's scope. */
  NOT_APPLICABLE,
  /** A value the control needs is unresolved or unreadable; never to be taken as PASSED. */
  UNKNOWN
}
