package dev.ecsguard.control;

import dev.ecsguard.model.ResourceType;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The single source of a control's metadata; its long explanation is the lesson file named by
 * {@link #id()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ControlSpec {
  /** AWS's id (ECS.4) for Security Hub controls, ECSG.n for ecsguard's own. */
  String id();

  String title();

  Severity severity();

  ResourceType resourceType();

  /** The AWS Config managed rule behind the control; empty for ecsguard's own controls. */
  String configRule() default "";

  /** The fix in one sentence. */
  String remediation();

  /** What is out of scope (NOT_APPLICABLE); empty when every resource of the type is in scope. */
  String outOfScope() default "";

  /**
   * The Security Hub standards AWS lists the control in (its page in Security Hub's control
   * reference); empty for ecsguard's own controls.
   */
  SecurityHubStandard[] standards() default {};

  /**
   * The framework requirements AWS relates the control to ({@code NIST.800-53.r5 AC-6}), as its
   * page lists them; empty where AWS lists none or for ecsguard's own.
   */
  String[] relatedRequirements() default {};

  /** Retired by AWS: runs only when selected by id. */
  boolean retired() default false;

  Parameter[] parameters() default {};

  /** A setting of the control, given on the command line as {@code --param ID.NAME=VALUE}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({})
  @interface Parameter {
    String name();

    String description();

    ParameterType type();

    /** Empty for none. */
    String defaultValue() default "";
  }
}
