package dev.ecsguard.engine;

import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.control.Control;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.Standard;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
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

  /** The standards of the controls that run, in {@link Standard}'s order. */
  public Set<Standard> standards() {
    Set<Standard> standards = EnumSet.noneOf(Standard.class);
    entries.forEach(entry -> standards.add(entry.control().info().standard()));
    return standards;
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

  /** As below, with the controls of every standard. */
  public static Selection of(List<String> only, List<String> skip, Map<String, String> parameters) {
    return of(EnumSet.allOf(Standard.class), only, skip, parameters);
  }

  /**
   * The selection the user asked for.
   *
   * @param standards the standards whose controls may run ({@code --standard})
   * @param only ids to run (retired ones included when named), each of one of {@code standards};
   *     empty for every active control of {@code standards}
   * @param skip ids not to run (one outside {@code standards} is no error: a configuration's list
   *     serves every standard)
   * @param parameters {@code "ECS.13.requiredTagKeys" → "owner,team"}
   * @throws IllegalArgumentException naming the id or parameter that is not known or not valid
   */
  public static Selection of(
      Set<Standard> standards,
      List<String> only,
      List<String> skip,
      Map<String, String> parameters) {
    if (standards.isEmpty()) {
      throw new IllegalArgumentException("no standard selected");
    }
    Set<Control<?>> chosen = new LinkedHashSet<>();
    if (only.isEmpty()) {
      Catalogue.CONTROLS.stream()
          .filter(control -> !control.info().retired())
          .filter(control -> standards.contains(control.info().standard()))
          .forEach(chosen::add);
    } else {
      for (String id : only) {
        Control<?> control = find(id);
        if (!standards.contains(control.info().standard())) {
          throw new IllegalArgumentException(
              control.info().id()
                  + " is a control of "
                  + control.info().standard().title()
                  + ", not of the standard selected ("
                  + labels(standards)
                  + ")");
        }
        chosen.add(control);
      }
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

  /**
   * What {@code --standard} says: {@code securityhub}, {@code ecsguard} or {@code all}, in any
   * case.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Set<Standard> standards(String choice) {
    if (choice.strip().equalsIgnoreCase("all")) {
      return EnumSet.allOf(Standard.class);
    }
    Standard standard = Standard.named(choice);
    if (standard == null) {
      // The value is not repeated: the command line's usage errors show none.
      throw new IllegalArgumentException(
          "the standard must be securityhub (AWS Security Hub's ECS.n controls), ecsguard (its own ECSG.n) or all");
    }
    return EnumSet.of(standard);
  }

  /** {@code securityhub}, {@code ecsguard} or {@code all}: how {@code --standard} writes them. */
  private static String labels(Collection<Standard> standards) {
    return standards.size() == Standard.values().length
        ? "all"
        : String.join(", ", standards.stream().map(Standard::label).sorted().toList());
  }

  /**
   * The controls {@code fix} and {@code apply} leave alone for {@code standards}: those of other
   * standards, except a control whose remedy also fixes one of {@code standards} (ECS.20's fixes
   * ECSG.1 too), since a remedy runs only when none of its controls is left alone.
   */
  public static Set<String> outside(Set<Standard> standards) {
    Set<String> shared = new HashSet<>();
    for (Remedy remedy : Catalogue.remedies()) {
      if (remedy.controlIds().stream().anyMatch(id -> standards.contains(Standard.of(id)))) {
        shared.addAll(remedy.controlIds());
      }
    }
    Set<String> outside = new LinkedHashSet<>();
    for (Control<?> control : Catalogue.CONTROLS) {
      String id = control.info().id();
      if (!standards.contains(control.info().standard()) && !shared.contains(id)) {
        outside.add(id);
      }
    }
    return outside;
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
