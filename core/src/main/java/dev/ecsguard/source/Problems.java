package dev.ecsguard.source;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;

/** File-system failures in words, not Java class names. */
public final class Problems {
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
      return fileSystem.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return "input/output error";
  }
}
