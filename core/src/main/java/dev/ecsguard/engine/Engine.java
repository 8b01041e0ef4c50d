package dev.ecsguard.engine;

/** The engine's entry point: what the {@code scan} command runs, and what a Java program calls. */
public final class Engine {
  private Engine() {}

  /**
   * Reads every input of {@code request} in order, evaluates its controls on every resource found
   * (those across resources at the end, over every input), and marks the findings its suppressions,
   * its baseline or the inputs' inline suppressions cover. Never throws for bad input: an input
   * that cannot be read is one of the result's {@link ScanResult#errors() errors}, and the scan
   * goes on with the others.
   */
  public static ScanResult scan(ScanRequest request) {
    ScanResult result =
        new ScanResult(request.selection(), request.baseline(), request.configuration());
    Today today = request.today() != null ? Today.of(request.today()) : Today.current();
    ScanListener listener =
        new Suppressing(request.suppressions(), request.baseline(), today, result);
    Scanner scanner =
        new Scanner(
            request.selection(),
            request.limits(),
            request.cloudFormationParameters(),
            request.terraformVariables(),
            today,
            request.exclusions());
    // One scan: a service links to a task definition of any input, the live scan's included.
    scanner.scanTogether(
        listener, () -> request.inputs().forEach(input -> input.scan(scanner, listener, result)));
    return result;
  }
}
