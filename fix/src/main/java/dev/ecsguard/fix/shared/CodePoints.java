package dev.ecsguard.fix.shared;

/** SnakeYAML's marks count code points; a text's edits and masks need chars. */
public final class CodePoints {
  private CodePoints() {}

  /** Where each code point of {@code text} starts, in chars, and the text's length last. */
  public static int[] starts(String text) {
    int[] starts = new int[text.codePointCount(0, text.length()) + 1];
    int point = 0;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      starts[point++] = i;
    }
    starts[point] = text.length();
    return starts;
  }
}
