package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/run-release, what the GitHub Action and the pre-commit hook run: a release served from a
 * local directory (file://) holds a small jar that echoes its arguments.
 */
class RunReleaseScriptTest {
  private static final Path SCRIPT = Path.of("..", "scripts", "run-release").toAbsolutePath();
  private static final String JAR = "ecsguard-9.8.7.jar";

  @TempDir Path dir;
  private Path releases;
  private Path cache;

  /** The released jar's main class: prints its arguments. */
  public static final class Echo {
    public static void main(String[] args) {
      System.out.println("echo " + String.join(" ", args));
    }
  }

  record Result(int exitCode, String out, String err) {}

  @BeforeEach
  void publishRelease() throws IOException {
    releases = dir.resolve("releases");
    cache = dir.resolve("cache");
    Path release = Files.createDirectories(releases.resolve("v9.8.7"));
    Path jar = release.resolve(JAR);
    writeEchoJar(jar);
    Files.writeString(release.resolve(JAR + ".sha256"), sha256(jar) + "  " + JAR + "\n");
  }

  @Test
  void aGoodChecksumRunsTheJarAndACacheHitDownloadsNothing() throws Exception {
    Result first = run(Map.of("ECSGUARD_VERSION", "v9.8.7"), "scan", ".");
    assertThat(first.exitCode()).isEqualTo(0);
    assertThat(first.out()).isEqualTo("echo scan .\n");
    assertThat(first.err()).contains("downloading file://");
    assertThat(cache.resolve("9.8.7").resolve(JAR)).exists();

    deleteRecursively(releases); // a second run downloading anything would now fail
    Result second = run(Map.of("ECSGUARD_VERSION", "9.8.7"), "--version");
    assertThat(second.exitCode()).isEqualTo(0);
    assertThat(second.out()).isEqualTo("echo --version\n");
    assertThat(second.err()).isEmpty();
  }

  @Test
  void aBadChecksumIsRefusedInOneLineWithExitCode2() throws Exception {
    Files.writeString(
        releases.resolve("v9.8.7").resolve(JAR + ".sha256"), "0".repeat(64) + "  " + JAR + "\n");
    Result result = run(Map.of("ECSGUARD_VERSION", "9.8.7"), "scan", ".");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(
            result.err().lines().filter(line -> !line.startsWith("ecsguard: downloading")).toList())
        .containsExactly(
            "ecsguard: "
                + JAR
                + " does not match its checksum (expected "
                + "0".repeat(64)
                + ", got "
                + sha256(releases.resolve("v9.8.7").resolve(JAR))
                + "); refusing to run it.");
    assertThat(cache.resolve("9.8.7").resolve(JAR)).doesNotExist();
    try (var left = Files.list(cache.resolve("9.8.7"))) {
      assertThat(left).isEmpty(); // no partial download left behind
    }
  }

  @Test
  void aMissingReleaseSaysSo() throws Exception {
    Result result = run(Map.of("ECSGUARD_VERSION", "1.0.0"), "scan", ".");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("could not download file://")
        .contains("is there a release v1.0.0?");
  }

  @Test
  void aDevelopmentVersionHasNoRelease() throws Exception {
    Result result = run(Map.of("ECSGUARD_VERSION", "9.9.0-SNAPSHOT"), "scan", ".");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "ecsguard: '9.9.0-SNAPSHOT' is not a released version (X.Y.Z): pin a release tag (e.g. rev: v0.2.0) or set ECSGUARD_VERSION.\n");
  }

  @Test
  void theVersionIsTheEnvironmentsElseTheCheckoutsPomVersion() throws Exception {
    Result given = run(Map.of("ECSGUARD_VERSION", "v9.8.7", "ECSGUARD_PRINT_VERSION", "1"));
    assertThat(given.out()).isEqualTo("9.8.7\n");

    String pom = Files.readString(Path.of("..", "pom.xml"));
    Matcher own =
        Pattern.compile("<artifactId>ecsguard-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertThat(own.find()).isTrue();
    String checkout = own.group(1);
    Result fromPom = run(Map.of("ECSGUARD_PRINT_VERSION", "1"));
    if (checkout.endsWith("-SNAPSHOT")) { // between releases
      assertThat(fromPom.exitCode()).isEqualTo(2);
      assertThat(fromPom.err()).contains("'" + checkout + "' is not a released version");
    } else { // a release's commit
      assertThat(fromPom.out()).isEqualTo(checkout + "\n");
    }
  }

  @Test
  void aJavaOlderThan21IsRefused() throws Exception {
    Path oldJava = Files.createDirectories(dir.resolve("jdk-17").resolve("bin"));
    Files.writeString(oldJava.getParent().resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
    Path java = Files.writeString(oldJava.resolve("java"), "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Result result =
        run(
            Map.of("ECSGUARD_VERSION", "9.8.7", "JAVA_HOME", oldJava.getParent().toString()),
            "scan",
            ".");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "ecsguard: needs Java 21 or newer; "
                + java
                + " is Java 17 (set JAVA_HOME to a newer one).\n");
  }

  private Result run(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(concat(SCRIPT.toString(), args));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("ECSGUARD_RELEASE_URL", releases.toUri().toString());
    builder.environment().put("ECSGUARD_CACHE", cache.toString());
    builder.environment().remove("ECSGUARD_VERSION");
    builder.environment().putAll(environment);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    int code = builder.start().waitFor();
    return new Result(code, Files.readString(out), Files.readString(err));
  }

  private static List<String> concat(String first, String... rest) {
    return Stream.concat(Stream.of(first), Arrays.stream(rest)).toList();
  }

  private static void writeEchoJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Echo.class.getName());
    String entry = Echo.class.getName().replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        InputStream in = Echo.class.getResourceAsStream("/" + entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
