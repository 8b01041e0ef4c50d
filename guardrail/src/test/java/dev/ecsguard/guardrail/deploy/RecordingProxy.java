package dev.ecsguard.guardrail.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * An HTTP endpoint in front of moto that records every call's operation, as it crosses the wire
 * (the query protocol's Action, or a JSON protocol's X-Amz-Target), answers chosen operations with
 * an AWS error instead of passing them on, and rewrites moto's answers to others.
 */
final class RecordingProxy implements AutoCloseable {
  private final HttpServer server;
  private final URI target;
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<String> operations = new CopyOnWriteArrayList<>();
  private final Map<String, String> faults = new ConcurrentHashMap<>();
  private final Map<String, UnaryOperator<String>> answers = new ConcurrentHashMap<>();

  RecordingProxy(URI target) throws IOException {
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The operations called so far, in order. */
  List<String> operations() {
    return List.copyOf(operations);
  }

  void clear() {
    operations.clear();
    faults.clear();
    answers.clear();
  }

  /** Every call of {@code operation} is answered with the AWS error {@code code}. */
  void fail(String operation, String code) {
    faults.put(operation, code);
  }

  /** Every answer moto gives to {@code operation} is rewritten before it is passed on. */
  void answer(String operation, UnaryOperator<String> rewrite) {
    answers.put(operation, rewrite);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    String operation =
        amzTarget != null ? amzTarget.substring(amzTarget.indexOf('.') + 1) : action(body);
    operations.add(operation);
    try {
      if (faults.containsKey(operation)) {
        String code = faults.get(operation);
        byte[] error =
            ("<ErrorResponse><Error><Type>Sender</Type><Code>"
                    + code
                    + "</Code><Message>injected by the test</Message></Error></ErrorResponse>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(403, error.length);
        exchange.getResponseBody().write(error);
        return;
      }
      HttpRequest.Builder forward =
          HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!List.of("host", "content-length", "connection", "expect")
                    .contains(name.toLowerCase(Locale.ROOT))) {
                  values.forEach(value -> forward.header(name, value));
                }
              });
      HttpResponse<byte[]> response =
          client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!List.of("content-length", "transfer-encoding", "connection", ":status")
                    .contains(name.toLowerCase(Locale.ROOT))) {
                  values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
              });
      byte[] answer =
          answers.containsKey(operation)
              ? answers
                  .get(operation)
                  .apply(new String(response.body(), StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8)
              : response.body();
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      exchange.getResponseBody().write(answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(502, -1);
    } finally {
      exchange.close();
    }
  }

  private static String action(byte[] body) {
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      if (pair.startsWith("Action=")) {
        return URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
      }
    }
    return "(unknown)";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
