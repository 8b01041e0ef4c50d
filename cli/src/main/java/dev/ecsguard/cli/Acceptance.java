package dev.ecsguard.cli;

import dev.ecsguard.config.Configuration;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.engine.Suppressing;
import dev.ecsguard.tree.InputLimits;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a file's owners accepted: the controls with a FAILED finding that a suppression covers
 * (in .ecsguard.yml, or inline in the file), which a fix must leave as they are. A file is the
 * unit: a control accepted for one resource of a file is left alone in all of them, so that no
 * fix undoes an accepted exception.
 */
final class Acceptance {
  private final Configuration configuration;
  private final Scanner scanner;

  Acceptance(Configuration configuration, Map<String, String> tfVariables) {
    this.configuration = configuration;
    this.scanner = new Scanner(Selection.of(List.of(), List.of(), configuration.parameters()), InputLimits.DEFAULT, Map.of(), tfVariables);
  }

  /** Control → the reason of the suppression that accepts it in {@code file}, whose content is {@code text}. */
  Map<String, String> accepted(Path file, String text) {
    if (configuration.suppressions().isEmpty() && !text.contains("ecsguard")) {
      return Map.of(); // no suppression anywhere (inline ones name ecsguard): spare the scan
    }
    ScanResult result = new ScanResult();
    scanner.scan(List.of(file), new Suppressing(configuration.suppressions(), LocalDate.now(), result));
    Map<String, String> accepted = new TreeMap<>(dev.ecsguard.catalog.Catalogue.ORDER);
    for (Finding finding : result.findings()) {
      if (finding.status() == Status.FAILED && finding.suppressed()) {
        accepted.putIfAbsent(finding.control().id(), "suppressed for " + finding.resourceId() + ": " + finding.suppression().reason());
      }
    }
    return accepted;
  }
}
