package dev.ecsguard.tree;

/**
 * A value an input has but cannot give yet: a Terraform attribute known only after apply, a
 * CloudFormation expression that cannot be resolved. It stands where the value would be, and every
 * control that reads it is UNKNOWN with its reason.
 */
public final class UnresolvedNode extends Node {
  private final String reason;

  UnresolvedNode(
      Document document, Node parent, String key, int index, int line, int column, String reason) {
    super(document, parent, key, index, line, column);
    this.reason = reason;
  }

  /** Why the value is not known, naming the field or expression; never the value itself. */
  public String reason() {
    return reason;
  }

  @Override
  public String kind() {
    return "unresolved";
  }
}
