package dev.ecsguard.guardrail;

/**
 * An event the guardrail cannot judge, in one line: malformed, of an unknown shape, or needing an
 * AWS call that failed or was not allowed. Its message never quotes a value of the event.
 */
public class GuardrailException extends Exception {
  public GuardrailException(String message) {
    super(message);
  }

  public GuardrailException(String message, Throwable cause) {
    super(message, cause);
  }
}
