package dev.ecsguard.fix.shared;

import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of fixing one file, whatever its target: the fixed text ({@code fixed} is null when
 * the file holds nothing ecsguard fixes), a unified diff against the original, the proof (FAILED
 * findings by control that the fix removes and that remain) and the steps left to the user.
 */
public record FixResult(
    String fixed,
    String diff,
    Map<String, Integer> removed,
    Map<String, Integer> remaining,
    List<String> instructions) {
  public boolean changed() {
    return fixed != null && !diff.isEmpty();
  }

  /** The FAILED findings a fix removes: by control, how many fewer there are after it. */
  public static Map<String, Integer> removed(
      Map<String, Integer> failedBefore, Map<String, Integer> failedAfter) {
    Map<String, Integer> removed = new TreeMap<>(Catalogue.ORDER);
    failedBefore.forEach(
        (control, count) -> {
          int left = failedAfter.getOrDefault(control, 0);
          if (left < count) {
            removed.put(control, count - left);
          }
        });
    return removed;
  }

  /** FAILED findings by control, for the proof. */
  public static Map<String, Integer> failed(ScanResult result) {
    Map<String, Integer> failed = new TreeMap<>(Catalogue.ORDER);
    for (Finding finding : result.findings()) {
      if (finding.status() == Status.FAILED) {
        failed.merge(finding.control().id(), 1, Integer::sum);
      }
    }
    return failed;
  }
}
