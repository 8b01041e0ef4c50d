package dev.ecsguard.controls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The long explanation of each control, a Markdown file named by its id beside its siblings. */
public final class Lessons {
  private Lessons() {}

  /** The resource path of the lesson of {@code id}. */
  public static String resource(String id) {
    return "/dev/ecsguard/controls/lessons/" + id + ".md";
  }

  public static Optional<String> of(String id) {
    try (InputStream in = Lessons.class.getResourceAsStream(resource(id))) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
