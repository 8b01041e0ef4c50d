package dev.ecsguard.tree;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.Locale;

/** File-system failures in words, not Java class names. */
public final class Problems {
  /**
   * The operating system's words for common failures, which reads and writes report as a plain
   * IOException's message ("No space left on device"). Only these are repeated: another message may
   * hold anything.
   */
  private static final List<String> SYSTEM_REASONS =
      List.of(
          "No space left on device",
          "Disk quota exceeded",
          "Read-only file system",
          "File too large",
          "Too many open files",
          "Permission denied",
          "Stale file handle",
          "Input/output error");

  private Problems() {}

  public static String describe(IOException e) {
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      return fileSystem.getReason().toLowerCase(Locale.ROOT);
    }
    String message = e.getMessage();
    if (message != null) {
      for (String reason : SYSTEM_REASONS) {
        if (message.contains(reason)) {
          return reason.toLowerCase(Locale.ROOT);
        }
      }
    }
    return "input/output error";
  }
}
