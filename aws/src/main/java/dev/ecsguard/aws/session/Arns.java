package dev.ecsguard.aws.session;

/** What ecsguard reads from an ARN, in the live scan, plans and journals alike. */
public final class Arns {
  private Arns() {}

  /** The name at the end of an ARN ({@code …:cluster/prod} → {@code prod}). */
  public static String name(String arn) {
    return arn == null ? "" : arn.substring(arn.lastIndexOf('/') + 1);
  }
}
