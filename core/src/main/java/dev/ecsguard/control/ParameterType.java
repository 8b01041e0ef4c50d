package dev.ecsguard.control;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a control parameter's text is read and checked. */
public enum ParameterType {
  TEXT {
    @Override
    Object parse(String text) {
      return text.strip();
    }
  },
  BOOLEAN {
    @Override
    Object parse(String text) {
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException("expected true or false");
      };
    }
  },
  /** Up to six comma-separated tag keys, as AWS's tagging rules take them. */
  TAG_KEYS {
    @Override
    Object parse(String text) {
      List<String> keys = Arrays.stream(text.split(",")).map(String::strip).filter(key -> !key.isEmpty()).toList();
      if (keys.size() > 6) {
        throw new IllegalArgumentException("at most 6 tag keys, got " + keys.size());
      }
      return keys;
    }
  },
  /** A verdict to give instead of the default one. */
  STATUS {
    @Override
    Object parse(String text) {
      try {
        return Status.valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("expected one of " + Arrays.toString(Status.values()));
      }
    }
  };

  /** Reads {@code text}; throws IllegalArgumentException with a message fit for the user. */
  abstract Object parse(String text);
}
