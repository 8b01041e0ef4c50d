package dev.ecsguard.control;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the remedies of one resource share: the user's options, the steps left to the user, and what
 * the task's execution role must now allow.
 */
public final class RemedyContext {
  /**
   * What a remedy made the task need its execution role for; ECS refuses to register it without
   * one.
   */
  public enum ExecutionRoleUse {
    SECRETS("read the secrets"),
    LOGS("write the awslogs log group");

    private final String words;

    ExecutionRoleUse(String words) {
      this.words = words;
    }

    /** What the role must be allowed to do, as a step says it. */
    public String words() {
      return words;
    }
  }

  private final RemedyOptions options;
  private final List<String> instructions = new ArrayList<>();
  private final Set<ExecutionRoleUse> executionRoleUses = EnumSet.noneOf(ExecutionRoleUse.class);

  private final boolean failedHere;

  /** For remedies run on every resource of their types, each checking what it fixes (fix). */
  public RemedyContext(RemedyOptions options) {
    this(options, false);
  }

  private RemedyContext(RemedyOptions options, boolean failedHere) {
    this.options = options;
    this.failedHere = failedHere;
  }

  /**
   * For remedies run on a resource because one of their controls FAILED on it (apply, which knows
   * the scan's findings): a remedy whose failure no single resource shows (ECSG.11, judged across
   * resources) acts only then.
   */
  public static RemedyContext forFailed(RemedyOptions options) {
    return new RemedyContext(options, true);
  }

  /**
   * Whether one of the remedy's controls FAILED on this resource; false where that is not known.
   */
  public boolean failedHere() {
    return failedHere;
  }

  public RemedyOptions options() {
    return options;
  }

  /**
   * Leaves {@code step} to the user (never a variable's value); a step two remedies give is said
   * once.
   */
  public void instruct(String step) {
    if (!instructions.contains(step)) {
      instructions.add(step);
    }
  }

  /** The steps, in the order they were given. */
  public List<String> instructions() {
    return instructions;
  }

  public void needsExecutionRole(ExecutionRoleUse use) {
    executionRoleUses.add(use);
  }

  /** What the remedies made the task need its execution role for, in a fixed order. */
  public Set<ExecutionRoleUse> executionRoleUses() {
    return executionRoleUses;
  }
}
