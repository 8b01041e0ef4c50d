package dev.ecsguard.guardrail.hook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsguard.guardrail.GuardrailException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A STACK or CHANGE_SET request's payload, fetched from the presigned S3 URL in {@code
 * requestData.payload} with the JDK's HTTP client: bounded in size (by its stated length, which S3
 * always gives) and in time, the whole exchange, body included (the hook answers within 30
 * seconds). The URL is itself a credential (its signature), so no message ever quotes it.
 */
final class HookPayload {
  /**
   * A template is at most 1 MB (S3); the payload holds it with the previous template or the
   * changes, far less than this.
   */
  static final int MAX_BYTES = 16 * 1024 * 1024;

  /** The whole exchange: connecting, the answer's headers and its body. */
  static final Duration TIMEOUT = Duration.ofSeconds(15);

  // Plain HTTP only to this machine, as tests and a local try serve it; S3 is always HTTPS.
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private static final ObjectMapper JSON = new ObjectMapper();

  private HookPayload() {}

  static JsonNode fetch(String url) throws GuardrailException {
    URI uri = uri(url);
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    try {
      HttpResponse<byte[]> response =
          client
              .sendAsync(HttpRequest.newBuilder(uri).GET().build(), HookPayload::bounded)
              .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (response.statusCode() != 200) {
        throw new GuardrailException(
            "fetching the hook's payload answered HTTP " + response.statusCode());
      }
      if (response.body() == null) {
        throw new GuardrailException(
            "the hook's payload is larger than " + MAX_BYTES + " bytes or does not say its length");
      }
      return parse(response.body());
    } catch (TimeoutException e) {
      throw new GuardrailException("fetching the hook's payload timed out", e);
    } catch (ExecutionException e) {
      // Exception messages may name the URL: only the kind of failure is said.
      throw new GuardrailException(
          "cannot fetch the hook's payload (" + e.getCause().getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GuardrailException("fetching the hook's payload was interrupted", e);
    } finally {
      client.shutdownNow(); // a body still arriving after the deadline is abandoned
    }
  }

  /** The body, when the answer is a 200 that states a length within the bound; else none. */
  private static HttpResponse.BodySubscriber<byte[]> bounded(HttpResponse.ResponseInfo info) {
    long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    return info.statusCode() == 200 && length >= 0 && length <= MAX_BYTES
        ? HttpResponse.BodySubscribers.ofByteArray()
        : HttpResponse.BodySubscribers.replacing(null);
  }

  private static URI uri(String url) throws GuardrailException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new GuardrailException("requestData.payload is not a URL");
    }
    boolean https = "https".equals(uri.getScheme()) && uri.getHost() != null;
    boolean localHttp = "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost());
    if (!https && !localHttp) {
      throw new GuardrailException("requestData.payload is not an https URL");
    }
    return uri;
  }

  private static JsonNode parse(byte[] bytes) throws GuardrailException {
    try {
      JsonNode payload = JSON.readTree(bytes);
      if (payload == null || !payload.isObject()) {
        throw new GuardrailException("the hook's payload is not a JSON object");
      }
      return payload;
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the text, which may hold a secret.
      throw new GuardrailException("the hook's payload is not JSON");
    } catch (IOException e) {
      throw new GuardrailException("cannot read the hook's payload", e);
    }
  }
}
