package dev.ecsguard.control;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** How a control parameter's text is read and checked. */
public enum ParameterType {
  TEXT {
    @Override
    Object parse(String text) {
      if (text.isBlank()) {
        throw new IllegalArgumentException("must not be empty");
      }
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
      List<String> keys =
          Arrays.stream(text.split(",")).map(String::strip).filter(key -> !key.isEmpty()).toList();
      if (keys.size() > 6) {
        throw new IllegalArgumentException("at most 6 tag keys, got " + keys.size());
      }
      if (keys.stream().anyMatch(key -> key.startsWith("aws:"))) {
        throw new IllegalArgumentException(
            "keys starting aws: are AWS's own and never count, so they cannot be required");
      }
      return keys;
    }
  },
  /** A comma-separated list of names (at least one), each stripped of spaces. */
  NAMES {
    @Override
    Object parse(String text) {
      List<String> names =
          Arrays.stream(text.split(","))
              .map(String::strip)
              .filter(name -> !name.isEmpty())
              .toList();
      if (names.isEmpty()) {
        throw new IllegalArgumentException("expected at least one name");
      }
      return names;
    }
  },
  /** A comma-separated list of absolute paths, each stripped of spaces; none by default. */
  PATHS {
    @Override
    Object parse(String text) {
      List<String> paths =
          Arrays.stream(text.split(","))
              .map(String::strip)
              .filter(path -> !path.isEmpty())
              .toList();
      for (String path : paths) {
        if (!path.startsWith("/")) {
          throw new IllegalArgumentException("expected absolute paths, got " + path);
        }
      }
      return paths;
    }
  },
  /**
   * A comma-separated list of globs ({@code *} any run of characters, {@code ?} one character),
   * each matched against a whole name, case-sensitively; empty by default.
   */
  GLOBS {
    @Override
    Object parse(String text) {
      return Arrays.stream(text.split(","))
          .map(String::strip)
          .filter(glob -> !glob.isEmpty())
          .map(ParameterType::glob)
          .toList();
    }
  },
  /** The verdict where a control finds nothing to judge: PASSED or NOT_APPLICABLE. */
  NOTHING_TO_JUDGE {
    @Override
    Object parse(String text) {
      return switch (text.strip().toUpperCase(Locale.ROOT)) {
        case "PASSED" -> Status.PASSED;
        case "NOT_APPLICABLE" -> Status.NOT_APPLICABLE;
        default -> throw new IllegalArgumentException("expected PASSED or NOT_APPLICABLE");
      };
    }
  };

  private static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      regex.append(
          switch (c) {
            case '*' -> ".*";
            case '?' -> ".";
            default -> Pattern.quote(String.valueOf(c));
          });
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** Reads {@code text}; throws IllegalArgumentException with a message fit for the user. */
  abstract Object parse(String text);
}
