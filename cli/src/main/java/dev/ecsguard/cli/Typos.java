package dev.ecsguard.cli;

import java.util.Collection;
import java.util.List;

/**
 * The names a mistyped one was probably meant as, where picocli's own suggestions (by shared letter
 * pairs) find none: two letters swapped ({@code --fial-on}) share too few pairs. By optimal string
 * alignment distance (Levenshtein with adjacent transpositions), which no library on the class path
 * offers; the names are short, so the quadratic table is cheap.
 */
final class Typos {
  /** At most this many edits: one slip of each hand. */
  private static final int MAX_EDITS = 2;

  private Typos() {}

  /** The names nearest {@code typed}, if within {@link #MAX_EDITS} edits; none otherwise. */
  static List<String> near(String typed, Collection<String> names) {
    int nearest =
        names.stream().mapToInt(name -> distance(typed, name)).min().orElse(Integer.MAX_VALUE);
    return nearest > MAX_EDITS
        ? List.of()
        : names.stream().filter(name -> distance(typed, name) == nearest).toList();
  }

  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
