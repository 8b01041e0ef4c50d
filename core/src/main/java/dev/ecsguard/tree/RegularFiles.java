package dev.ecsguard.tree;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way ecsguard reads a file it was given or found: only a regular file (a FIFO would block
 * the open for ever, {@code /dev/zero} never ends), never more than a byte limit however the file
 * grows while it is read. A link is followed, and what it leads to must be a regular file too.
 */
public final class RegularFiles {
  private RegularFiles() {}

  /** The bytes of {@code path}, named {@code name} in errors, refused past {@code maxBytes}. */
  public static byte[] read(Path path, String name, long maxBytes) throws InputException {
    BasicFileAttributes attributes = regular(path, name);
    if (attributes.size() > maxBytes) {
      throw new InputException(
          name,
          "refused: "
              + attributes.size()
              + " bytes is over the limit of "
              + maxBytes
              + " bytes (--max-file-size)");
    }
    try (InputStream in = new BoundedInputStream(Files.newInputStream(path), maxBytes, name)) {
      return in.readAllBytes();
    } catch (BoundedInputStream.LimitExceeded e) {
      throw e.error();
    } catch (IOException e) {
      throw new InputException(name, "cannot read: " + Problems.describe(e));
    }
  }

  /**
   * Refuses, naming {@code name}, whatever {@code path} is if not a regular file: a file found to
   * read later is checked as it is found.
   */
  public static void requireRegular(Path path, String name) throws InputException {
    regular(path, name);
  }

  private static BasicFileAttributes regular(Path path, String name) throws InputException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new InputException(name, "cannot read: " + Problems.describe(e));
    }
    if (!attributes.isRegularFile()) {
      throw new InputException(name, "refused: " + kind(attributes) + ", not a regular file");
    }
    return attributes;
  }

  /** The text of {@code path} as strict UTF-8, a leading byte-order mark dropped. */
  public static String readUtf8(Path path, String name, long maxBytes) throws InputException {
    return utf8Text(read(path, name, maxBytes), name);
  }

  /**
   * {@code bytes} read from {@code name} as strict UTF-8 text, a leading byte-order mark dropped.
   */
  public static String utf8Text(byte[] bytes, String name) throws InputException {
    try {
      return new String(utf8(bytes));
    } catch (CharacterCodingException e) {
      throw new InputException(name, "cannot read: " + Problems.describe(e));
    }
  }

  /**
   * Whether {@code bytes} begin with UTF-8's byte-order mark, which the text read from them leaves
   * out.
   */
  public static boolean hasByteOrderMark(byte[] bytes) {
    return bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf;
  }

  /**
   * Characters, not bytes, so that columns count what an editor shows; strict UTF-8 (RFC 8259), a
   * leading byte-order mark skipped. One decoding pass over the whole file is the fastest way
   * there.
   */
  static char[] utf8(byte[] bytes) throws CharacterCodingException {
    int start = hasByteOrderMark(bytes) ? 3 : 0;
    CharBuffer chars =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
    char[] text = new char[chars.remaining()];
    chars.get(text);
    return text;
  }

  private static String kind(BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a directory";
    }
    if (attributes.isOther()) {
      return "a special file (a FIFO, socket or device)";
    }
    return "not a file";
  }
}
