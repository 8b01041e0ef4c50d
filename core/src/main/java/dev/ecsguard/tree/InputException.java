package dev.ecsguard.tree;

/**
 * A file that cannot be read as input. Its message is one line, {@code FILE:LINE:COLUMN: what is
 * wrong}, and never quotes the file's content, which may hold a secret.
 */
public final class InputException extends Exception {
  private final String file;
  private final int line;
  private final int column;
  private final String problem;

  public InputException(String file, int line, int column, String problem) {
    super(format(file, line, column, problem), null, false, true);
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  public InputException(String file, String problem) {
    this(file, 0, 0, problem);
  }

  /**
   * A failure inside ecsguard while reading {@code file}: {@code cause} is kept for --debug's stack
   * trace.
   */
  public InputException(String file, String problem, Throwable cause) {
    super(format(file, 0, 0, problem), cause, false, true);
    this.file = file;
    this.line = 0;
    this.column = 0;
    this.problem = problem;
  }

  private static String format(String file, int line, int column, String problem) {
    return line > 0 ? file + ":" + line + ":" + column + ": " + problem : file + ": " + problem;
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

  public String problem() {
    return problem;
  }
}
