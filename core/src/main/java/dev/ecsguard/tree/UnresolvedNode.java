package dev.ecsguard.tree;

/**
 * A value an input has but cannot give yet: a Terraform attribute known only after apply, a
 * CloudFormation expression that cannot be resolved. It stands where the value would be, and every
 * control that reads it is UNKNOWN with its reason.
 */
public final class UnresolvedNode extends Node {
  /**
   * Starts a {@link #reference()} to a value given at deployment (a CloudFormation parameter): the
   * same reference is the same value, but a different one may be given that value too.
   */
  public static final String PARAMETER = "parameter ";

  private final String reason;
  private final String reference;
  private final String knownEnding;

  UnresolvedNode(
      Document document,
      Node parent,
      String key,
      int index,
      int line,
      int column,
      String reason,
      String reference,
      String knownEnding) {
    super(document, parent, key, index, line, column);
    this.reason = reason;
    this.reference = reference;
    this.knownEnding = knownEnding == null || knownEnding.isEmpty() ? null : knownEnding;
  }

  /** Why the value is not known, naming the field or expression; never the value itself. */
  public String reason() {
    return reason;
  }

  /**
   * What the value is, where the format can name it though not give it: two unresolved values with
   * the same reference are equal, two with different ones are different resources' (a
   * CloudFormation logical id of {@code Ref} or {@code Fn::GetAtt ... Arn}, a Terraform resource's
   * attribute such as {@code aws_iam_role.task.arn}) unless one names a parameter ({@link
   * #PARAMETER}, then they may be equal); null when there is none.
   */
  public String reference() {
    return reference;
  }

  /**
   * The literal text the value is known to end with, where it is text built around unresolved parts
   * ({@code ":latest"} of CloudFormation's {@code !Sub "${Repo}:latest"}); null when none is known.
   */
  public String knownEnding() {
    return knownEnding;
  }

  @Override
  public String kind() {
    return "unresolved";
  }
}
