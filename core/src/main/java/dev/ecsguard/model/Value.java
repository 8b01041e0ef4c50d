package dev.ecsguard.model;

import dev.ecsguard.tree.Origin;
import java.util.Objects;
import java.util.function.Function;

/**
 * A fact read from an input: known, not set, or unknown (unresolved, or of the wrong type). Every
 * input format produces these, so a control treats "not set" and "cannot tell" the same way
 * whatever the format was.
 *
 * @param <T> the value's type
 */
public final class Value<T> {
  private enum State {
    KNOWN,
    ABSENT,
    UNKNOWN
  }

  private final State state;
  private final T value;
  private final String reason;
  private final Origin origin;
  private final String knownEnding;

  private Value(State state, T value, String reason, Origin origin, String knownEnding) {
    this.state = state;
    this.value = value;
    this.reason = reason;
    this.origin = Objects.requireNonNull(origin, "origin");
    this.knownEnding = knownEnding;
  }

  public static <T> Value<T> known(T value, Origin origin) {
    return new Value<>(State.KNOWN, Objects.requireNonNull(value, "value"), null, origin, null);
  }

  /** Not set (absent, null or empty); {@code where} is the element that would hold it. */
  public static <T> Value<T> absent(Origin where) {
    return new Value<>(State.ABSENT, null, null, where, null);
  }

  /** Cannot be known; {@code reason} says why in words that never quote the value itself. */
  public static <T> Value<T> unknown(String reason, Origin origin) {
    return unknown(reason, origin, null);
  }

  /**
   * Unknown text of which the end is known: {@code knownEnding} is the literal text it ends with
   * ({@code ":latest"} of {@code "${repo}:latest"}), or null (or empty) when nothing of it is
   * known.
   */
  public static <T> Value<T> unknown(String reason, Origin origin, String knownEnding) {
    return new Value<>(
        State.UNKNOWN,
        null,
        Objects.requireNonNull(reason, "reason"),
        origin,
        knownEnding == null || knownEnding.isEmpty() ? null : knownEnding);
  }

  public boolean isKnown() {
    return state == State.KNOWN;
  }

  public boolean isAbsent() {
    return state == State.ABSENT;
  }

  public boolean isUnknown() {
    return state == State.UNKNOWN;
  }

  /** The value; only call when {@link #isKnown()}. */
  public T get() {
    if (state != State.KNOWN) {
      throw new IllegalStateException("value is " + state);
    }
    return value;
  }

  /** The value when known, {@code fallback} otherwise. */
  public T orElse(T fallback) {
    return state == State.KNOWN ? value : fallback;
  }

  /** Why the value is unknown; null unless {@link #isUnknown()}. */
  public String reason() {
    return reason;
  }

  /**
   * The literal text an unknown text value is known to end with, or null: set only where the format
   * knows it; a mapped value has none, as the mapping need not keep the text's end.
   */
  public String knownEnding() {
    return knownEnding;
  }

  /** The value itself, or the element that would hold it when absent. */
  public Origin origin() {
    return origin;
  }

  public <U> Value<U> map(Function<? super T, ? extends U> mapping) {
    return state == State.KNOWN
        ? Value.known(mapping.apply(value), origin)
        : new Value<>(state, null, reason, origin, null);
  }

  /** True when known and equal to {@code expected}. */
  public boolean is(T expected) {
    return state == State.KNOWN && value.equals(expected);
  }

  @Override
  public String toString() {
    return switch (state) {
      case KNOWN -> "known(" + value + ")";
      case ABSENT -> "absent";
      case UNKNOWN -> "unknown(" + reason + ")";
    };
  }
}
