package dev.ecsguard.control;

import dev.ecsguard.model.Resource;
import dev.ecsguard.model.Tag;
import dev.ecsguard.model.Value;
import dev.ecsguard.tree.Origin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The base of ECS.13, ECS.14 and ECS.15, which decide alike, each on its own resource type: tags of
 * the user's own (or every key of the {@value #PARAMETER} parameter) must be there.
 *
 * @param <R> the resource type it judges
 */
public abstract class RequiredTags<R extends Resource> extends Control<R> {
  public static final String PARAMETER = "requiredTagKeys";
  public static final String DESCRIPTION =
      "Comma-separated tag keys (up to 6, case-sensitive) that must all be present; without it, any tag key passes.";

  private final Function<R, Value<List<Tag>>> tags;
  private final String what;

  /** {@code what} names the resource in messages ("service"); {@code tags} reads its tags. */
  protected RequiredTags(Class<R> resourceClass, String what, Function<R, Value<List<Tag>>> tags) {
    super(resourceClass);
    this.what = what;
    this.tags = tags;
  }

  @Override
  protected final Verdict evaluate(R resource, ParameterValues parameters) {
    return verdict(tags.apply(resource), parameters, resource.origin());
  }

  private Verdict verdict(Value<List<Tag>> tags, ParameterValues parameters, Origin resource) {
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
