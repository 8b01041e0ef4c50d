package dev.ecsguard.cli;

import dev.ecsguard.report.Printable;
import dev.ecsguard.secrets.Credentials;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks of the files options name (--tf-var-file, --cfn-param-file) before anything is read. */
final class OptionFiles {
  private OptionFiles() {}

  /**
   * Whether every one of {@code files} is a regular file; else says on {@code err} in one line
   * which is not. Named on the command line, a file is read wherever it is, but only as a regular
   * file: a pipe or a device would be waited on.
   */
  static boolean regularOrSay(String option, List<Path> files, PrintWriter err) {
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        // A value typed in the wrong place may be a secret: credential formats are masked.
        err.println(
            Printable.escape(
                Credentials.maskFormats(
                    "ecsguard: "
                        + option
                        + " "
                        + file
                        + ": "
                        + (Files.exists(file) ? "not a regular file" : "no such file"))));
        return false;
      }
    }
    return true;
  }
}
