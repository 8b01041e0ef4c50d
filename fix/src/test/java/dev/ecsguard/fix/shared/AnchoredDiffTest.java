package dev.ecsguard.fix.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AnchoredDiffTest {
  private static long comparisons;

  /** A line that counts how often it is compared: the work a diff does. */
  private record Line(String text) {
    @Override
    public boolean equals(Object other) {
      comparisons++;
      return other instanceof Line line && line.text.equals(text);
    }

    @Override
    public int hashCode() {
      return text.hashCode();
    }
  }

  /**
   * A pretty-printed file of {@code containers} blocks, and the same with edits spread through
   * every block, as a fix makes.
   */
  private static List<List<Line>> fileAndFixed(int containers, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Line> before = new ArrayList<>();
    List<Line> after = new ArrayList<>();
    for (int c = 0; c < containers; c++) {
      for (String line :
          List.of(
              "    {",
              "      \"name\": \"c" + c + "\",",
              "      \"image\": \"x\",",
              "      \"privileged\": true,",
              "      \"essential\": true",
              "    },")) {
        before.add(new Line(line));
        if (!line.contains("privileged") || random.nextInt(4) == 0) {
          after.add(new Line(line));
        }
        if (line.contains("image")) {
          after.add(new Line("      \"readonlyRootFilesystem\": true,"));
        }
      }
    }
    return List.of(before, after);
  }

  @Test
  void theDiffTurnsTheOriginalIntoTheFixedText() throws PatchFailedException {
    for (long seed = 0; seed < 20; seed++) {
      List<List<Line>> files = fileAndFixed(1 + (int) seed * 40, seed);
      Patch<Line> patch = DiffUtils.diff(files.get(0), files.get(1), new AnchoredDiff<>());
      assertThat(patch.applyTo(files.get(0))).isEqualTo(files.get(1));
    }
  }

  @Test
  void aSmallFileGetsMyersDiffUnchanged() {
    List<List<Line>> files = fileAndFixed(30, 7);
    assertThat(DiffUtils.diff(files.get(0), files.get(1), new AnchoredDiff<>()).getDeltas())
        .isEqualTo(DiffUtils.diff(files.get(0), files.get(1)).getDeltas());
  }

  @Test
  void theWorkGrowsWithTheFileNotWithItsSquare() throws PatchFailedException {
    List<List<Line>> files =
        fileAndFixed(
            20_000,
            1); // 120,000 lines, 20,000 places changed: Myers alone compares billions of times
    comparisons = 0;
    Patch<Line> patch = DiffUtils.diff(files.get(0), files.get(1), new AnchoredDiff<>());
    assertThat(comparisons).isLessThan(40L * files.get(0).size());
    assertThat(patch.applyTo(files.get(0))).isEqualTo(files.get(1));
  }

  @Test
  void textWithNoLineInCommonIsReplacedWhole() {
    List<Line> minified = List.of(new Line("{\"containerDefinitions\": [...]}"));
    List<Line> printed = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      printed.add(new Line("  \"line\": " + (i % 3)));
    }
    comparisons = 0;
    Patch<Line> patch = DiffUtils.diff(minified, printed, new AnchoredDiff<>());
    assertThat(patch.getDeltas()).hasSize(1);
    assertThat(comparisons).isLessThan(10L * printed.size());
  }
}
