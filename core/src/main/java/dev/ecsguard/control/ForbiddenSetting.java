package dev.ecsguard.control;

import dev.ecsguard.model.Value;
import dev.ecsguard.tree.Origin;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The controls that fail one exact value of one setting (pidMode host, assignPublicIp ENABLED, …).
 */
public final class ForbiddenSetting {
  private ForbiddenSetting() {}

  /**
   * FAILED for {@code forbidden}, PASSED when not set or set to one of {@code allowed}; any other
   * value is one AWS does not accept (a typo, another letter case), and is UNKNOWN rather than
   * taken for compliant. A null {@code allowed} passes every other value.
   */
  public static Verdict verdict(
      Value<String> setting,
      String field,
      String forbidden,
      Set<String> allowed,
      Origin resource,
      String failure,
      String pass) {
    Decision decision = new Decision(resource);
    if (setting.is(forbidden)) {
      decision.fail(null, setting.origin(), failure);
    } else if (setting.isKnown() && allowed != null && !allowed.contains(setting.get())) {
      decision.unknown(
          null,
          Value.unknown(
              field
                  + " is \""
                  + setting.get()
                  + "\", which AWS does not accept (it takes "
                  + String.join(
                      " or ",
                      Stream.concat(Stream.of(forbidden), allowed.stream().sorted()).toList())
                  + ", spelled exactly so)",
              setting.origin()));
    } else {
      decision.unknownIf(null, setting);
    }
    return decision.verdict(pass);
  }

  /** "is not set" or {@code is "VALUE"}, for messages about plain settings (never secrets). */
  public static String describe(String field, Value<String> value) {
    return value.isKnown() ? field + " is \"" + value.get() + "\"" : field + " is not set";
  }
}
