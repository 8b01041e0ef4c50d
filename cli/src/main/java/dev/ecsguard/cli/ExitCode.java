package dev.ecsguard.cli;

/** The process exit codes; the help text is generated from these, so the two cannot drift apart. */
public enum ExitCode {
  OK(0, "nothing FAILED"),
  FAILED(1, "at least one finding FAILED"),
  ERROR(2, "usage error, an input that could not be read, or no ECS resource found");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
