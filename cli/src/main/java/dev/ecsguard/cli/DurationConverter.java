package dev.ecsguard.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration as people write it: {@code 90s}, {@code 10m}, {@code 1h}. */
final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    try {
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      Duration duration =
          switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new NumberFormatException();
          };
      if (duration.isNegative() || duration.isZero()) {
        throw new NumberFormatException();
      }
      return duration;
    } catch (RuntimeException e) {
      throw new TypeConversionException("not a duration: " + value + " (e.g. 90s, 10m, 1h)");
    }
  }
}
