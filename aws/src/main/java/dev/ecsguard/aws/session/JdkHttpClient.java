package dev.ecsguard.aws.session;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The SDK's HTTP client over the JDK's {@link HttpClient}, for the calls the URL-connection client
 * cannot make: {@code HttpURLConnection} refuses PATCH, which Security Hub's BatchUpdateFindings is
 * (aws-sdk-java-v2 issue 3046). The request body is sent whole, with its length, as it was signed.
 */
final class JdkHttpClient implements SdkHttpClient {
  /** Headers the JDK sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        SdkHttpRequest http = request.httpRequest();
        HttpRequest.Builder builder =
            HttpRequest.newBuilder(http.getUri()).timeout(Duration.ofSeconds(60));
        http.forEachHeader(
            (name, values) -> {
              if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
              }
            });
        byte[] body = new byte[0];
        if (request.contentStreamProvider().isPresent()) {
          try (InputStream in = request.contentStreamProvider().get().newStream()) {
            body = in.readAllBytes();
          }
        }
        builder.method(http.method().name(), HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<InputStream> response;
        try {
          response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
        SdkHttpFullResponse.Builder answer =
            SdkHttpFullResponse.builder().statusCode(response.statusCode());
        response.headers().map().forEach(answer::putHeader);
        return HttpExecuteResponse.builder()
            .response(answer.build())
            .responseBody(AbortableInputStream.create(response.body()))
            .build();
      }

      @Override
      public void abort() {
        // the call's timeout bounds it
      }
    };
  }

  @Override
  public void close() {
    client.close();
  }
}
