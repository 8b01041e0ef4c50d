package dev.ecsguard.aws;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * moto in server mode, the ECS API emulator the live-scan tests run against: started on a free
 * loopback port, seeded with boto3, stopped when closed.
 */
public final class MotoServer implements AutoCloseable {
  private static final Pattern PORT = Pattern.compile("Running on http://127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final URI endpoint;

  private MotoServer(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /**
   * Starts moto, with the credentials and region it expects set as the SDK's system properties
   * (what a user sets as AWS_ACCESS_KEY_ID and the like), for the default credential chain.
   */
  public static MotoServer startWithTestCredentials() throws IOException, InterruptedException {
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
    System.setProperty("aws.region", "us-east-1");
    return start();
  }

  public static MotoServer start() throws IOException, InterruptedException {
    Process check =
        new ProcessBuilder("python3", "-c", "import moto, boto3").redirectErrorStream(true).start();
    if (!check.waitFor(60, TimeUnit.SECONDS) || check.exitValue() != 0) {
      throw new IllegalStateException(
          "the live-scan tests need moto's server and boto3 for python3 (python3 -c 'import moto, boto3' failed); install them (pip install 'moto[server]' boto3)");
    }
    Process process =
        new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", "0")
            .redirectErrorStream(true)
            .start();
    BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> port =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                for (String line; (line = output.readLine()) != null; ) {
                  Matcher matcher = PORT.matcher(line);
                  if (matcher.find()) {
                    return Integer.parseInt(matcher.group(1));
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
              return -1;
            });
    int chosen;
    try {
      chosen = port.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      chosen = -1;
    }
    if (chosen < 0) {
      process.destroyForcibly();
      throw new IllegalStateException("moto's server did not start (python3 -m moto.server)");
    }
    Thread drain = new Thread(() -> output.lines().forEach(line -> {}), "moto-output");
    drain.setDaemon(true);
    drain.start();
    return new MotoServer(process, URI.create("http://127.0.0.1:" + chosen));
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Wipes every account's state. */
  public void reset() throws IOException, InterruptedException {
    HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.discarding());
  }

  /**
   * Runs a seeding script from the test resources with boto3, against this server; returns what it
   * printed.
   */
  public String seed(String script, String... arguments) throws IOException, InterruptedException {
    Path file = Files.createTempFile("ecsguard-seed", ".py");
    try (var in = MotoServer.class.getResourceAsStream(script)) {
      Files.write(file, in.readAllBytes());
    }
    String[] command = new String[3 + arguments.length];
    command[0] = "python3";
    command[1] = file.toString();
    command[2] = endpoint.toString();
    System.arraycopy(arguments, 0, command, 3, arguments.length);
    Process seeding = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(seeding.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!seeding.waitFor(120, TimeUnit.SECONDS) || seeding.exitValue() != 0) {
      throw new IllegalStateException("seeding moto failed: " + output);
    }
    Files.deleteIfExists(file);
    return output.strip();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
