package dev.ecsguard.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real HTTP endpoint in front of moto that answers chosen ECS operations, in a chosen region,
 * with an AWS error (access denied, throttling), before or after moto carried them out, or rewrites
 * moto's answer, and passes everything else through: how the tests make calls fail the way AWS
 * makes them fail. An operation is named as its X-Amz-Target names it ({@code DescribeServices}),
 * or, for a REST API, by method and path ({@code PATCH /findings/batchupdate}).
 */
public final class FaultyEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final URI target;
  private final HttpClient client = HttpClient.newHttpClient();
  private final Map<String, Fault> faults =
      new ConcurrentHashMap<>(); // "DescribeServices eu-west-1" → fault
  private final Map<String, java.util.function.UnaryOperator<String>> rewrites =
      new ConcurrentHashMap<>(); // operation → request body rewrite
  private final Map<String, java.util.function.UnaryOperator<String>> answers =
      new ConcurrentHashMap<>(); // operation → answer body rewrite
  private final Map<String, java.util.function.UnaryOperator<String>> standIns =
      new ConcurrentHashMap<>(); // operation → its answer, made from the request body

  /**
   * {@code reachesMoto}: moto carries the call out before the error is answered; {@code left}: how
   * many calls still fail (negative: all).
   */
  record Fault(
      int status,
      String code,
      boolean reachesMoto,
      java.util.concurrent.atomic.AtomicInteger left) {
    boolean strikes() {
      return left.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0;
    }
  }

  public FaultyEndpoint(URI target) throws IOException {
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every call of {@code operation} in {@code region} fails with {@code code}. */
  public void fail(String operation, String region, int status, String code) {
    faults.put(
        operation + " " + region,
        new Fault(status, code, false, new java.util.concurrent.atomic.AtomicInteger(-1)));
  }

  /**
   * The next {@code times} calls of {@code operation} in {@code region} reach moto, which carries
   * them out, and are then answered with {@code code}: an AWS error after the change was made.
   */
  public void failAfterReaching(
      String operation, String region, int times, int status, String code) {
    faults.put(
        operation + " " + region,
        new Fault(status, code, true, new java.util.concurrent.atomic.AtomicInteger(times)));
  }

  /** Every answer moto gives to {@code operation} is rewritten before it is sent on. */
  public void answer(String operation, java.util.function.UnaryOperator<String> body) {
    answers.put(operation, body);
  }

  /**
   * Every call of {@code operation} reaches moto with its request body rewritten (to stand in for
   * what moto lacks).
   */
  public void rewrite(String operation, java.util.function.UnaryOperator<String> body) {
    rewrites.put(operation, body);
  }

  /**
   * Every call of {@code operation} is answered here (HTTP 200), with what {@code answer} makes of
   * the request body, and never reaches moto: an operation moto lacks for these resources.
   */
  public void standIn(String operation, java.util.function.UnaryOperator<String> answer) {
    standIns.put(operation, answer);
  }

  /** Stops every injected failure. */
  public void healAll() {
    faults.clear();
    answers.clear();
    standIns.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    // JSON protocols name the operation in X-Amz-Target; REST ones (Security Hub) by method and
    // path.
    String operation =
        target != null
            ? target.substring(target.indexOf('.') + 1)
            : exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    if (rewrites.containsKey(operation)) {
      body =
          rewrites
              .get(operation)
              .apply(new String(body, StandardCharsets.UTF_8))
              .getBytes(StandardCharsets.UTF_8);
    }
    if (standIns.containsKey(operation)) {
      byte[] answer =
          standIns
              .get(operation)
              .apply(new String(body, StandardCharsets.UTF_8))
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
      return;
    }
    String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
    String region = authorization.replaceFirst(".*Credential=[^/]+/\\d+/([a-z0-9-]+)/.*", "$1");
    Fault fault = faults.get(operation + " " + region);
    if (fault != null && fault.strikes()) {
      if (fault.reachesMoto()) {
        try {
          client.send(
              forward(this.target, exchange, body).build(), HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] error =
          ("{\"__type\":\"" + fault.code() + "\",\"message\":\"injected by the test\"}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.getResponseHeaders().add("x-amzn-ErrorType", fault.code());
      exchange.sendResponseHeaders(fault.status(), error.length);
      exchange.getResponseBody().write(error);
      exchange.close();
      return;
    }
    relay(
        client,
        forward(this.target, exchange, body),
        exchange,
        response ->
            answers.containsKey(operation) && response.statusCode() == 200
                ? answers
                    .get(operation)
                    .apply(new String(response.body(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8)
                : response.body());
  }

  /**
   * Sends {@code request} on to the emulator and answers {@code exchange} with its status, headers
   * and the body {@code answer} makes of its response; closes the exchange.
   */
  public static void relay(
      HttpClient client,
      HttpRequest.Builder request,
      HttpExchange exchange,
      java.util.function.Function<HttpResponse<byte[]>, byte[]> answer)
      throws IOException {
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] body = answer.apply(response);
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!List.of("content-length", "transfer-encoding", "connection", ":status")
                    .contains(name.toLowerCase(java.util.Locale.ROOT))) {
                  values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
              });
      exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(502, -1);
    } finally {
      exchange.close();
    }
  }

  /**
   * {@code exchange}'s request, to be sent on to {@code target} with its method, body and headers.
   */
  public static HttpRequest.Builder forward(URI target, HttpExchange exchange, byte[] body) {
    HttpRequest.Builder forward =
        HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!List.of("host", "content-length", "connection", "expect")
                  .contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> forward.header(name, value));
              }
            });
    return forward;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
