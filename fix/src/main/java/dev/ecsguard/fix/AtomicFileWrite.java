package dev.ecsguard.fix;

import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.RegularFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Arrays;

/**
 * Replaces a file's content whole or not at all: the new content goes to a temporary file beside
 * it, is flushed to the disk, and is renamed over the file in one step, so that a full disk, a
 * crash or {@code kill -9} leaves the original as it was. The file keeps its permissions (and its
 * owner where the process may give it); a link keeps pointing at its target, which gets the new
 * content. A file edited since it was read is not replaced.
 */
public final class AtomicFileWrite {
  /**
   * How the content goes into the temporary file; a test makes it fail half-way, as a full disk
   * does.
   */
  @FunctionalInterface
  public interface Writer {
    void write(FileChannel channel, ByteBuffer content) throws IOException;
  }

  /** The file no longer holds what it held when it was read: someone edited it meanwhile. */
  public static final class Changed extends Exception {
    Changed() {
      super("changed since it was read", null, false, false);
    }
  }

  public static final Writer DEFAULT_WRITER =
      (channel, content) -> {
        while (content.hasRemaining()) {
          channel.write(content);
        }
      };

  public static final AtomicFileWrite DEFAULT = new AtomicFileWrite(DEFAULT_WRITER);

  private final Writer writer;

  public AtomicFileWrite(Writer writer) {
    this.writer = writer;
  }

  /**
   * Replaces the content of {@code file} by {@code content}, provided it still holds {@code read},
   * the bytes it was read from.
   */
  public void replace(Path file, byte[] read, byte[] content) throws IOException, Changed {
    Path target = file.toRealPath();
    Path directory = target.getParent();
    // Created readable by its owner only, so that no one else sees the content before it has the
    // file's permissions.
    Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".ecsguard");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        writer.write(channel, ByteBuffer.wrap(content));
        channel.force(true);
      }
      keepAttributes(target, temporary);
      // As late as can be: an edit saved after this check and before the rename is still lost.
      if (!holds(target, read)) {
        throw new Changed();
      }
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
    // The rename is durable only once the directory that names the file is on the disk.
    try (FileChannel names = FileChannel.open(directory, StandardOpenOption.READ)) {
      names.force(true);
    }
  }

  private static boolean holds(Path file, byte[] expected) {
    try {
      return Arrays.equals(RegularFiles.read(file, file.toString(), expected.length), expected);
    } catch (InputException e) {
      return false; // gone, no longer a regular file, or grown past what was read
    }
  }

  private static void keepAttributes(Path original, Path replacement) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(original, PosixFileAttributeView.class);
    if (view == null) {
      return; // not a POSIX file system: the new file gets the directory's defaults
    }
    PosixFileAttributes attributes = view.readAttributes();
    PosixFileAttributeView copy =
        Files.getFileAttributeView(replacement, PosixFileAttributeView.class);
    copy.setPermissions(attributes.permissions());
    try {
      copy.setGroup(attributes.group());
      copy.setOwner(attributes.owner());
    } catch (IOException e) {
      // Only root may give a file away; the new file then belongs to whoever runs ecsguard.
    }
  }
}
