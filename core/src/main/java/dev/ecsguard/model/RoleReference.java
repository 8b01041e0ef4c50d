package dev.ecsguard.model;

import dev.ecsguard.tree.UnresolvedNode;

/**
 * An IAM role as a task definition names it: its ARN (or name) as written, or, where that is known
 * only at deployment, what it refers to ({@code Fn::GetAtt TaskRole.Arn} is {@code TaskRole}; a
 * Terraform {@code aws_iam_role.task.arn}). Exactly one of the two is set.
 *
 * @param arn the ARN or role name as written; null when it is a reference
 * @param reference what the value refers to; null when the ARN is written
 */
public record RoleReference(String arn, String reference) {
  public RoleReference {
    if ((arn == null) == (reference == null)) {
      throw new IllegalArgumentException("a role is an ARN or a reference");
    }
  }

  public static RoleReference arn(String arn) {
    return new RoleReference(arn, null);
  }

  public static RoleReference to(String reference) {
    return new RoleReference(null, reference);
  }

  /**
   * Whether the role is a value given at deployment (a parameter's): another reference may then be
   * given the same role.
   */
  public boolean givenAtDeployment() {
    return reference != null && reference.startsWith(UnresolvedNode.PARAMETER);
  }
}
