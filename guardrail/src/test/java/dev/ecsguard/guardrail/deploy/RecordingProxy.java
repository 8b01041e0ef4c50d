package dev.ecsguard.guardrail.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ecsguard.aws.FaultyEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    if (faults.containsKey(operation)) {
      byte[] error =
          ("<ErrorResponse><Error><Type>Sender</Type><Code>"
                  + faults.get(operation)
                  + "</Code><Message>injected by the test</Message></Error></ErrorResponse>")
              .getBytes(StandardCharsets.UTF_8);
      try (exchange) {
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(403, error.length);
        exchange.getResponseBody().write(error);
      }
      return;
    }
    FaultyEndpoint.relay(
        client,
        FaultyEndpoint.forward(target, exchange, body),
        exchange,
        response ->
            answers.containsKey(operation)
                ? answers
                    .get(operation)
                    .apply(new String(response.body(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8)
                : response.body());
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
