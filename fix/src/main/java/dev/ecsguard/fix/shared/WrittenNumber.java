package dev.ecsguard.fix.shared;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * A number that is written back as the file wrote it: {@code 1E400}, {@code -0}, {@code 1.0} and
 * 23-digit integers stay as they are, where a double or a normalised decimal would change them.
 */
final class WrittenNumber extends NumericNode {
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private final String text;
  private final BigDecimal value;
  private final boolean integral;

  private WrittenNumber(String text, BigDecimal value, boolean integral) {
    this.text = text;
    this.value = value;
    this.integral = integral;
  }

  /**
   * The number {@code text} spells; a spelling JSON has no word for (HCL's {@code 007}) is written
   * as its value.
   */
  static WrittenNumber of(String text) {
    BigDecimal value = new BigDecimal(text);
    boolean json = JSON_NUMBER.matcher(text).matches();
    boolean integral =
        json ? text.chars().noneMatch(c -> c == '.' || c == 'e' || c == 'E') : value.scale() <= 0;
    return new WrittenNumber(json ? text : value.toString(), value, integral);
  }

  @Override
  public JsonToken asToken() {
    return integral ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
  }

  @Override
  public JsonParser.NumberType numberType() {
    if (!integral) {
      return JsonParser.NumberType.BIG_DECIMAL;
    }
    return canConvertToInt()
        ? JsonParser.NumberType.INT
        : canConvertToLong() ? JsonParser.NumberType.LONG : JsonParser.NumberType.BIG_INTEGER;
  }

  @Override
  public Number numberValue() {
    return switch (numberType()) {
      case INT -> intValue();
      case LONG -> longValue();
      case BIG_INTEGER -> bigIntegerValue();
      default -> value;
    };
  }

  @Override
  public int intValue() {
    return value.intValue();
  }

  @Override
  public long longValue() {
    return value.longValue();
  }

  @Override
  public double doubleValue() {
    return value.doubleValue();
  }

  @Override
  public BigDecimal decimalValue() {
    return value;
  }

  @Override
  public BigInteger bigIntegerValue() {
    return value.toBigInteger();
  }

  @Override
  public boolean canConvertToInt() {
    return value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
        && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
  }

  @Override
  public boolean canConvertToLong() {
    return value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
        && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
  }

  @Override
  public String asText() {
    return text;
  }

  @Override
  public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
    generator.writeNumber(text);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WrittenNumber number && number.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
