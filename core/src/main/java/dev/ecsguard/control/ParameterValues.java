package dev.ecsguard.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** One control's parameters, parsed and checked once before a scan. */
public final class ParameterValues {
  private final Map<String, Object> values;

  private ParameterValues(Map<String, Object> values) {
    this.values = values;
  }

  /**
   * The parameters of {@code control}: {@code given} over the defaults.
   *
   * @throws IllegalArgumentException naming the parameter when a name or value is not accepted
   */
  public static ParameterValues of(ControlInfo control, Map<String, String> given) {
    Map<String, Object> values = new HashMap<>();
    for (ParameterInfo parameter : control.parameters()) {
      String text = given.getOrDefault(parameter.name(), parameter.defaultValue());
      if (given.containsKey(parameter.name()) && text.isBlank()) {
        throw new IllegalArgumentException(
            control.id() + "." + parameter.name() + ": give a value, or leave the parameter out");
      }
      try {
        values.put(parameter.name(), parameter.type().parse(text));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            control.id() + "." + parameter.name() + ": " + e.getMessage(), e);
      }
    }
    for (String name : given.keySet()) {
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException(
            control.id()
                + " has no parameter "
                + name
                + (control.parameters().isEmpty()
                    ? " (it takes none)"
                    : " (it takes "
                        + String.join(
                            ", ", control.parameters().stream().map(ParameterInfo::name).toList())
                        + ")"));
      }
    }
    return new ParameterValues(values);
  }

  public boolean flag(String name) {
    return (Boolean) require(name);
  }

  public String text(String name) {
    return (String) require(name);
  }

  public Status status(String name) {
    return (Status) require(name);
  }

  @SuppressWarnings("unchecked")
  public List<String> tagKeys(String name) {
    return (List<String>) require(name);
  }

  @SuppressWarnings("unchecked")
  public List<String> names(String name) {
    return (List<String>) require(name);
  }

  /** Whether {@code text} matches one of the globs of the {@link ParameterType#GLOBS} parameter. */
  @SuppressWarnings("unchecked")
  public boolean matchesGlob(String name, String text) {
    for (Pattern glob : (List<Pattern>) require(name)) {
      if (glob.matcher(text).matches()) {
        return true;
      }
    }
    return false;
  }

  private Object require(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalStateException("undeclared parameter " + name);
    }
    return value;
  }
}
