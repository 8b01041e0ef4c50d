package dev.ecsguard.engine;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * One thing a {@link ScanRequest} reads, in the order the request lists them: a file or directory,
 * a stream, or — from the aws module, which core must not depend on — live AWS accounts.
 */
public interface ScanInput {
  /**
   * Reads this input with {@code scanner} (the request's controls and limits), reporting to {@code
   * listener}, which applies the request's suppressions and baseline on the way to {@code result}.
   * {@code result} is there for what is no finding: a live scan's API calls.
   */
  void scan(Scanner scanner, ScanListener listener, ScanResult result);

  /**
   * A file, or a directory searched recursively; a path that does not exist is an error of the
   * scan.
   */
  record FileInput(Path path) implements ScanInput {
    @Override
    public void scan(Scanner scanner, ScanListener listener, ScanResult result) {
      scanner.scan(List.of(path), listener);
    }
  }

  /**
   * A document read from {@code in} (standard input, say), named {@code name} in findings and
   * errors; it can be read once.
   */
  record StreamInput(InputStream in, String name) implements ScanInput {
    @Override
    public void scan(Scanner scanner, ScanListener listener, ScanResult result) {
      scanner.scan(in, name, listener);
    }
  }
}
