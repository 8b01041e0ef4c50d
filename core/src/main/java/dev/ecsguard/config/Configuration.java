package dev.ecsguard.config;

import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Standard;
import dev.ecsguard.engine.Suppression;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project's settings, from {@code .ecsguard.yml}: what the command line can say, kept with the
 * code.
 *
 * @param standards the standards whose controls run ({@code controls.standard}), or null for the
 *     default (every one)
 * @param skip control ids not to run
 * @param parameters {@code "ECS.13.requiredTagKeys" → "team,owner"}
 * @param failOn the lowest severity whose FAILED findings fail the scan, or null for the default
 *     (any)
 * @param failOnUnknown whether an UNKNOWN finding fails as a FAILED one does (the guardrail's hook
 *     blocks on it then)
 * @param suppressions accepted exceptions
 * @param source the file it was read from, or null for none
 */
public record Configuration(
    Set<Standard> standards,
    List<String> skip,
    Map<String, String> parameters,
    Severity failOn,
    boolean failOnUnknown,
    List<Suppression> suppressions,
    String source) {
  public static final Configuration NONE =
      new Configuration(null, List.of(), Map.of(), null, false, List.of(), null);

  public Configuration {
    standards = standards == null ? null : Set.copyOf(standards);
    skip = List.copyOf(skip);
    parameters = Map.copyOf(parameters);
    suppressions = List.copyOf(suppressions);
  }
}
