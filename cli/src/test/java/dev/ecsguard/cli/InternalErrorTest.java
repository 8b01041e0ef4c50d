package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A fault ecsguard did not foresee still ends in one line and exit code 2, quoting no credential.
 */
class InternalErrorTest {
  private static final String KEY = "AKIAIOSFODNN7EXAMPLE";

  /** Standard output that fails as soon as anything is written to it. */
  private static Run failingOutput(Supplier<? extends Throwable> fault, String... args) {
    Writer broken =
        new Writer() {
          @Override
          public void write(char[] buffer, int offset, int length) {
            Throwable thrown = fault.get();
            if (thrown instanceof Error error) {
              throw error;
            }
            throw (RuntimeException) thrown;
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            new Context(
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(broken),
                new PrintWriter(err),
                Map.of(),
                false,
                false));
    return new Run(code, "", err.toString());
  }

  @Test
  void standardOutputThatCannotBeWrittenIsSaidAndExitCode2() throws java.io.IOException {
    Writer full =
        new Writer() {
          @Override
          public void write(char[] buffer, int offset, int length) throws java.io.IOException {
            throw new java.io.IOException("No space left on device");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.nio.file.Path task = java.nio.file.Files.createTempFile("td", ".json");
    java.nio.file.Files.writeString(
        task,
        "{\"family\": \"f\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"a:1\"}]}");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"scan", "--format", "sarif", task.toString()},
            new Context(
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(full),
                new PrintWriter(err),
                Map.of(),
                false,
                false));
    java.nio.file.Files.delete(task);
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("cannot write standard output");
  }

  @Test
  void anErrorIsOneLineAndExitCode2() {
    Run run = failingOutput(() -> new StackOverflowError(KEY), "controls");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .contains("internal error (StackOverflowError)")
        .doesNotContain(KEY);
  }

  @Test
  void anUnexpectedExceptionQuotesNoCredential() {
    Run run = failingOutput(() -> new IllegalStateException("read " + KEY + " here"), "controls");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .doesNotContain(KEY)
        .doesNotContain("at dev.ecsguard");
  }
}
