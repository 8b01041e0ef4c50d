package dev.ecsguard.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One in-process run of the CLI, with what it printed. */
record Run(int exitCode, String out, String err) {
  /** The account ASFF findings of files belong to (they need one): AWS's documentation account. */
  static final Map<String, String> ACCOUNT = Map.of("AWS_ACCOUNT_ID", "123456789012");

  static Run of(String... args) {
    return with(Map.of(), false, args);
  }

  /** {@code terminal}: whether standard output and standard error are both terminals. */
  static Run with(Map<String, String> environment, boolean terminal, String... args) {
    return withInput("", environment, terminal, args);
  }

  static Run withInput(
      String stdin, Map<String, String> environment, boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var in =
        new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    int code =
        Main.run(
            args,
            new Context(
                in, new PrintWriter(out), new PrintWriter(err), environment, terminal, terminal));
    return new Run(code, out.toString(), err.toString());
  }

  String all() {
    return out + err;
  }
}
