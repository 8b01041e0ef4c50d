package dev.ecsguard.catalog;

import dev.ecsguard.control.Control;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The long explanation of each control: a Markdown file beside its class, with the same name
 * ({@code catalog/taskdefinition/PrivilegedContainer.md}).
 */
public final class Lessons {
  private Lessons() {}

  /** The resource path of the lesson of {@code control}. */
  public static String resource(Control<?> control) {
    return "/" + control.getClass().getName().replace('.', '/') + ".md";
  }

  /** The lesson of the control whose id is {@code id}. */
  public static Optional<String> of(String id) {
    return Catalogue.CONTROLS.stream()
        .filter(control -> control.info().id().equals(id))
        .findFirst()
        .flatMap(Lessons::of);
  }

  public static Optional<String> of(Control<?> control) {
    try (InputStream in = Lessons.class.getResourceAsStream(resource(control))) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
