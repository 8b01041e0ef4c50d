package dev.ecsguard.guardrail;

/**
 * An event that cannot be judged without an AWS call, handled where none is allowed ({@code
 * guardrail invoke} without {@code --aws}).
 */
public final class NeedsAwsException extends GuardrailException {
  public NeedsAwsException(String what) {
    super(what + " needs AWS calls; run with --aws to make them");
  }
}
