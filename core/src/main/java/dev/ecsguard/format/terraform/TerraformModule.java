package dev.ecsguard.format.terraform;

import dev.ecsguard.hcl.Hcl;
import dev.ecsguard.hcl.Hcl.Attribute;
import dev.ecsguard.hcl.Hcl.Block;
import dev.ecsguard.hcl.Hcl.Item;
import dev.ecsguard.hcl.HclException;
import dev.ecsguard.hcl.HclValues.Source;
import dev.ecsguard.hcl.HclValues.TemplateData;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.RegularFiles;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One module's source, parsed once however often it is called: its .tf files and what they declare
 * (variables, locals, outputs, module calls, the AWS provider's default_tags).
 */
final class TerraformModule {
  /** A variable: its default (null when it has none) and whether a null given falls back to it. */
  record Variable(Source defaultValue, boolean nullable) {}

  /** A module block: its name, the block, its file, and its source when written as a string. */
  record Call(String name, Block block, String file, String source) {}

  final Path directory;
  final Map<Path, Hcl.Parsed> files = new LinkedHashMap<>();
  final Map<String, Source> defaults = new LinkedHashMap<>();
  final Map<String, Variable> variables = new LinkedHashMap<>();
  final Map<String, Source> types = new LinkedHashMap<>();
  final Map<String, Source> locals = new LinkedHashMap<>();
  final Map<String, Source> outputs = new LinkedHashMap<>();

  /**
   * Variables, locals, outputs and the default AWS provider declared more than once ({@code var.x},
   * {@code local.y}, {@code output.z}, {@code provider.aws}), which Terraform refuses, each with
   * why it has no value.
   */
  final Map<String, String> refused = new LinkedHashMap<>();

  private final Map<String, String> declaredAt = new LinkedHashMap<>(); // var.x → a.tf:3
  final List<Source> defaultTags = new ArrayList<>();
  final List<Call> calls = new ArrayList<>();

  /** Its {@code data "template_file"} blocks by name, which HclValues renders. */
  final Map<String, TemplateData> templateData = new LinkedHashMap<>();

  /** Its aws_ecs_task_definition resources by name: {@code count}, {@code for_each} or "". */
  final Map<String, String> taskDefinitions = new LinkedHashMap<>();

  /**
   * Whether it is written to be run itself, not only called: it configures a provider or a backend,
   * or has a tfvars file.
   */
  boolean runnable;

  private TerraformModule(Path directory) {
    this.directory = directory;
  }

  /**
   * The module in {@code directory}: every .tf file of it ({@code asked} included even if hidden),
   * {@code texts} read in place of those files' contents on disk. A file that cannot be read or
   * parsed is an error, and the others are still read.
   */
  static TerraformModule read(
      Path directory,
      List<Path> asked,
      Map<Path, String> texts,
      InputLimits limits,
      Consumer<InputException> errors) {
    TerraformModule module = new TerraformModule(directory);
    for (Path file : TerraformSourceReader.moduleFiles(directory, asked, errors)) {
      try {
        String text =
            texts.containsKey(file)
                ? texts.get(file)
                : RegularFiles.readUtf8(file, file.toString(), limits.maxFileBytes());
        module.files.put(
            file, Hcl.parseWithComments(file.toString(), text, limits.maxNestingDepth()));
      } catch (HclException e) {
        errors.accept(HclBridge.inputError(e));
      } catch (InputException e) {
        errors.accept(e);
      }
    }
    module.files.forEach((file, parsed) -> module.collect(file.toString(), parsed.items()));
    module.runnable |=
        Files.exists(directory.resolve("terraform.tfvars"), LinkOption.NOFOLLOW_LINKS);
    return module;
  }

  private void collect(String file, List<Item> items) {
    for (Item item : items) {
      if (!(item instanceof Block block)) {
        continue;
      }
      String label = block.labels().size() == 1 ? block.labels().get(0) : null;
      switch (block.type()) {
        case "variable" -> {
          if (label != null && declare("var." + label, file, block.at())) {
            Source value =
                attribute(block, "default").map(a -> new Source(a.value(), file)).orElse(null);
            if (value != null) {
              defaults.put(label, value);
            }
            attribute(block, "type")
                .ifPresent(type -> types.put(label, new Source(type.value(), file)));
            boolean nullable =
                attribute(block, "nullable")
                    .map(
                        a ->
                            !(a.value() instanceof Hcl.Literal literal)
                                || !"false".equals(literal.text()))
                    .orElse(true);
            variables.put(label, new Variable(value, nullable));
          }
        }
        case "locals" ->
            block
                .body()
                .forEach(
                    local -> {
                      if (local instanceof Attribute attribute
                          && declare("local." + attribute.name(), file, attribute.at())) {
                        locals.put(attribute.name(), new Source(attribute.value(), file));
                      }
                    });
        case "resource" -> {
          if (block.labels().size() == 2 && block.labels().get(0).startsWith("aws_ecs_")) {
            // Both blocks are still checked; the note (and a reference to it) says Terraform's
            // view.
            declare(block.labels().get(0) + "." + block.labels().get(1), file, block.at());
          }
          if (block.labels().size() == 2
              && block.labels().get(0).equals("aws_ecs_task_definition")) {
            taskDefinitions.put(
                block.labels().get(1),
                attribute(block, "count").isPresent()
                    ? "count"
                    : attribute(block, "for_each").isPresent() ? "for_each" : "");
          }
        }
        case "data" -> {
          // The template provider renders locally; one with count or for_each is left unknown.
          if (block.labels().size() == 2
              && block.labels().get(0).equals("template_file")
              && attribute(block, "count").isEmpty()
              && attribute(block, "for_each").isEmpty()) {
            attribute(block, "template")
                .ifPresent(
                    template ->
                        templateData.put(
                            block.labels().get(1),
                            new TemplateData(
                                new Source(template.value(), file),
                                attribute(block, "vars")
                                    .map(vars -> new Source(vars.value(), file))
                                    .orElse(null))));
          }
        }
        case "output" -> {
          if (label != null && declare("output." + label, file, block.at())) {
            attribute(block, "value")
                .ifPresent(value -> outputs.put(label, new Source(value.value(), file)));
          }
        }
        case "module" -> {
          if (label != null) {
            String source =
                attribute(block, "source")
                    .map(Attribute::value)
                    .filter(value -> value instanceof Hcl.Literal literal && literal.text() != null)
                    .map(value -> ((Hcl.Literal) value).text())
                    .orElse(null);
            calls.add(new Call(label, block, file, source));
          }
        }
        case "provider" -> {
          runnable = true;
          // The default (unaliased) AWS provider's default_tags join every resource's tags.
          if (block.labels().equals(List.of("aws"))
              && attribute(block, "alias").isEmpty()
              && declare("provider.aws", file, block.at())) {
            for (Item inner : block.body()) {
              if (inner instanceof Block tags && tags.type().equals("default_tags")) {
                attribute(tags, "tags")
                    .ifPresent(value -> defaultTags.add(new Source(value.value(), file)));
              }
            }
          }
        }
        case "terraform" ->
            runnable |=
                block.body().stream()
                    .anyMatch(
                        inner ->
                            inner instanceof Block setting
                                && (setting.type().equals("backend")
                                    || setting.type().equals("cloud")));
        default -> {}
      }
    }
  }

  /**
   * Records that {@code name} ({@code var.x}, {@code local.y}, {@code output.z}, an ECS resource's
   * address) is declared at {@code at} of {@code file}; false when it was declared before, and then
   * it is refused.
   */
  private boolean declare(String name, String file, Hcl.Position at) {
    String here = Path.of(file).getFileName() + ":" + at.line();
    String first = declaredAt.putIfAbsent(name, here);
    if (first == null) {
      return true;
    }
    refused.putIfAbsent(
        name,
        name + " is declared twice (" + first + " and " + here + "), which Terraform refuses");
    return false;
  }

  static Optional<Attribute> attribute(Block block, String name) {
    for (Item item : block.body()) {
      if (item instanceof Attribute attribute && attribute.name().equals(name)) {
        return Optional.of(attribute);
      }
    }
    return Optional.empty();
  }
}
