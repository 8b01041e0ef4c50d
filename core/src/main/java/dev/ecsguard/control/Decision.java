package dev.ecsguard.control;

import dev.ecsguard.model.Value;
import dev.ecsguard.tree.Origin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers what a control found on one resource and turns it into a verdict: FAILED when anything
 * known fails (even if something else is unknown), else UNKNOWN when anything could not be read,
 * else PASSED.
 */
public final class Decision {
  private final Origin resource;
  private final List<Offender> failures = new ArrayList<>(2);
  private final List<Offender> unknowns = new ArrayList<>(2);

  public Decision(Origin resource) {
    this.resource = resource;
  }

  /**
   * {@code element} (e.g. {@code container "web"}) fails: {@code problem} (e.g. "runs privileged").
   */
  public void fail(String element, Origin where, String problem) {
    failures.add(new Offender(element, where, problem));
  }

  /** {@code value}, read for {@code element}, could not be known. */
  public void unknown(String element, Value<?> value) {
    unknowns.add(new Offender(element, value.origin(), value.reason()));
  }

  /** Records {@code value} as unknown when it is; returns whether it was. */
  public boolean unknownIf(String element, Value<?> value) {
    if (value.isUnknown()) {
      unknown(element, value);
      return true;
    }
    return false;
  }

  public boolean failed() {
    return !failures.isEmpty();
  }

  public Verdict verdict(String passedMessage) {
    if (!failures.isEmpty()) {
      return new Verdict(
          Status.FAILED,
          describe(failures, Status.FAILED),
          failures.get(0).origin(),
          List.copyOf(failures));
    }
    if (!unknowns.isEmpty()) {
      return new Verdict(
          Status.UNKNOWN,
          "Cannot decide: " + describe(unknowns, Status.UNKNOWN),
          unknowns.get(0).origin(),
          List.copyOf(unknowns));
    }
    return Verdict.passed(passedMessage, resource);
  }

  private static String describe(List<Offender> offenders, Status status) {
    if (offenders.size() == 1) {
      return offenders.get(0).sentence(status); // most verdicts: no builder to copy it through
    }
    // A sentence said once: two values unknown for one reason (both roles of a module that is not
    // downloaded) make one reason, not the same one twice.
    Set<String> sentences = new LinkedHashSet<>();
    for (Offender offender : offenders) {
      sentences.add(offender.sentence(status));
    }
    return String.join(" ", sentences);
  }
}
