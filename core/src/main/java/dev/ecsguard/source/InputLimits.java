package dev.ecsguard.source;

/**
 * Bounds that keep a huge or hostile file from exhausting memory or stack.
 *
 * @param maxFileBytes files larger than this are refused before they are read
 * @param maxNestingDepth objects and arrays nested deeper than this are refused
 */
public record InputLimits(long maxFileBytes, int maxNestingDepth) {
  /** Far beyond any real task definition (AWS caps one at 64 KiB), yet small enough to hold in memory. */
  public static final InputLimits DEFAULT = new InputLimits(64L * 1024 * 1024, 128);

  public InputLimits {
    if (maxFileBytes <= 0 || maxNestingDepth <= 0) {
      throw new IllegalArgumentException("input limits must be positive");
    }
  }
}
