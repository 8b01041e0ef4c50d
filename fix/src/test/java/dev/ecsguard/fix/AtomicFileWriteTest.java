package dev.ecsguard.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsguard.tree.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fix --write replaces a file whole or not at all, and never over an edit made while it ran. */
class AtomicFileWriteTest {
  private static final byte[] ORIGINAL =
      "{\"family\": \"api\", \"containerDefinitions\": []}\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] FIXED =
      "{\n  \"family\": \"api\",\n  \"containerDefinitions\": []\n}\n"
          .getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private Path original() throws IOException {
    return Files.write(dir.resolve("td.json"), ORIGINAL);
  }

  private Stream<Path> files() throws IOException {
    return Files.list(dir).map(dir::relativize);
  }

  @Test
  void aDiskThatFillsHalfWayLeavesTheOriginalWholeAndNoTemporaryFile() throws IOException {
    Path file = original();
    AtomicFileWrite fullDisk =
        new AtomicFileWrite(
            (channel, content) -> {
              channel.write(content.slice(0, content.remaining() / 2));
              throw new IOException(
                  "No space left on device"); // as FileChannel.write reports ENOSPC
            });
    assertThatThrownBy(() -> fullDisk.replace(file, ORIGINAL, FIXED))
        .isInstanceOfSatisfying(
            IOException.class,
            e -> assertThat(Problems.describe(e)).isEqualTo("no space left on device"));
    assertThat(Files.readAllBytes(file)).isEqualTo(ORIGINAL);
    assertThat(files()).containsExactly(Path.of("td.json"));
  }

  @Test
  void theNewContentKeepsTheFilesPermissions() throws Exception {
    Path file = original();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    AtomicFileWrite.DEFAULT.replace(file, ORIGINAL, FIXED);
    assertThat(Files.readAllBytes(file)).isEqualTo(FIXED);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
    assertThat(files()).containsExactly(Path.of("td.json"));
  }

  @Test
  void aLinkKeepsPointingAtItsTargetWhichGetsTheNewContent() throws Exception {
    Path target =
        Files.write(Files.createDirectory(dir.resolve("real")).resolve("td.json"), ORIGINAL);
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), target);
    AtomicFileWrite.DEFAULT.replace(link, ORIGINAL, FIXED);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(target);
    assertThat(Files.readAllBytes(target)).isEqualTo(FIXED);
    try (Stream<Path> real = Files.list(dir.resolve("real"))) {
      assertThat(real).containsExactly(target);
    }
  }

  @Test
  void aFileEditedSinceItWasReadIsNotReplaced() throws IOException {
    Path file = original();
    byte[] edited = "{\"family\": \"api\", \"cpu\": \"256\"}\n".getBytes(StandardCharsets.UTF_8);
    // The edit lands while ecsguard writes the new content, between its read and its rename.
    AtomicFileWrite racing =
        new AtomicFileWrite(
            (channel, content) -> {
              Files.write(file, edited);
              AtomicFileWrite.DEFAULT_WRITER.write(channel, content);
            });
    assertThatThrownBy(() -> racing.replace(file, ORIGINAL, FIXED))
        .isInstanceOf(AtomicFileWrite.Changed.class);
    assertThat(Files.readAllBytes(file)).isEqualTo(edited);
    assertThat(files()).containsExactly(Path.of("td.json"));
  }
}
