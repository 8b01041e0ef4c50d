package dev.ecsguard.fix.shared;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.DiffAlgorithmI;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A line diff whose work grows with the file, not with its square, for the large files a fix edits
 * all through: Myers' algorithm costs the file's length times the number of changes. Lines that
 * occur once on each side anchor the two texts to each other (patience diff), and Myers compares
 * only the short stretches between anchors. A small text gets Myers' diff as it is; a long stretch
 * with no line to anchor it is shown replaced as a whole.
 */
public final class AnchoredDiff<T> implements DiffAlgorithmI<T> {
  /** Lines on both sides up to which Myers' diff is quick however much differs. */
  private static final int MYERS_LINES = 1_000;

  /**
   * Nesting of anchored stretches beyond which the rest is shown replaced: only a contrived text
   * gets there.
   */
  private static final int MAX_DEPTH = 100;

  /**
   * A unified diff from {@code original} to {@code fixed}, which every target shows; empty when
   * they are the same.
   */
  public static String unified(String name, String original, String fixed) {
    List<String> before = Arrays.asList(original.split("\n", -1));
    List<String> after = Arrays.asList(fixed.split("\n", -1));
    return original.equals(fixed)
        ? ""
        : String.join(
                "\n",
                UnifiedDiffUtils.generateUnifiedDiff(
                    name,
                    name + " (fixed)",
                    before,
                    DiffUtils.diff(before, after, new AnchoredDiff<>()),
                    3))
            + "\n";
  }

  private final MyersDiff<T> myers = new MyersDiff<>();

  @Override
  public List<Change> computeDiff(List<T> source, List<T> target, DiffAlgorithmListener progress) {
    if (source.size() + target.size() <= MYERS_LINES) {
      return myers.computeDiff(source, target, progress);
    }
    List<Change> changes = new ArrayList<>();
    diff(source, 0, source.size(), target, 0, target.size(), changes, 0);
    return changes;
  }

  private void diff(
      List<T> source,
      int sourceStart,
      int sourceEnd,
      List<T> target,
      int targetStart,
      int targetEnd,
      List<Change> changes,
      int depth) {
    while (sourceStart < sourceEnd
        && targetStart < targetEnd
        && source.get(sourceStart).equals(target.get(targetStart))) {
      sourceStart++;
      targetStart++;
    }
    while (sourceEnd > sourceStart
        && targetEnd > targetStart
        && source.get(sourceEnd - 1).equals(target.get(targetEnd - 1))) {
      sourceEnd--;
      targetEnd--;
    }
    if (sourceStart == sourceEnd && targetStart == targetEnd) {
      return;
    }
    if (sourceStart == sourceEnd || targetStart == targetEnd) {
      changes.add(
          new Change(
              sourceStart == sourceEnd ? DeltaType.INSERT : DeltaType.DELETE,
              sourceStart,
              sourceEnd,
              targetStart,
              targetEnd));
      return;
    }
    if ((sourceEnd - sourceStart) + (targetEnd - targetStart) <= MYERS_LINES) {
      for (Change change :
          myers.computeDiff(
              source.subList(sourceStart, sourceEnd),
              target.subList(targetStart, targetEnd),
              null)) {
        changes.add(
            new Change(
                change.deltaType,
                change.startOriginal + sourceStart,
                change.endOriginal + sourceStart,
                change.startRevised + targetStart,
                change.endRevised + targetStart));
      }
      return;
    }
    int[][] anchors =
        depth < MAX_DEPTH
            ? anchors(source, sourceStart, sourceEnd, target, targetStart, targetEnd)
            : new int[0][];
    if (anchors.length == 0) {
      changes.add(new Change(DeltaType.CHANGE, sourceStart, sourceEnd, targetStart, targetEnd));
      return;
    }
    for (int[] anchor : anchors) {
      diff(source, sourceStart, anchor[0], target, targetStart, anchor[1], changes, depth + 1);
      sourceStart = anchor[0] + 1;
      targetStart = anchor[1] + 1;
    }
    diff(source, sourceStart, sourceEnd, target, targetStart, targetEnd, changes, depth + 1);
  }

  /**
   * The lines found once in each stretch, as (source index, target index) pairs in order on both
   * sides: the longest such chain, by patience sorting.
   */
  private static <T> int[][] anchors(
      List<T> source,
      int sourceStart,
      int sourceEnd,
      List<T> target,
      int targetStart,
      int targetEnd) {
    // Per line: how often it occurs in the source and the target, and where it occurs last in each.
    Map<T, int[]> occurrences = new HashMap<>();
    for (int i = sourceStart; i < sourceEnd; i++) {
      int[] seen = occurrences.computeIfAbsent(source.get(i), line -> new int[4]);
      seen[0]++;
      seen[2] = i;
    }
    for (int i = targetStart; i < targetEnd; i++) {
      int[] seen = occurrences.get(target.get(i));
      if (seen != null) {
        seen[1]++;
        seen[3] = i;
      }
    }
    List<int[]> unique = new ArrayList<>();
    for (int i = sourceStart; i < sourceEnd; i++) {
      int[] seen = occurrences.get(source.get(i));
      if (seen[0] == 1 && seen[1] == 1) {
        unique.add(new int[] {i, seen[3]});
      }
    }
    // The longest run of pairs whose target indexes increase: tails[k] ends the best run of k + 1
    // pairs found so far.
    int[] tails = new int[unique.size()];
    int[] previous = new int[unique.size()];
    int length = 0;
    for (int p = 0; p < unique.size(); p++) {
      int targetIndex = unique.get(p)[1];
      int low = 0;
      int high = length;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (unique.get(tails[middle])[1] < targetIndex) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      previous[p] = low > 0 ? tails[low - 1] : -1;
      tails[low] = p;
      length = Math.max(length, low + 1);
    }
    int[][] chain = new int[length][];
    for (int p = length > 0 ? tails[length - 1] : -1, k = length - 1;
        p >= 0;
        p = previous[p], k--) {
      chain[k] = unique.get(p);
    }
    return chain;
  }
}
