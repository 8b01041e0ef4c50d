package dev.ecsguard.engine;

import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.control.Control;
import dev.ecsguard.control.ParameterValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The controls a scan runs, each with its parameters. */
public final class Selection {
  /** A selected control and its parameters. */
  public record Entry(Control<?> control, ParameterValues parameters) {}

  private final List<Entry> entries;
  private final Map<Control<?>, ParameterValues> parameters;

  private Selection(List<Entry> entries, Map<Control<?>, ParameterValues> parameters) {
    this.entries = entries;
    this.parameters = parameters;
  }

  public List<Entry> entries() {
    return entries;
  }

  /**
   * The parameters given for {@code control}, selected or not: controls across resources judge task
   * definitions with every task-definition control, as the request sets them.
   */
  public ParameterValues parameters(Control<?> control) {
    return parameters.get(control);
  }

  /** Every control but the retired ones, with default parameters. */
  public static Selection defaults() {
    return of(List.of(), List.of(), Map.of());
  }

  /**
   * The selection the user asked for.
   *
   * @param only ids to run (retired ones included when named); empty for every active control
   * @param skip ids not to run
   * @param parameters {@code "ECS.13.requiredTagKeys" → "owner,team"}
   * @throws IllegalArgumentException naming the id or parameter that is not known or not valid
   */
  public static Selection of(List<String> only, List<String> skip, Map<String, String> parameters) {
    Set<Control<?>> chosen = new LinkedHashSet<>();
    if (only.isEmpty()) {
      Catalogue.CONTROLS.stream().filter(control -> !control.info().retired()).forEach(chosen::add);
    } else {
      only.forEach(id -> chosen.add(find(id)));
    }
    skip.forEach(id -> chosen.remove(find(id)));
    Map<Control<?>, Map<String, String>> byControl = new HashMap<>();
    parameters.forEach(
        (key, value) -> {
          int dot = key.lastIndexOf('.');
          if (dot <= 0 || dot == key.length() - 1) {
            throw new IllegalArgumentException(
                "parameter "
                    + key
                    + " must be written ID.NAME=VALUE, e.g. ECS.13.requiredTagKeys=owner,team");
          }
          byControl
              .computeIfAbsent(find(key.substring(0, dot)), c -> new HashMap<>())
              .put(key.substring(dot + 1), value);
        });
    List<Entry> entries = new ArrayList<>();
    Map<Control<?>, ParameterValues> all = new HashMap<>();
    for (Control<?> control : Catalogue.CONTROLS) {
      ParameterValues values =
          ParameterValues.of(control.info(), byControl.getOrDefault(control, Map.of()));
      all.put(control, values);
      if (chosen.contains(control)) {
        entries.add(new Entry(control, values));
      }
    }
    return new Selection(List.copyOf(entries), Map.copyOf(all));
  }

  /** The control with {@code id}, in any letter case. */
  public static Control<?> find(String id) {
    if (id.isBlank()) {
      throw new IllegalArgumentException(
          "an empty control id in the list (`ecsguard controls` lists them)");
    }
    String wanted = id.strip().toUpperCase(Locale.ROOT);
    return Catalogue.CONTROLS.stream()
        .filter(control -> control.info().id().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown control "
                        + id.strip()
                        + " (`ecsguard controls` lists them; ECS.6, ECS.7 and ECS.11 do not exist)"));
  }
}
