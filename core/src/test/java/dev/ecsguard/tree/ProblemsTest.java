package dev.ecsguard.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

class ProblemsTest {
  @Test
  void theOperatingSystemsReasonIsNamedNotHiddenAsAnInputOutputError() {
    // As FileChannel.write reports a full disk: a plain IOException carrying strerror's words.
    assertThat(Problems.describe(new IOException("No space left on device")))
        .isEqualTo("no space left on device");
    assertThat(Problems.describe(new IOException("Disk quota exceeded")))
        .isEqualTo("disk quota exceeded");
    assertThat(Problems.describe(new IOException("Read-only file system")))
        .isEqualTo("read-only file system");
    assertThat(Problems.describe(new FileSystemException("/x", null, "Read-only file system")))
        .isEqualTo("read-only file system");
  }

  @Test
  void aMessageThatIsNoKnownReasonIsNeverEchoed() {
    assertThat(Problems.describe(new IOException("token AKIA0123456789 rejected")))
        .isEqualTo("input/output error");
    assertThat(Problems.describe(new IOException())).isEqualTo("input/output error");
  }
}
