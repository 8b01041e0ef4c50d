package dev.ecsguard.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.tree.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  @TempDir Path dir;

  private final List<String> files = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();

  private void visit(Path... paths) {
    InputFiles.visit(
        List.of(paths),
        new InputFiles.Visitor() {
          @Override
          public void file(Path file, Path tree, boolean named) {
            files.add(dir.relativize(file).toString());
          }

          @Override
          public void skipped(Path path, String why) {
            skipped.add(dir.relativize(path) + ": " + why);
          }

          @Override
          public void error(InputException error) {
            errors.add(error.getMessage());
          }
        });
  }

  @Test
  void directoriesAreSearchedInNameOrderForJsonLeavingHiddenEntriesOut() throws IOException {
    Files.createDirectories(dir.resolve("b/.git"));
    Files.writeString(dir.resolve("b/z.json"), "{}");
    Files.writeString(dir.resolve("b/.hidden.json"), "{}");
    Files.writeString(dir.resolve("b/.git/config.json"), "{}");
    Files.writeString(dir.resolve("a.JSON"), "{}");
    Files.writeString(dir.resolve("notes.txt"), "");
    visit(dir);
    assertThat(files).containsExactly("a.JSON", "b/z.json");
  }

  @Test
  void linkedDirectoriesAreFollowedOnceAndBrokenLinksNoted() throws IOException {
    Files.createDirectories(dir.resolve("scan/real"));
    Files.writeString(dir.resolve("scan/real/task.json"), "{}");
    Files.createSymbolicLink(dir.resolve("scan/a-linked"), Path.of("real"));
    Files.createSymbolicLink(dir.resolve("scan/loop"), Path.of("."));
    Files.createSymbolicLink(dir.resolve("scan/broken.json"), Path.of("nowhere.json"));
    visit(dir.resolve("scan"));
    assertThat(files).containsExactly("scan/a-linked/task.json");
    assertThat(skipped)
        .containsExactly(
            "scan/broken.json: a broken link; skipped",
            "scan/loop: a link back to a directory already searched; skipped",
            "scan/real: a link back to a directory already searched; skipped");
    assertThat(errors).isEmpty();
  }

  @Test
  void linksOutOfTheScannedTreeAreNotFollowed() throws IOException {
    Files.createDirectories(dir.resolve("outside"));
    Files.writeString(dir.resolve("outside/task.json"), "{}");
    Files.createDirectories(dir.resolve("scan"));
    Files.createSymbolicLink(dir.resolve("scan/linked"), Path.of("../outside"));
    Files.createSymbolicLink(dir.resolve("scan/task.json"), Path.of("../outside/task.json"));
    Files.createSymbolicLink(dir.resolve("scan/notes.txt"), Path.of("/etc/hostname"));
    visit(dir.resolve("scan"));
    assertThat(files).isEmpty();
    assertThat(skipped)
        .containsExactly(
            "scan/linked: a link that leads out of the scanned tree; skipped (name its target to scan it)");
    assertThat(errors)
        .singleElement()
        .asString()
        .endsWith(
            "scan/task.json: refused: a link that leads out of the scanned tree (name its target to scan it)");
  }

  @Test
  void aMissingPathIsAnError() {
    visit(dir.resolve("missing"));
    assertThat(errors).singleElement().asString().endsWith("missing: no such file or directory");
  }
}
