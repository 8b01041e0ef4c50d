package dev.ecsguard.tree;

/**
 * Bounds that keep a huge or hostile file from exhausting memory or stack.
 *
 * @param maxFileBytes files larger than this are refused before they are read
 * @param maxNestingDepth objects and arrays nested deeper than this are refused
 */
public record InputLimits(long maxFileBytes, int maxNestingDepth) {
  /**
   * Far beyond any real task definition (AWS caps one at 64 KiB), yet small enough to hold in
   * memory.
   */
  public static final InputLimits DEFAULT = new InputLimits(64L * 1024 * 1024, 128);

  /**
   * Heap a scan needs per byte of input, at the worst measured with a margin: JSON with thousands
   * of resources, whose tree and findings are held until the reports are written, needs 16 to 17
   * times its size; one resource with a huge list, 11.
   */
  private static final long HEAP_PER_BYTE = 20;

  /**
   * The default file size limit for a heap of {@code heapBytes}: {@link #DEFAULT}'s, or less where
   * that would not fit.
   */
  public static long maxFileBytesFor(long heapBytes) {
    return Math.max(1, Math.min(DEFAULT.maxFileBytes(), heapBytes / HEAP_PER_BYTE));
  }

  public InputLimits {
    if (maxFileBytes <= 0 || maxNestingDepth <= 0) {
      throw new IllegalArgumentException("input limits must be positive");
    }
  }
}
