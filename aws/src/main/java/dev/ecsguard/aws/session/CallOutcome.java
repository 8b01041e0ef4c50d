package dev.ecsguard.aws.session;

import java.util.Arrays;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Tells apart a failed call AWS refused (every attempt answered 4xx: nothing was done) from one it
 * may have carried out: an attempt answered 5xx, or sent and never answered (a timeout, a
 * connection reset). The SDK's final exception tells neither, since the retries before it are lost,
 * so each attempt is watched here and such a call's exception carries a {@link MayHaveBeenMade}.
 */
public final class CallOutcome implements ExecutionInterceptor {
  private static final ExecutionAttribute<Boolean> AWAITING_ANSWER =
      new ExecutionAttribute<>("ecsguard.awaitingAnswer");
  private static final ExecutionAttribute<Boolean> MAY_HAVE_BEEN_MADE =
      new ExecutionAttribute<>("ecsguard.mayHaveBeenMade");

  /** Marks an exception whose call AWS may have carried out. */
  public static final class MayHaveBeenMade extends RuntimeException {
    MayHaveBeenMade() {
      super("the request may have reached AWS", null, false, false);
    }
  }

  /** Whether the call that threw {@code e} may have been carried out by AWS. */
  public static boolean unknown(Throwable e) {
    return Arrays.stream(e.getSuppressed()).anyMatch(MayHaveBeenMade.class::isInstance);
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    if (Boolean.TRUE.equals(attributes.getAttribute(AWAITING_ANSWER))) {
      attributes.putAttribute(
          MAY_HAVE_BEEN_MADE, true); // the attempt before was sent and never answered
    }
    attributes.putAttribute(AWAITING_ANSWER, true);
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    attributes.putAttribute(AWAITING_ANSWER, false);
    int status = context.httpResponse().statusCode();
    if (status < 400 || status >= 500) {
      attributes.putAttribute(MAY_HAVE_BEEN_MADE, true);
    }
  }

  @Override
  public Throwable modifyException(
      Context.FailedExecution context, ExecutionAttributes attributes) {
    Throwable exception = context.exception();
    if (Boolean.TRUE.equals(attributes.getAttribute(AWAITING_ANSWER))
        || Boolean.TRUE.equals(attributes.getAttribute(MAY_HAVE_BEEN_MADE))) {
      exception.addSuppressed(new MayHaveBeenMade());
    }
    return exception;
  }
}
