package dev.ecsguard.aws.session;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** An AWS call that failed for good (after the SDK's retries), named with the error code. */
public final class AwsCallException extends Exception {
  private final String call;
  private final String code;

  public AwsCallException(String call, String code) {
    super(call + " failed: " + code);
    this.call = call;
    this.code = code;
  }

  public static AwsCallException of(String call, RuntimeException e) {
    return new AwsCallException(call, describe(e));
  }

  /**
   * The AWS error code (AccessDeniedException, ThrottlingException…), or what kept the call from
   * AWS.
   */
  public static String describe(Exception e) {
    if (e instanceof AwsServiceException service
        && service.awsErrorDetails() != null
        && service.awsErrorDetails().errorCode() != null) {
      return service.awsErrorDetails().errorCode();
    }
    if (e instanceof AwsServiceException service) {
      return "HTTP " + service.statusCode();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (message.startsWith("Unable to load credentials")) {
      // The SDK lists every provider it tried, with all their messages, on one very long line.
      return "no credentials: none in the environment, aws.* system properties, web identity, profiles, container or instance role; set some or give --profile";
    }
    int newline = message.indexOf('\n');
    message = newline < 0 ? message : message.substring(0, newline);
    return (e instanceof SdkClientException ? "no answer: " : "") + message;
  }

  public String call() {
    return call;
  }

  public String code() {
    return code;
  }
}
