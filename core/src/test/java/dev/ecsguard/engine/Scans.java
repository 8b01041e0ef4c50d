package dev.ecsguard.engine;

import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test helpers: scan files or JSON text with chosen controls. */
public final class Scans {
  private Scans() {}

  public static ScanResult files(List<String> controls, Path... paths) {
    ScanResult result = new ScanResult();
    new Scanner(Selection.of(controls, List.of(), Map.of()), InputLimits.DEFAULT)
        .scan(List.of(paths), result);
    return result;
  }

  public static ScanResult json(String json, String... controls) {
    return json(json, Map.of(), controls);
  }

  public static ScanResult json(String json, Map<String, String> parameters, String... controls) {
    return text(json, "test.json", parameters, Map.of(), controls);
  }

  /**
   * Scans {@code text} as a file named {@code name} (its extension chooses JSON or YAML), with
   * control parameters and CloudFormation parameter values.
   */
  public static ScanResult text(
      String text,
      String name,
      Map<String, String> parameters,
      Map<String, String> cfnParameters,
      String... controls) {
    ScanResult result = new ScanResult();
    Scanner scanner =
        new Scanner(
            Selection.of(List.of(controls), List.of(), parameters),
            InputLimits.DEFAULT,
            cfnParameters,
            Map.of());
    try {
      scanner.scan(
          new DocumentReader(InputLimits.DEFAULT).read(text.getBytes(StandardCharsets.UTF_8), name),
          result);
    } catch (InputException e) {
      throw new AssertionError(e.getMessage(), e);
    }
    return result;
  }
}
