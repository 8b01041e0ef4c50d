package dev.ecsguard.tree;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading past a byte limit, for inputs whose size is not known in advance. */
final class BoundedInputStream extends FilterInputStream {
  /** Thrown through the parser, which only passes IOExceptions on. */
  static final class LimitExceeded extends IOException {
    private final transient InputException error;

    LimitExceeded(InputException error) {
      super(error.getMessage(), null);
      this.error = error;
    }

    InputException error() {
      return error;
    }
  }

  private final long limit;
  private final String name;
  private long read;

  BoundedInputStream(InputStream in, long limit, String name) {
    super(in);
    this.limit = limit;
    this.name = name;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws LimitExceeded {
    read += n;
    if (read > limit) {
      throw new LimitExceeded(
          new InputException(
              name, "refused: more than the limit of " + limit + " bytes (--max-file-size)"));
    }
  }
}
