package dev.ecsguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Use as a library" example, exactly as written there: it compiles, runs on examples/
 * and prints what the README shows.
 */
class LibraryExampleTest {
  private static final Path README = Path.of("../README.md");

  @TempDir Path directory;

  @Test
  void theReadmesExampleCompilesRunsAndPrintsWhatTheReadmeShows()
      throws IOException, InterruptedException {
    String section = section(Files.readString(README), "## Use as a library");
    String source = block(section, "java");
    Matcher name = Pattern.compile("public class (\\w+)").matcher(source);
    assertThat(name.find()).as("the example's public class").isTrue();
    Path file = directory.resolve(name.group(1) + ".java");
    Files.writeString(file, source);
    String classpath = System.getProperty("java.class.path");

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled =
        javac
            .getTask(
                diagnostics,
                null,
                null,
                List.of("-proc:none", "-classpath", classpath, "-d", directory.toString()),
                null,
                javac
                    .getStandardFileManager(null, null, StandardCharsets.UTF_8)
                    .getJavaFileObjects(file))
            .call();
    assertThat(compiled).as(diagnostics.toString()).isTrue();

    Process run =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                directory + File.pathSeparator + classpath,
                name.group(1),
                "../examples")
            .redirectError(directory.resolve("stderr").toFile())
            .start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(directory.resolve("stderr"))).isEmpty();
    assertThat(run.exitValue()).isZero();
    assertThat(output.lines())
        .containsAll(block(section, "text").lines().filter(line -> !line.equals("…")).toList());
  }

  /** From {@code heading} to the next heading of its level. */
  private static String section(String markdown, String heading) {
    int start = markdown.indexOf("\n" + heading + "\n");
    assertThat(start).as(heading).isNotNegative();
    int end = markdown.indexOf("\n## ", start + heading.length() + 1);
    return markdown.substring(start, end < 0 ? markdown.length() : end);
  }

  /** The first fenced block of {@code language} in {@code markdown}. */
  private static String block(String markdown, String language) {
    Matcher block =
        Pattern.compile("\n```" + language + "\n(.*?)\n```\n", Pattern.DOTALL).matcher(markdown);
    assertThat(block.find()).as("a ```" + language + " block").isTrue();
    return block.group(1);
  }
}
