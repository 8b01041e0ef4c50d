package dev.ecsguard.config;

import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Standard;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.engine.Suppression;
import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.Problems;
import dev.ecsguard.tree.RepositoryPaths;
import dev.ecsguard.tree.ScalarNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code .ecsguard.yml}. Anything it does not know or cannot use is an error naming the file
 * and line: a mistyped key must not silently weaken a CI gate.
 */
public final class ConfigurationReader {
  public static final String FILE_NAME = ".ecsguard.yml";
  private static final Set<String> TOP_LEVEL =
      Set.of("controls", "parameters", "failOn", "failOnUnknown", "suppressions");

  private ConfigurationReader() {}

  /**
   * The nearest {@value #FILE_NAME} for {@code scanned} (a file or directory), or null: in its
   * directory or a parent, up to the root of the git repository it is in and not above (a
   * repository's settings are its own), or up to the file system's root when it is in none. A link
   * of that name is followed only to a file within that tree (the repository, else the directory
   * holding the link): one that leads out of it is refused, since the file decides what a scan lets
   * through, and only {@code --config} names a file elsewhere.
   *
   * @throws InputException naming a link that leads out of the tree, or that cannot be followed
   */
  public static Path find(Path scanned) throws InputException {
    Path start = scanned.toAbsolutePath().normalize();
    if (!Files.isDirectory(start)) {
      start = start.getParent();
    }
    Path repository = RepositoryPaths.root(start);
    for (Path at = start; at != null; at = at.getParent()) {
      Path candidate = at.resolve(FILE_NAME);
      // Any file of that name, so that one that is not a regular file is refused rather than
      // ignored.
      if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(candidate)) {
        if (Files.isSymbolicLink(candidate)) {
          requireWithin(candidate, repository != null ? repository : at);
        }
        return candidate;
      }
      if (at.equals(repository)) {
        return null;
      }
    }
    return null;
  }

  private static void requireWithin(Path link, Path tree) throws InputException {
    Path target;
    Path realTree;
    try {
      target = link.toRealPath();
      realTree = tree.toRealPath();
    } catch (IOException e) {
      throw new InputException(link.toString(), "cannot read: " + Problems.describe(e));
    }
    if (!target.startsWith(realTree)) {
      throw new InputException(
          link.toString(),
          "refused: a link to "
              + target
              + ", outside "
              + realTree
              + " where it was found; name the file with --config to use it");
    }
  }

  public static Configuration read(Path file, String name) throws InputException {
    return read(new DocumentReader(InputLimits.DEFAULT).read(file, name).root(), name);
  }

  /**
   * The configuration written in {@code in} (an SSM parameter's value, a file packaged with the
   * guardrail), named {@code name} in errors.
   */
  public static Configuration read(InputStream in, String name) throws InputException {
    return read(new DocumentReader(InputLimits.DEFAULT).read(in, name).root(), name);
  }

  private static Configuration read(Node root, String name) throws InputException {
    ObjectNode top = object(root, name, "the configuration");
    for (String key : top.names()) {
      if (!TOP_LEVEL.contains(key)) {
        throw error(
            name,
            top.get(key),
            "unknown setting "
                + key
                + " (known: controls, parameters, failOn, failOnUnknown, suppressions)");
      }
    }
    List<String> skip = new ArrayList<>();
    Set<Standard> standards = null;
    if (top.get("controls") != null) {
      ObjectNode controls = object(top.get("controls"), name, "controls");
      for (String key : controls.names()) {
        if (!key.equals("skip") && !key.equals("standard")) {
          throw error(
              name,
              controls.get(key),
              "unknown setting controls." + key + " (known: standard, skip)");
        }
      }
      if (controls.get("skip") == null && controls.get("standard") == null) {
        throw error(
            name,
            controls,
            "controls needs skip, a list of control ids, or standard (securityhub, ecsguard or all)");
      }
      if (controls.get("skip") != null) {
        for (Node id : array(controls.get("skip"), name, "controls.skip")) {
          skip.add(controlId(id, name));
        }
      }
      Node standard = controls.get("standard");
      if (standard != null) {
        try {
          standards = Selection.standards(text(standard, name, "controls.standard"));
        } catch (IllegalArgumentException e) {
          throw error(name, standard, e.getMessage());
        }
      }
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (top.get("parameters") != null) {
      ObjectNode byControl = object(top.get("parameters"), name, "parameters");
      for (String control : byControl.names()) {
        ObjectNode values = object(byControl.get(control), name, "parameters." + control);
        Map<String, String> own = new LinkedHashMap<>();
        for (String parameter : values.names()) {
          own.put(
              control + "." + parameter,
              parameterValue(values.get(parameter), name, control + "." + parameter));
        }
        try {
          Selection.of(
              List.of(), List.of(), own); // names and values are checked as on the command line
        } catch (IllegalArgumentException e) {
          throw error(name, values, e.getMessage());
        }
        parameters.putAll(own);
      }
    }
    Severity failOn = null;
    if (top.get("failOn") != null) {
      failOn = severity(top.get("failOn"), name);
    }
    boolean failOnUnknown = false;
    if (top.get("failOnUnknown") != null) {
      Node flag = top.get("failOnUnknown");
      if (!(flag instanceof ScalarNode scalar) || scalar.type() != ScalarNode.Type.BOOLEAN) {
        throw error(name, flag, "failOnUnknown must be true or false");
      }
      failOnUnknown = scalar.text().equals("true");
    }
    List<Suppression> suppressions = new ArrayList<>();
    if (top.get("suppressions") != null) {
      for (Node entry : array(top.get("suppressions"), name, "suppressions")) {
        suppressions.add(suppression(entry, name));
      }
    }
    return new Configuration(
        standards, skip, parameters, failOn, failOnUnknown, suppressions, name);
  }

  private static Suppression suppression(Node node, String name) throws InputException {
    ObjectNode entry = object(node, name, "a suppression");
    for (String key : entry.names()) {
      if (!Set.of("control", "resource", "reason", "expires").contains(key)) {
        throw error(
            name,
            entry.get(key),
            "unknown setting "
                + key
                + " in a suppression (known: control, resource, reason, expires)");
      }
    }
    if (entry.get("control") == null) {
      throw error(name, entry, "a suppression needs the control it applies to");
    }
    String control = controlId(entry.get("control"), name);
    String resource =
        entry.get("resource") == null ? "*" : text(entry.get("resource"), name, "resource");
    String reason =
        entry.get("reason") == null ? "" : text(entry.get("reason"), name, "reason").strip();
    if (reason.isEmpty()) {
      throw error(
          name,
          entry,
          "a suppression needs a reason (why the exception is accepted, e.g. a ticket)");
    }
    LocalDate expires = null;
    if (entry.get("expires") != null) {
      String date = text(entry.get("expires"), name, "expires");
      try {
        expires = LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        throw error(name, entry.get("expires"), "expires must be a date written YYYY-MM-DD");
      }
    }
    return new Suppression(control, resource, reason, expires, name + ":" + entry.line());
  }

  private static Severity severity(Node node, String name) throws InputException {
    Severity severity = Severity.named(text(node, name, "failOn"));
    if (severity == null) {
      throw error(name, node, "failOn must be critical, high, medium or low");
    }
    return severity;
  }

  private static String controlId(Node node, String name) throws InputException {
    String id = text(node, name, "a control id");
    try {
      return Selection.find(id).info().id();
    } catch (IllegalArgumentException e) {
      throw error(name, node, e.getMessage());
    }
  }

  /**
   * A parameter: a scalar, or a list of scalars (tag keys), which the command line writes with
   * commas.
   */
  private static String parameterValue(Node node, String name, String what) throws InputException {
    if (node instanceof ArrayNode list) {
      List<String> items = new ArrayList<>();
      for (Node item : list.elements()) {
        items.add(text(item, name, what));
      }
      return String.join(",", items);
    }
    return text(node, name, what);
  }

  private static String text(Node node, String name, String what) throws InputException {
    if (node instanceof ScalarNode scalar && scalar.text() != null) {
      return scalar.text();
    }
    throw error(name, node, what + " must be a single value, not " + node.kind());
  }

  private static ObjectNode object(Node node, String name, String what) throws InputException {
    if (node instanceof ObjectNode object) {
      return object;
    }
    throw error(name, node, what + " must be a mapping, not " + node.kind());
  }

  private static List<Node> array(Node node, String name, String what) throws InputException {
    if (node instanceof ArrayNode array) {
      return array.elements();
    }
    throw error(name, node, what + " must be a list, not " + node.kind());
  }

  private static InputException error(String name, Node at, String problem) {
    return at == null
        ? new InputException(name, problem)
        : new InputException(name, at.line(), at.column(), problem);
  }
}
