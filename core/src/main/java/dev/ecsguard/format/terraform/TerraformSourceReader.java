package dev.ecsguard.format.terraform;

import dev.ecsguard.format.InlineSuppressions;
import dev.ecsguard.format.InputReader;
import dev.ecsguard.hcl.Hcl;
import dev.ecsguard.hcl.Hcl.Attribute;
import dev.ecsguard.hcl.Hcl.Block;
import dev.ecsguard.hcl.Hcl.Item;
import dev.ecsguard.hcl.HclException;
import dev.ecsguard.hcl.HclValues;
import dev.ecsguard.hcl.HclValues.ObjectV;
import dev.ecsguard.hcl.HclValues.Scalar;
import dev.ecsguard.hcl.HclValues.Source;
import dev.ecsguard.hcl.HclValues.Unknown;
import dev.ecsguard.hcl.HclValues.V;
import dev.ecsguard.hcl.HclValues.Where;
import dev.ecsguard.model.Resource;
import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.Problems;
import dev.ecsguard.tree.RegularFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Terraform source: the aws_ecs_* resources of a module's .tf files, their attributes evaluated
 * with the module's variables (given values, terraform.tfvars, *.auto.tfvars, defaults) and locals.
 * A module is one directory, so a file is always read with its siblings: the unit this reader reads
 * is the directory.
 */
public final class TerraformSourceReader implements InputReader.OfDirectory {
  private static final Set<String> META_ARGUMENTS =
      Set.of("count", "for_each", "depends_on", "provider");
  private static final Set<String> META_BLOCKS = Set.of("lifecycle", "provisioner", "connection");
  // count.index and for_each keys are checked one by one up to this many; beyond, once, as a
  // representative.
  private static final int MAX_INSTANCES = 999;

  private final TerraformShapes shapes;
  private final InputLimits limits;
  private final Map<String, String> variables;

  /** {@code variables}: values for the modules' variables, overriding tfvars files and defaults. */
  public TerraformSourceReader(
      DocumentReader documents, InputLimits limits, Map<String, String> variables) {
    this.shapes = new TerraformShapes(documents);
    this.limits = limits;
    this.variables = Map.copyOf(variables);
  }

  /**
   * Reads the module in the unit's directory and reports the resources in its files (.tf files of
   * that directory); a file that cannot be parsed is an error, and the others are still read.
   * file() and templatefile() read nothing outside the unit's tree.
   */
  @Override
  public void read(
      InputReader.Directory unit, InputReader.Sink sink, Consumer<InputException> errors) {
    read(unit.tree(), unit.directory(), unit.files(), Map.of(), sink, errors);
  }

  /**
   * As above for the unit ({@code tree}, {@code directory}, {@code files}), {@code texts} read in
   * place of those files' contents on disk: how a suggested edit would scan.
   */
  public void read(
      Path tree,
      Path directory,
      List<Path> files,
      Map<Path, String> texts,
      InputReader.Sink sink,
      Consumer<InputException> errors) {
    Map<Block, List<dev.ecsguard.format.InlineSuppression>> inline =
        new java.util.IdentityHashMap<>(); // once per block, not per instance
    instances(
        tree,
        directory,
        files,
        texts,
        sink,
        errors,
        (instance, parsed, root) -> {
          Resource resource =
              shapes.resource(instance.type(), instance.address(), instance.values());
          if (resource != null) {
            sink.resource(
                resource,
                Map.of(),
                inline.computeIfAbsent(
                    instance.block(), block -> suppressions(block, parsed, root, sink)));
          }
        });
  }

  /**
   * One aws_ecs_* resource instance of a module's source: its plan address, the block it is written
   * in, and its attributes evaluated as a plan shows them (nested blocks as lists of objects,
   * unknown values as {@link dev.ecsguard.tree.UnresolvedNode}s).
   */
  public record Instance(String type, String address, Block block, ObjectNode values) {}

  /**
   * Each aws_ecs_* resource instance in {@code files}, evaluated with the module; {@code tree} and
   * {@code texts} as for read.
   */
  public void instances(
      Path tree,
      Path directory,
      List<Path> files,
      Map<Path, String> texts,
      InputReader.Sink notes,
      Consumer<InputException> errors,
      Consumer<Instance> out) {
    instances(
        tree,
        directory,
        files,
        texts,
        notes,
        errors,
        (instance, parsed, root) -> out.accept(instance));
  }

  private interface InstanceVisitor {
    void visit(Instance instance, Hcl.Parsed parsed, ObjectNode root);
  }

  private void instances(
      Path tree,
      Path directory,
      List<Path> files,
      Map<Path, String> texts,
      InputReader.Sink sink,
      Consumer<InputException> errors,
      InstanceVisitor visitor) {
    Map<Path, Hcl.Parsed> module = new LinkedHashMap<>();
    for (Path file : moduleFiles(directory, files, errors)) {
      try {
        module.put(
            file,
            Hcl.parseWithComments(
                file.toString(),
                texts.containsKey(file) ? texts.get(file) : text(file),
                limits.maxNestingDepth()));
      } catch (HclException e) {
        errors.accept(HclBridge.inputError(e));
      } catch (InputException e) {
        errors.accept(e);
      }
    }
    Map<String, Source> defaults = new LinkedHashMap<>();
    Map<String, Source> locals = new LinkedHashMap<>();
    List<Source> defaultTags = new ArrayList<>();
    module.forEach(
        (file, parsed) -> collect(file.toString(), parsed.items(), defaults, locals, defaultTags));
    java.util.Set<String> declared = new java.util.HashSet<>();
    module
        .values()
        .forEach(
            parsed ->
                parsed
                    .items()
                    .forEach(
                        item -> {
                          if (item instanceof Block block
                              && block.type().equals("variable")
                              && block.labels().size() == 1) {
                            declared.add(block.labels().get(0));
                          }
                        }));
    for (String name : variables.keySet()) {
      if (!declared.contains(name)) {
        // terraform refuses an undeclared -var; here it would be ignored silently, so it is said
        sink.note(
            Node.newDocument(directory.toString(), 0, 0),
            "--tf-var " + name + ": this module declares no variable of that name; ignored here");
      }
    }
    HclValues values =
        new HclValues(
            HclBridge.files(tree, directory, limits.maxFileBytes()),
            defaults,
            givenVariables(directory, errors),
            locals);
    for (Path file : files) {
      Hcl.Parsed parsed = module.get(file);
      if (parsed == null) {
        continue;
      }
      ObjectNode root = Node.newDocument(file.toString());
      for (Item item : parsed.items()) {
        if (item instanceof Block block
            && block.type().equals("resource")
            && block.labels().size() == 2
            && block.labels().get(0).startsWith("aws_ecs_")) {
          instances(
              block,
              root,
              values,
              defaultTags,
              sink,
              instance -> visitor.visit(instance, parsed, root));
        }
      }
    }
  }

  /**
   * Every .tf file of the directory, those asked for included even if hidden: the module's files,
   * as a scan reads them.
   */
  public static List<Path> moduleFiles(
      Path directory, List<Path> asked, Consumer<InputException> errors) {
    List<Path> files = new ArrayList<>(asked);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.tf")) {
      for (Path entry : entries) {
        boolean named = files.stream().anyMatch(file -> file.normalize().equals(entry.normalize()));
        if (!named
            && !entry.getFileName().toString().startsWith(".")
            && Files.isRegularFile(entry)) {
          files.add(entry);
        }
      }
    } catch (IOException e) {
      errors.accept(
          new InputException(
              directory.toString(), "cannot list the module's directory: " + Problems.describe(e)));
    }
    return files;
  }

  private static void collect(
      String file,
      List<Item> items,
      Map<String, Source> defaults,
      Map<String, Source> locals,
      List<Source> defaultTags) {
    for (Item item : items) {
      if (!(item instanceof Block block)) {
        continue;
      }
      switch (block.type()) {
        case "variable" -> {
          if (block.labels().size() == 1) {
            attribute(block, "default")
                .ifPresent(
                    value -> defaults.put(block.labels().get(0), new Source(value.value(), file)));
          }
        }
        case "locals" ->
            block
                .body()
                .forEach(
                    local -> {
                      if (local instanceof Attribute attribute) {
                        locals.put(attribute.name(), new Source(attribute.value(), file));
                      }
                    });
        case "provider" -> {
          // The default (unaliased) AWS provider's default_tags join every resource's tags.
          if (block.labels().equals(List.of("aws")) && attribute(block, "alias").isEmpty()) {
            for (Item inner : block.body()) {
              if (inner instanceof Block tags && tags.type().equals("default_tags")) {
                attribute(tags, "tags")
                    .ifPresent(value -> defaultTags.add(new Source(value.value(), file)));
              }
            }
          }
        }
        default -> {}
      }
    }
  }

  private static java.util.Optional<Attribute> attribute(Block block, String name) {
    for (Item item : block.body()) {
      if (item instanceof Attribute attribute && attribute.name().equals(name)) {
        return java.util.Optional.of(attribute);
      }
    }
    return java.util.Optional.empty();
  }

  /** terraform.tfvars, then *.auto.tfvars in name order, then the values given: later ones win. */
  private Map<String, Source> givenVariables(Path directory, Consumer<InputException> errors) {
    Map<String, Source> given = new LinkedHashMap<>();
    List<Path> files = new ArrayList<>();
    // Whatever it is, a tfvars file that exists is read as a file: a pipe or device is refused,
    // never waited on.
    if (Files.exists(directory.resolve("terraform.tfvars"), LinkOption.NOFOLLOW_LINKS)) {
      files.add(directory.resolve("terraform.tfvars"));
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.auto.tfvars")) {
      List<Path> auto = new ArrayList<>();
      entries.forEach(auto::add);
      auto.sort(null);
      files.addAll(auto);
    } catch (IOException e) {
      errors.accept(
          new InputException(
              directory.toString(), "cannot list the module's directory: " + Problems.describe(e)));
    }
    for (Path file : files) {
      try {
        for (Item item : Hcl.parse(file.toString(), text(file), limits.maxNestingDepth())) {
          if (item instanceof Attribute attribute) {
            given.put(attribute.name(), new Source(attribute.value(), file.toString()));
          }
        }
      } catch (HclException e) {
        errors.accept(HclBridge.inputError(e));
      } catch (InputException e) {
        errors.accept(e);
      }
    }
    variables.forEach(
        (name, value) -> given.put(name, new Source(commandLineValue(value), "--tf-var " + name)));
    return given;
  }

  /**
   * As terraform -var reads a value: a literal, list or map when it is one, otherwise the string
   * itself.
   */
  private static Hcl.Expression commandLineValue(String value) {
    Hcl.Expression parsed = Hcl.parseExpression(value);
    boolean literal =
        parsed instanceof Hcl.Literal
            || parsed instanceof Hcl.Tuple
            || parsed instanceof Hcl.ObjectValue;
    return literal
        ? parsed
        : new Hcl.Literal(Hcl.Literal.Kind.STRING, value, new Hcl.Position(0, 0));
  }

  /**
   * {@code # ecsguard:ignore ID reason} on the block's first line or in the comment lines right
   * above it.
   */
  private static List<dev.ecsguard.format.InlineSuppression> suppressions(
      Block block, Hcl.Parsed parsed, ObjectNode root, InputReader.Sink sink) {
    String address = block.labels().get(0) + "." + block.labels().get(1);
    List<dev.ecsguard.format.InlineSuppression> found = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    if (parsed.comments().containsKey(block.at().line())) {
      lines.add(block.at().line());
    }
    for (int line = block.at().line() - 1; parsed.comments().containsKey(line); line--) {
      lines.add(line);
    }
    for (int line : lines) {
      Node where = Node.newDocument(root.file(), line, 1);
      InlineSuppressions.terraform(parsed.comments().get(line), address, where, found, sink::note);
    }
    return found;
  }

  private void instances(
      Block block,
      ObjectNode root,
      HclValues evaluator,
      List<Source> defaultTags,
      InputReader.Sink sink,
      Consumer<Instance> out) {
    String type = block.labels().get(0);
    String name = block.labels().get(1);
    ObjectNode byType = child(child(root, "resource", block), type, block);
    Where at = new Where(root.file(), block.at());
    Map<String, Map<String, V>> instances =
        new LinkedHashMap<>(); // address suffix → names bound for it
    V count =
        attribute(block, "count")
            .map(a -> evaluator.evaluate(new Source(a.value(), root.file())))
            .orElse(null);
    V forEach =
        attribute(block, "for_each")
            .map(a -> evaluator.evaluate(new Source(a.value(), root.file())))
            .orElse(null);
    if (count instanceof Scalar scalar
        && scalar.type() == Scalar.Type.NUMBER
        && scalar.text().matches("\\d{1,3}")) {
      for (int index = 0; index < Integer.parseInt(scalar.text()); index++) {
        instances.put(
            "[" + index + "]",
            Map.of(
                "count",
                new ObjectV(
                    Map.of("index", new Scalar(Scalar.Type.NUMBER, Integer.toString(index), at)),
                    at)));
      }
    } else if (forEach instanceof ObjectV map && map.members().size() <= MAX_INSTANCES) {
      map.members()
          .forEach(
              (key, value) ->
                  instances.put(
                      "[\"" + key + "\"]",
                      Map.of(
                          "each",
                          new ObjectV(
                              Map.of(
                                  "key", new Scalar(Scalar.Type.STRING, key, at), "value", value),
                              at))));
    } else if (forEach instanceof HclValues.ListV set
        && set.items().size() <= MAX_INSTANCES
        && set.items().stream().allMatch(item -> item instanceof Scalar s && s.text() != null)) {
      set.items()
          .forEach(
              item ->
                  instances.put(
                      "[\"" + ((Scalar) item).text() + "\"]",
                      Map.of("each", new ObjectV(Map.of("key", item, "value", item), at))));
    } else {
      instances.put(
          "",
          Map.of()); // one instance, or instances not known until plan: checked once, what depends
      // on them UNKNOWN
    }
    if (instances.isEmpty()) {
      sink.note(
          Node.newDocument(root.file(), block.at().line(), block.at().column()),
          type
              + "."
              + name
              + ": "
              + (count != null ? "count" : "for_each")
              + " makes no instances; skipped");
      return;
    }
    instances.forEach(
        (suffix, names) -> {
          HclValues instance = names.isEmpty() ? evaluator : evaluator.forInstance(names);
          ObjectNode values =
              Node.newObject(byType, name + suffix, block.at().line(), block.at().column());
          fill(values, block.body(), root.file(), instance);
          defaultTags(values, block, root.file(), instance, defaultTags);
          out.accept(new Instance(type, type + "." + name + suffix, block, values));
        });
  }

  private static ObjectNode child(ObjectNode parent, String name, Block at) {
    return parent.get(name) instanceof ObjectNode existing
        ? existing
        : Node.newObject(parent, name, at.at().line(), at.at().column());
  }

  /** Attributes as values, nested blocks as lists of objects, as a plan shows them. */
  private static void fill(ObjectNode values, List<Item> body, String file, HclValues evaluator) {
    for (Item item : body) {
      switch (item) {
        case Attribute attribute -> {
          if (!META_ARGUMENTS.contains(attribute.name())) {
            HclBridge.place(
                evaluator.evaluate(new Source(attribute.value(), file)),
                values,
                attribute.name(),
                attribute.at());
          }
        }
        case Block block -> {
          if (block.type().equals("dynamic") && block.labels().size() == 1) {
            Node.newUnresolved(
                blocks(values, block.labels().get(0), block),
                null,
                block.at().line(),
                block.at().column(),
                "dynamic \""
                    + block.labels().get(0)
                    + "\" blocks are made for each item of for_each, which ecsguard does not evaluate");
          } else if (!META_BLOCKS.contains(block.type())) {
            fill(
                Node.newObject(
                    blocks(values, block.type(), block),
                    null,
                    block.at().line(),
                    block.at().column()),
                block.body(),
                file,
                evaluator);
          }
        }
      }
    }
  }

  private static ArrayNode blocks(ObjectNode values, String type, Block at) {
    return values.get(type) instanceof ArrayNode existing
        ? existing
        : Node.newArray(values, type, at.at().line(), at.at().column());
  }

  /**
   * tags_all as the provider computes it: its default_tags merged with the resource's tags. Without
   * a provider block in the module, tags alone are judged.
   */
  private static void defaultTags(
      ObjectNode values, Block block, String file, HclValues evaluator, List<Source> defaultTags) {
    if (defaultTags.isEmpty()) {
      return;
    }
    Hcl.Position at = attribute(block, "tags").map(Attribute::at).orElse(block.at());
    Map<String, V> merged = new LinkedHashMap<>();
    V result = null;
    for (V part :
        List.of(
            evaluator.evaluate(defaultTags.get(0)),
            attribute(block, "tags")
                .map(tags -> evaluator.evaluate(new Source(tags.value(), file)))
                .orElse(new ObjectV(Map.of(), new Where(file, at))))) {
      if (part instanceof ObjectV object) {
        merged.putAll(object.members());
      } else if (!(part instanceof Scalar scalar && scalar.text() == null)) {
        result =
            part instanceof Unknown
                ? part
                : new Unknown("tags that are not a map", new Where(file, at));
      }
    }
    HclBridge.place(
        result != null ? result : new ObjectV(merged, new Where(file, at)), values, "tags_all", at);
  }

  private String text(Path file) throws InputException {
    return RegularFiles.readUtf8(file, file.toString(), limits.maxFileBytes());
  }
}
