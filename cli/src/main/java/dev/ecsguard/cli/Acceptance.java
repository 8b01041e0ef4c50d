package dev.ecsguard.cli;

import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.config.Configuration;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Engine;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanRequest;
import dev.ecsguard.format.terraform.TerraformVariables;
import dev.ecsguard.tree.InputLimits;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a file's owners accepted: the controls with a FAILED finding that a suppression covers (in
 * .ecsguard.yml, or inline in the file), which a fix must leave as they are. A file is the unit: a
 * control accepted for one resource of a file is left alone in all of them, so that no fix undoes
 * an accepted exception.
 */
final class Acceptance {
  private final Configuration configuration;
  private final TerraformVariables tfVariables;

  /**
   * @throws IllegalArgumentException naming a control parameter of the configuration that is not
   *     valid, before any file is read
   */
  Acceptance(Configuration configuration, TerraformVariables tfVariables) {
    this.configuration = configuration;
    this.tfVariables = tfVariables;
    request(null);
  }

  /**
   * Control → the reason of the suppression that accepts it in {@code file}, whose content is
   * {@code text}.
   */
  Map<String, String> accepted(Path file, String text) {
    if (configuration.suppressions().isEmpty() && !text.contains("ecsguard")) {
      return Map.of(); // no suppression anywhere (inline ones name ecsguard): spare the scan
    }
    Map<String, String> accepted = new TreeMap<>(Catalogue.ORDER);
    for (Finding finding : Engine.scan(request(file)).findings()) {
      if (finding.status() == Status.FAILED && finding.suppressed()) {
        accepted.putIfAbsent(
            finding.control().id(),
            "suppressed for " + finding.resourceId() + ": " + finding.suppression().reason());
      }
    }
    return accepted;
  }

  /**
   * The scan of {@code file} (none: no input) with every control, the configuration's parameters
   * and suppressions.
   */
  private ScanRequest request(Path file) {
    ScanRequest.Builder request =
        ScanRequest.builder()
            .parameters(configuration.parameters())
            .suppressions(configuration.suppressions())
            .limits(InputLimits.DEFAULT)
            .terraformVariables(tfVariables);
    return (file == null ? request : request.path(file)).build();
  }
}
