package dev.ecsguard.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven through the DevTools protocol (a WebSocket, JSON messages): one page to
 * open files in, run script in, emulate media on and take screenshots of. What the page reports as
 * errors (uncaught exceptions, console and log errors) is kept for {@link #errors()}. The HTML
 * report's tests and its benchmark use it; it needs {@code chromium} on the PATH.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final WebSocket socket;
  private final String session;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();

  private HeadlessChromium(Process process, String webSocketUrl) throws Exception {
    this.process = process;
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(webSocketUrl), new Listener())
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    String target =
        call(null, "Target.createTarget", JSON.createObjectNode().put("url", "about:blank"))
            .path("targetId")
            .asText();
    this.session =
        call(
                null,
                "Target.attachToTarget",
                JSON.createObjectNode().put("targetId", target).put("flatten", true))
            .path("sessionId")
            .asText();
    send("Page.enable");
    send("Runtime.enable");
    send("Log.enable");
  }

  /** Starts Chromium with its profile in {@code profile} (a fresh directory). */
  public static HeadlessChromium start(Path profile) throws Exception {
    Files.createDirectories(profile);
    Process process;
    try {
      process =
          new ProcessBuilder(
                  "chromium",
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-quic",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--remote-debugging-port=0",
                  "--user-data-dir=" + profile,
                  "about:blank")
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "this needs Chromium (apt-get install chromium; .ci/run installs it)", e);
    }
    BufferedReader stderr =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = stderr.readLine()) != null) {
      Matcher listening = LISTENING.matcher(line);
      if (listening.find()) {
        Thread drain = new Thread(() -> stderr.lines().forEach(ignored -> {}));
        drain.setDaemon(true);
        drain.start(); // a full pipe would stop Chromium
        return new HeadlessChromium(process, listening.group(1));
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("Chromium ended without saying where DevTools listens");
  }

  /** Opens {@code file} and waits for its load event. */
  public void open(Path file) throws Exception {
    CompletableFuture<JsonNode> loaded = next("Page.loadEventFired");
    send("Page.navigate", JSON.createObjectNode().put("url", file.toUri().toString()));
    loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** The value of a script expression run in the page (a promise is awaited). */
  public JsonNode evaluate(String expression) throws Exception {
    JsonNode reply =
        send(
            "Runtime.evaluate",
            JSON.createObjectNode()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true));
    if (reply.has("exceptionDetails")) {
      throw new IllegalStateException(
          "the page's script failed: " + reply.path("exceptionDetails").toString());
    }
    return reply.path("result").path("value");
  }

  /** A media type ("print", "screen" or "") and a colour scheme ("light", "dark") to emulate. */
  public void emulate(String media, String colourScheme) throws Exception {
    ObjectNode params = JSON.createObjectNode().put("media", media);
    params
        .putArray("features")
        .addObject()
        .put("name", "prefers-color-scheme")
        .put("value", colourScheme);
    send("Emulation.setEmulatedMedia", params);
  }

  /** A PNG of the whole page, {@code width} CSS pixels wide, into {@code file}. */
  public void screenshot(Path file, int width) throws Exception {
    viewport(width, 1000); // the page's height at this width, then all of it (at most 8000)
    viewport(width, Math.min(evaluate("document.documentElement.scrollHeight").asInt(1000), 8000));
    JsonNode shot =
        send(
            "Page.captureScreenshot",
            JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  private void viewport(int width, int height) throws Exception {
    send(
        "Emulation.setDeviceMetricsOverride",
        JSON.createObjectNode()
            .put("width", width)
            .put("height", height)
            .put("deviceScaleFactor", 1)
            .put("mobile", false));
  }

  /** What the page reported as errors so far: uncaught exceptions, console and log errors. */
  public List<String> errors() {
    return new ArrayList<>(errors);
  }

  /** Sends a command to the page and waits for its result. */
  public JsonNode send(String method) throws Exception {
    return send(method, JSON.createObjectNode());
  }

  public JsonNode send(String method, ObjectNode params) throws Exception {
    return call(session, method, params);
  }

  private JsonNode call(String sessionId, String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket
        .sendText(JSON.writeValueAsString(message), true)
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    JsonNode answer = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (answer.has("error")) {
      throw new IllegalStateException(method + " failed: " + answer.path("error"));
    }
    return answer.path("result");
  }

  private CompletableFuture<JsonNode> next(String event) {
    return awaited.computeIfAbsent(event, e -> new CompletableFuture<>());
  }

  private void received(JsonNode message) {
    if (message.has("id")) {
      CompletableFuture<JsonNode> reply = pending.remove(message.path("id").asInt());
      if (reply != null) {
        reply.complete(message);
      }
      return;
    }
    String method = message.path("method").asText();
    JsonNode params = message.path("params");
    switch (method) {
      case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
      case "Runtime.consoleAPICalled" -> {
        if ("error".equals(params.path("type").asText())) {
          errors.add("console.error: " + params.path("args"));
        }
      }
      case "Log.entryAdded" -> {
        if ("error".equals(params.path("entry").path("level").asText())) {
          errors.add("log: " + params.path("entry").path("text").asText());
        }
      }
      default -> {}
    }
    CompletableFuture<JsonNode> waiting = awaited.remove(method);
    if (waiting != null) {
      waiting.complete(params);
    }
  }

  @Override
  public void close() {
    try {
      call(null, "Browser.close", JSON.createObjectNode());
    } catch (Exception ignored) {
      // it may close the socket before it answers
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Puts each message's fragments together and hands the whole to {@link #received}. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          received(JSON.readTree(text.toString()));
        } catch (IOException e) {
          errors.add("unreadable DevTools message: " + e.getMessage());
        }
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      pending.values().forEach(reply -> reply.completeExceptionally(error));
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      pending.values().forEach(reply -> reply.completeExceptionally(new IOException("closed")));
      return null;
    }
  }
}
