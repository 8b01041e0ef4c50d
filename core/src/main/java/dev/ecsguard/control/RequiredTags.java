package dev.ecsguard.control;

import dev.ecsguard.model.Tag;
import dev.ecsguard.model.Value;
import dev.ecsguard.tree.Origin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** ECS.13, ECS.14 and ECS.15 decide alike, each on its own resource type. */
public final class RequiredTags {
  public static final String PARAMETER = "requiredTagKeys";
  public static final String DESCRIPTION =
      "Comma-separated tag keys (up to 6, case-sensitive) that must all be present; without it, any tag key passes.";

  private RequiredTags() {}

  public static Verdict verdict(
      Value<List<Tag>> tags, ParameterValues parameters, Origin resource, String what) {
    Decision decision = new Decision(resource);
    if (decision.unknownIf(null, tags)) {
      return decision.verdict("");
    }
    Set<String> keys = new HashSet<>();
    int unreadableKeys = 0;
    boolean openEnded = false; // an unknown that may stand for any number of keys
    for (Tag tag : tags.orElse(List.of())) {
      Value<String> key = tag.key();
      if (key.isKnown()
          && !key.get().startsWith("aws:")) { // aws: tags are AWS's own, not the user's
        keys.add(key.get());
      } else {
        if (decision.unknownIf(null, key)) {
          unreadableKeys++;
          openEnded |= tag.anyNumber();
        }
      }
    }
    List<String> required = parameters.tagKeys(PARAMETER);
    if (required.isEmpty()) {
      if (keys.isEmpty() && unreadableKeys == 0) {
        decision.fail(
            null,
            tags.origin(),
            "The " + what + " has no tags of its own (tags with keys starting aws: do not count)");
      }
      return keys.isEmpty()
          ? decision.verdict("")
          : Verdict.passed("The " + what + " is tagged.", resource);
    }
    List<String> missing = new ArrayList<>(required);
    missing.removeAll(keys);
    if (missing.isEmpty()) {
      return Verdict.passed("The " + what + " has every required tag key.", resource);
    }
    if (!openEnded
        && missing.size()
            > unreadableKeys) { // each unreadable key could be at most one missing key
      decision.fail(
          null,
          tags.origin(),
          "The "
              + what
              + " lacks the required tag "
              + (missing.size() == 1 ? "key " : "keys ")
              + String.join(", ", missing));
    }
    return decision.verdict("");
  }
}
