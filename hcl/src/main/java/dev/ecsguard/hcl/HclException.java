package dev.ecsguard.hcl;

/**
 * Text that is not HCL: where it stopped and why. Its message is one line, {@code FILE:LINE:COLUMN:
 * malformed HCL: what is wrong}, and never quotes the text, which may hold a secret; a caller turns
 * it into its own input error with the same parts.
 */
public final class HclException extends Exception {
  private final String file;
  private final int line;
  private final int column;
  private final String problem;

  HclException(String file, int line, int column, String message) {
    super(file + ":" + line + ":" + column + ": malformed HCL: " + message, null, false, true);
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = "malformed HCL: " + message;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** What is wrong, without the file and position: {@code malformed HCL: …}. */
  public String problem() {
    return problem;
  }
}
