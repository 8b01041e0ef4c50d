package dev.ecsguard.format.terraform;

import dev.ecsguard.format.InlineSuppressions;
import dev.ecsguard.format.InputReader;
import dev.ecsguard.format.ResourceShapes;
import dev.ecsguard.hcl.Hcl;
import dev.ecsguard.hcl.Hcl.Attribute;
import dev.ecsguard.hcl.Hcl.Block;
import dev.ecsguard.hcl.Hcl.Item;
import dev.ecsguard.hcl.HclException;
import dev.ecsguard.hcl.HclValues;
import dev.ecsguard.hcl.HclValues.ListV;
import dev.ecsguard.hcl.HclValues.ObjectV;
import dev.ecsguard.hcl.HclValues.Scalar;
import dev.ecsguard.hcl.HclValues.Source;
import dev.ecsguard.hcl.HclValues.Unknown;
import dev.ecsguard.hcl.HclValues.V;
import dev.ecsguard.hcl.HclValues.Where;
import dev.ecsguard.model.Resource;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinitionLink;
import dev.ecsguard.model.Unreadable;
import dev.ecsguard.model.Value;
import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.Problems;
import dev.ecsguard.tree.RegularFiles;
import dev.ecsguard.tree.ScalarNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Terraform source: the aws_ecs_* resources of a configuration's .tf files, their attributes
 * evaluated with the module's variables (given values, terraform.tfvars, *.auto.tfvars, defaults)
 * and locals, following its module calls. A module is one directory, so a file is always read with
 * its siblings: the unit this reader reads is the directory. Of the units of one scan, one that
 * another calls as a module is evaluated through its callers, with what they pass; the others are
 * roots.
 */
public final class TerraformSourceReader implements InputReader.OfDirectory {
  private static final Set<String> META_ARGUMENTS =
      Set.of("count", "for_each", "depends_on", "provider", "providers", "source", "version");
  private static final Set<String> META_BLOCKS = Set.of("lifecycle", "provisioner", "connection");
  // count.index and for_each keys are checked one by one up to this many; beyond, once, as a
  // representative.
  private static final int MAX_INSTANCES = 999;
  // Module calls nest a few levels in real configurations; deeper is a mistake or an attack.
  static final int MAX_MODULE_DEPTH = 32;
  // Registry modules that hold no ECS resource, so that one not downloaded leaves its outputs
  // unknown but hides nothing a control judges. cloudposse/label/null and
  // cloudposse/ecs-container-definition/aws hold no resources at all (cloudposse's modules call the
  // first for names and tags several times each; the second builds a container definition's JSON).
  // terraform-aws-modules' modules below, submodules (//modules/...) included, held no aws_ecs_*
  // resource in any of their files when read on 2026-12-06, and call only each other; nor did the
  // ECS module's container-definition submodule (locals and a log group), and its express-service
  // one holds only aws_ecs_express_gateway_service, which no control judges. Real
  // configurations call them beside the ECS module, and each one not downloaded hid 25 UNKNOWN
  // findings of a resource that cannot exist.
  private static final Set<String> WITHOUT_ECS_RESOURCES =
      Set.of(
          "cloudposse/label/null",
          "cloudposse/ecs-container-definition/aws",
          "terraform-aws-modules/ecs/aws//modules/container-definition",
          "terraform-aws-modules/ecs/aws//modules/express-service",
          "terraform-aws-modules/acm/aws",
          "terraform-aws-modules/alb/aws",
          "terraform-aws-modules/autoscaling/aws",
          "terraform-aws-modules/cloudwatch/aws",
          "terraform-aws-modules/dynamodb-table/aws",
          "terraform-aws-modules/ecr/aws",
          "terraform-aws-modules/efs/aws",
          "terraform-aws-modules/eks/aws",
          "terraform-aws-modules/iam/aws",
          "terraform-aws-modules/kms/aws",
          "terraform-aws-modules/lambda/aws",
          "terraform-aws-modules/rds/aws",
          "terraform-aws-modules/route53/aws",
          "terraform-aws-modules/s3-bucket/aws",
          "terraform-aws-modules/security-group/aws",
          "terraform-aws-modules/sns/aws",
          "terraform-aws-modules/sqs/aws",
          "terraform-aws-modules/vpc/aws");
  // A registry module NAMESPACE/NAME/PROVIDER is published from the GitHub repository
  // NAMESPACE/terraform-PROVIDER-NAME, which configurations also call as a git source
  // (git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git?ref=v5.0.0,
  // github.com/..., git@github.com:...), a subdirectory (//modules/x) and a ref or not.
  private static final java.util.regex.Pattern GITHUB_MODULE =
      java.util.regex.Pattern.compile(
          "^(?:git::)?(?:(?:https|ssh)://)?(?:git@)?github\\.com[/:]([^/]+)/terraform-([^-/]+)-([^/?]+?)"
              + "(?:\\.git)?(//[^?]*)?(?:\\?.*)?$");
  // Module instances one root may make (for_each of for_each…), so that none multiplies without
  // end.
  static final int MAX_MODULE_INSTANCES = 10_000;

  private final TerraformShapes shapes;
  private final DocumentReader documents;
  private final InputLimits limits;
  private final TerraformVariables variables;

  /** {@code variables}: what the root modules' variables are given besides their tfvars files. */
  public TerraformSourceReader(
      DocumentReader documents, InputLimits limits, TerraformVariables variables) {
    this.shapes = new TerraformShapes(documents);
    this.documents = documents;
    this.limits = limits;
    this.variables = variables;
  }

  /**
   * Reads the module in the unit's directory as a root and reports the resources in its files (.tf
   * files of that directory) and in the modules it calls; a file that cannot be parsed is an error,
   * and the others are still read. Nothing outside the unit's tree is read.
   */
  @Override
  public void read(
      InputReader.Directory unit, InputReader.Sink sink, Consumer<InputException> errors) {
    read(List.of(unit), sink, errors);
  }

  /**
   * Reads the roots among {@code units}: a unit another one calls (a local source leading to it) is
   * evaluated through that caller only, with what it passes, and its resources are reported under
   * their module address. Units that call each other with no root above them are each read as a
   * root.
   */
  @Override
  public void read(
      List<InputReader.Directory> units, InputReader.Sink sink, Consumer<InputException> errors) {
    Modules modules = new Modules(Map.of(), errors);
    Map<Path, Set<Path>> callees = callees(units, modules);
    Set<Path> called = new HashSet<>();
    callees.values().forEach(called::addAll);
    Set<Path> reached = new HashSet<>();
    List<InputReader.Directory> roots = new ArrayList<>();
    for (InputReader.Directory unit : units) {
      if (!called.contains(real(unit.directory()))) {
        roots.add(unit);
        reach(real(unit.directory()), callees, reached);
        TerraformModule module = modules.module(unit.directory(), unit.files());
        if (!module.runnable && !module.variables.isEmpty()) {
          boolean given =
              !variables.values().isEmpty()
                  || !variables.files().isEmpty()
                  || module.variables.keySet().stream()
                      .anyMatch(variables.environment()::containsKey);
          sink.note(
              Node.newDocument(unit.directory().toString(), 0, 0),
              "read as a root module, its variables at "
                  + (given ? "the values given, else their defaults" : "their defaults")
                  + ": it configures no provider or backend and no scanned configuration calls"
                  + " it; to judge what a caller passes to it, scan the caller with it");
        }
      }
    }
    for (InputReader.Directory unit : units) {
      if (!reached.contains(real(unit.directory()))) { // modules calling each other, no root above
        roots.add(unit);
        reach(real(unit.directory()), callees, reached);
      }
    }
    for (InputReader.Directory root : roots) {
      read(root.tree(), root.directory(), root.files(), modules, sink, errors, true);
    }
  }

  /**
   * The units that another of them calls as a local module: such a module is evaluated through its
   * callers only, so {@code fix} suggests its changes at the call, not as a root of its own.
   */
  public List<InputReader.Directory> calledModules(
      List<InputReader.Directory> units, Consumer<InputException> errors) {
    Set<Path> called = new HashSet<>();
    callees(units, new Modules(Map.of(), errors)).values().forEach(called::addAll);
    return units.stream().filter(unit -> called.contains(real(unit.directory()))).toList();
  }

  /** For each unit (its real path), the other units it calls as local modules within its tree. */
  private static Map<Path, Set<Path>> callees(List<InputReader.Directory> units, Modules modules) {
    units.forEach(unit -> modules.scanned.putIfAbsent(real(unit.directory()), unit));
    Map<Path, Set<Path>> callees = new HashMap<>();
    for (InputReader.Directory unit : units) {
      Path self = real(unit.directory());
      for (TerraformModule.Call call : modules.module(unit.directory(), unit.files()).calls) {
        Path target =
            isLocal(call.source())
                ? real(unit.directory().resolve(call.source()))
                : null; // remote modules lie in .terraform, which no scan takes as a unit
        if (target != null
            && modules.scanned.containsKey(target)
            && !target.equals(self)
            && target.startsWith(real(unit.tree()))) {
          callees.computeIfAbsent(self, key -> new HashSet<>()).add(target);
        }
      }
    }
    return callees;
  }

  private static void reach(Path directory, Map<Path, Set<Path>> callees, Set<Path> reached) {
    if (reached.add(directory)) {
      callees.getOrDefault(directory, Set.of()).forEach(next -> reach(next, callees, reached));
    }
  }

  /**
   * Reads the module in {@code directory} as a root, {@code texts} read in place of those files'
   * contents on disk (how a suggested edit would scan); reports the resources written in {@code
   * files} only, the modules it calls followed for their outputs.
   */
  public void read(
      Path tree,
      Path directory,
      List<Path> files,
      Map<Path, String> texts,
      InputReader.Sink sink,
      Consumer<InputException> errors) {
    read(tree, directory, files, texts, sink, errors, false);
  }

  /**
   * As {@link #read(Path, Path, List, Map, InputReader.Sink, Consumer)}, and with {@code
   * withCalled} the resources of every module the root calls too.
   */
  public void read(
      Path tree,
      Path directory,
      List<Path> files,
      Map<Path, String> texts,
      InputReader.Sink sink,
      Consumer<InputException> errors,
      boolean withCalled) {
    read(tree, directory, files, new Modules(texts, errors), sink, errors, withCalled);
  }

  private void read(
      Path tree,
      Path directory,
      List<Path> files,
      Modules modules,
      InputReader.Sink sink,
      Consumer<InputException> errors,
      boolean reportCalled) {
    Map<Block, List<dev.ecsguard.format.InlineSuppression>> inline =
        new java.util.IdentityHashMap<>(); // once per block, not per instance
    new Run(tree, directory, modules, sink, errors, reportCalled)
        .report(
            files,
            (instance, parsed, root) -> {
              Resource resource =
                  shapes.resource(
                      instance.type(), instance.address(), instance.values(), links(directory));
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
   * The links of a root's resources: a task definition's key is the root and its address; a
   * service's task_definition that refers to a task-definition resource is known only after apply,
   * and its reason names the resource by its full address (see {@link UnknownAttributes}).
   */
  private static TerraformShapes.Links links(Path root) {
    return new TerraformShapes.Links() {
      @Override
      public String key(String address) {
        return "terraform:" + root + "#" + address;
      }

      @Override
      public Value<TaskDefinitionLink> link(Value<String> written) {
        if (written.isUnknown()) {
          java.util.regex.Matcher reference = UnknownAttributes.REFERENCE.matcher(written.reason());
          if (reference.lookingAt()) {
            return Value.known(
                new TaskDefinitionLink(null, key(reference.group(1))), written.origin());
          }
        }
        return ResourceShapes.link(written);
      }
    };
  }

  /**
   * One aws_ecs_* resource instance of a module's source: its plan address, the block it is written
   * in, and its attributes evaluated as a plan shows them (nested blocks as lists of objects,
   * unknown values as {@link dev.ecsguard.tree.UnresolvedNode}s).
   */
  public record Instance(
      String type,
      String address,
      Block block,
      ObjectNode values,
      String file,
      List<ModuleCall> calls) {}

  /**
   * A module call on the way from the root to a resource: the call's name, its {@code module}
   * block, the file that block is written in, and the called module's directory.
   */
  public record ModuleCall(String name, Block block, String file, Path directory) {}

  /**
   * Each aws_ecs_* resource instance written in {@code files}, evaluated with the module in {@code
   * directory} as a root; {@code tree} and {@code texts} as for read.
   */
  public void instances(
      Path tree,
      Path directory,
      List<Path> files,
      Map<Path, String> texts,
      InputReader.Sink notes,
      Consumer<InputException> errors,
      Consumer<Instance> out) {
    instances(tree, directory, files, texts, notes, errors, false, out);
  }

  /**
   * As the other instances, and with {@code withCalled} the instances in every module the root
   * calls too, each with the calls that lead to it.
   */
  public void instances(
      Path tree,
      Path directory,
      List<Path> files,
      Map<Path, String> texts,
      InputReader.Sink notes,
      Consumer<InputException> errors,
      boolean withCalled,
      Consumer<Instance> out) {
    new Run(tree, directory, new Modules(texts, errors), notes, errors, withCalled)
        .report(files, (instance, parsed, root) -> out.accept(instance));
  }

  private interface InstanceVisitor {
    void visit(Instance instance, Hcl.Parsed parsed, ObjectNode root);
  }

  /** The modules one read parses, each once by its real directory, however often called. */
  private final class Modules {
    final Map<Path, TerraformModule> parsed = new HashMap<>();
    final Map<Path, InputReader.Directory> scanned = new HashMap<>(); // units, by real directory
    final Map<Path, String> texts;
    final Consumer<InputException> errors;

    Modules(Map<Path, String> texts, Consumer<InputException> errors) {
      this.texts = texts;
      this.errors = errors;
    }

    /** The module in {@code directory}, with {@code asked} (a unit's files) among its files. */
    TerraformModule module(Path directory, List<Path> asked) {
      Path real = real(directory);
      TerraformModule module = parsed.get(real);
      if (module == null) {
        InputReader.Directory unit = scanned.get(real);
        module =
            unit != null
                ? TerraformModule.read(unit.directory(), unit.files(), texts, limits, errors)
                : TerraformModule.read(directory, asked, texts, limits, errors);
        parsed.put(real, module);
      }
      return module;
    }
  }

  /** One root read: its module instances, notes said once, and the instance budget. */
  private final class Run {
    final Path tree;
    final Path rootDirectory;
    final Modules modules;
    final InputReader.Sink sink;
    final Consumer<InputException> errors;
    final boolean reportCalled;
    final Set<String> said = new HashSet<>();
    Map<String, String> downloaded; // modules.json: module key → directory, read when first needed
    int moduleInstances;

    Run(
        Path tree,
        Path rootDirectory,
        Modules modules,
        InputReader.Sink sink,
        Consumer<InputException> errors,
        boolean reportCalled) {
      this.tree = tree;
      this.rootDirectory = rootDirectory;
      this.modules = modules;
      this.sink = sink;
      this.errors = errors;
      this.reportCalled = reportCalled;
    }

    void report(List<Path> files, InstanceVisitor visitor) {
      TerraformModule module = modules.module(rootDirectory, files);
      module.refused.forEach(
          (name, reason) -> {
            if (name.startsWith("aws_ecs_")) {
              sink.note(
                  Node.newDocument(rootDirectory.toString(), 0, 0),
                  reason + "; ecsguard checks each block, both under that address");
            }
          });
      for (String name : variables.values().keySet()) {
        if (!module.variables.containsKey(name)) {
          // terraform refuses an undeclared -var; here it would be ignored silently, so it is said
          sink.note(
              Node.newDocument(rootDirectory.toString(), 0, 0),
              "--tf-var " + name + ": this module declares no variable of that name; ignored here");
        }
      }
      HclValues base =
          new HclValues(
                  HclBridge.files(tree, rootDirectory, limits.maxFileBytes()),
                  module.defaults,
                  givenVariables(rootDirectory, errors),
                  module.types,
                  module.locals,
                  module.templateData)
              .refusing(module.refused);
      ModuleInstance root =
          new ModuleInstance(
              this,
              module,
              "",
              "",
              List.of(real(rootDirectory)),
              List.of(),
              base,
              null,
              () -> null);
      report(root, files, visitor);
    }

    private void report(ModuleInstance instance, List<Path> files, InstanceVisitor visitor) {
      for (Path file : files) {
        Hcl.Parsed parsed = instance.module.files.get(file);
        if (parsed == null) {
          continue;
        }
        ObjectNode root = Node.newDocument(file.toString());
        for (Item item : parsed.items()) {
          if (item instanceof Block block
              && block.type().equals("resource")
              && block.labels().size() == 2
              && block.labels().get(0).startsWith("aws_ecs_")) {
            instances(block, root, instance, this, found -> visitor.visit(found, parsed, root));
          }
        }
      }
      if (!reportCalled) {
        return;
      }
      for (TerraformModule.Call call : instance.module.calls) {
        Expansion expansion = instance.expansion(call.name());
        if (expansion.missing() != null) {
          for (ResourceType type : ResourceType.values()) {
            sink.resource(
                Unreadable.of(
                    type,
                    instance.address + "module." + call.name(),
                    Node.newDocument(
                        call.file(), call.block().at().line(), call.block().at().column()),
                    expansion.missing()));
          }
        }
        for (ModuleInstance child : expansion.children()) {
          report(child, List.copyOf(child.module.files.keySet()), visitor);
        }
      }
    }

    void note(String file, Hcl.Position at, String message) {
      if (said.add(file + at + message)) {
        sink.note(Node.newDocument(file, at.line(), at.column()), message);
      }
    }

    void error(String file, Hcl.Position at, String message) {
      if (said.add(file + at + message)) {
        errors.accept(new InputException(file, at.line(), at.column(), message));
      }
    }

    /** What terraform init wrote in the root's .terraform/modules/modules.json: key → Dir. */
    Map<String, String> downloaded() {
      if (downloaded == null) {
        downloaded = new HashMap<>();
        Path manifest = rootDirectory.resolve(".terraform/modules/modules.json");
        if (Files.exists(manifest) && real(manifest).startsWith(real(tree))) {
          try {
            if (documents.read(manifest, manifest.toString()).root() instanceof ObjectNode root
                && root.get("Modules") instanceof ArrayNode entries) {
              for (Node entry : entries.elements()) {
                if (entry instanceof ObjectNode module
                    && module.get("Key") instanceof ScalarNode key
                    && module.get("Dir") instanceof ScalarNode dir
                    && key.text() != null
                    && dir.text() != null) {
                  downloaded.put(key.text(), dir.text());
                }
              }
            }
          } catch (InputException e) {
            errors.accept(e);
          }
        }
      }
      return downloaded;
    }
  }

  /**
   * What a module call makes: its instances, and what {@code module.NAME} reads in the caller (an
   * object of outputs; a list of them for count, a map for for_each); {@code missing}, when the
   * module could not be read, says why and that its resources are not checked.
   */
  private record Expansion(List<ModuleInstance> children, V value, String missing) {}

  /** One instance of a module: its address, its evaluator, and its calls expanded when needed. */
  private final class ModuleInstance {
    final Run run;
    final TerraformModule module;
    final String address; // "" for the root, else "module.a.module.b[\"k\"]."
    final String key; // modules.json's: "a.b"
    final List<Path> chain; // the real directories from the root to this module
    final List<ModuleCall> via; // the calls from the root to this module
    final Map<String, V> scope = new HashMap<>();
    final Scope own;
    final Map<String, Expansion> expansions = new HashMap<>();
    final LazyValues calls;
    // The AWS provider's default_tags: the module's own provider block's, else its caller's, as a
    // child module inherits the provider; null when none.
    final java.util.function.Supplier<V> defaultTags;

    ModuleInstance(
        Run run,
        TerraformModule module,
        String address,
        String key,
        List<Path> chain,
        List<ModuleCall> via,
        HclValues base,
        V variables,
        java.util.function.Supplier<V> inheritedTags) {
      this.run = run;
      this.module = module;
      this.address = address;
      this.key = key;
      this.chain = chain;
      this.via = via;
      Map<String, java.util.function.Supplier<V>> byName = new LinkedHashMap<>();
      module.calls.forEach(call -> byName.put(call.name(), () -> expand(call).value()));
      this.calls =
          new LazyValues(
              byName,
              name ->
                  new Unknown(
                      "module." + name + " depends on itself", where(module.directory, null)));
      if (variables != null) {
        scope.put("var", variables);
      }
      if (!module.calls.isEmpty()) {
        scope.put("module", new ObjectV(calls, where(module.directory, null)));
      }
      if (!module.taskDefinitions.isEmpty()) {
        // Known only after apply, as any resource's attributes, but named by the full address, so
        // that a service's task_definition links to this module's resource however it was passed.
        Map<String, V> resources = new LinkedHashMap<>();
        Where at = where(module.directory, null);
        module.taskDefinitions.forEach(
            (name, copies) ->
                resources.put(
                    name,
                    UnknownAttributes.of(address + "aws_ecs_task_definition." + name, copies, at)));
        scope.put("aws_ecs_task_definition", new ObjectV(resources, at));
      }
      this.own = new Scope(base, Map.copyOf(scope));
      Map<String, java.util.function.Supplier<V>> tags = new LinkedHashMap<>();
      String refused = module.refused.get("provider.aws");
      if (!module.defaultTags.isEmpty()) {
        tags.put(
            "tags",
            () ->
                refused != null
                    ? new Unknown("default_tags: " + refused, where(module.directory, null))
                    : own.values.evaluate(module.defaultTags.get(0)));
      }
      LazyValues ownTags =
          new LazyValues(
              tags,
              name ->
                  new Unknown("default_tags refer to themselves", where(module.directory, null)));
      this.defaultTags = tags.isEmpty() ? inheritedTags : () -> ownTags.get("tags");
    }

    /** This module's evaluator with {@code names} (count.index, each.*) bound too. */
    Scope scope(Map<String, V> names) {
      return own.with(names);
    }

    Expansion expansion(String name) {
      calls.get(name); // through the lazy values, which stop a call that needs itself
      return expansions.get(name);
    }

    private Expansion expand(TerraformModule.Call call) {
      Expansion expansion = expandOnce(call);
      expansions.put(call.name(), expansion);
      return expansion;
    }

    private Expansion expandOnce(TerraformModule.Call call) {
      String callAddress = address + "module." + call.name();
      Where at = new Where(call.file(), call.block().at());
      String childKey = key.isEmpty() ? call.name() : key + "." + call.name();
      Path directory;
      String source = call.source();
      if (source == null) {
        return missing(call, callAddress + ": its source is not a plain string; not followed", at);
      } else if (isLocal(source)) {
        directory = module.directory.resolve(source);
        if (!Files.isDirectory(directory)) {
          run.error(
              call.file(),
              call.block().at(),
              callAddress + ": its source " + source + " is not a directory");
          return new Expansion(List.of(), new Unknown(callAddress + " cannot be read", at), null);
        }
      } else {
        String dir = run.downloaded().get(childKey);
        if (dir == null && holdsNoEcsResource(source)) {
          String why =
              callAddress
                  + ": the module "
                  + source
                  + " (it holds no ECS resources) is not downloaded, so its outputs are not known; run"
                  + " terraform init in "
                  + run.rootDirectory
                  + ", or scan the plan JSON (terraform show -json)";
          run.note(call.file(), call.block().at(), why);
          return new Expansion(List.of(), new Unknown(why, at), null);
        }
        if (dir == null) {
          return missing(
              call,
              callAddress
                  + ": the module "
                  + source
                  + " is not downloaded, so the resources it holds are not checked; run"
                  + " terraform init in "
                  + run.rootDirectory
                  + ", or scan the plan JSON (terraform show -json)",
              at);
        }
        directory = run.rootDirectory.resolve(dir);
      }
      Path real = real(directory);
      if (!real.startsWith(real(run.tree))) {
        return missing(
            call,
            callAddress
                + ": its source "
                + source
                + " lies outside the scanned tree ("
                + run.tree
                + "), so the resources it holds are not checked; scan a directory that holds both",
            at);
      }
      if (chain.contains(real)) {
        run.error(
            call.file(),
            call.block().at(),
            callAddress + ": calls " + source + ", a module that is already calling it (a cycle)");
        return new Expansion(
            List.of(), new Unknown(callAddress + " is in a module cycle", at), null);
      }
      if (chain.size() > MAX_MODULE_DEPTH) {
        run.error(
            call.file(),
            call.block().at(),
            callAddress + ": modules nested deeper than " + MAX_MODULE_DEPTH + "; not followed");
        return new Expansion(List.of(), new Unknown(callAddress + " is nested too deep", at), null);
      }
      TerraformModule called = run.modules.module(directory, List.of());
      InputReader.Directory unit = run.modules.scanned.get(real);
      Path named = unit != null ? unit.directory() : called.directory;
      Copies copies = copies(call.block(), scope(Map.of()), call.file());
      if (copies.copies().isEmpty()) {
        run.note(
            call.file(),
            call.block().at(),
            callAddress + ": " + copies.by() + " makes no instances, so nothing in it is created");
      }
      List<Path> childChain = new ArrayList<>(chain);
      childChain.add(real);
      List<ModuleCall> childVia = new ArrayList<>(via);
      childVia.add(new ModuleCall(call.name(), call.block(), call.file(), named));
      List<ModuleInstance> children = new ArrayList<>();
      Map<String, V> byKey = new LinkedHashMap<>();
      List<V> byIndex = new ArrayList<>();
      for (Copy copy : copies.copies()) {
        if (++run.moduleInstances > MAX_MODULE_INSTANCES) {
          run.error(
              call.file(),
              call.block().at(),
              callAddress
                  + ": more than "
                  + MAX_MODULE_INSTANCES
                  + " module instances; not followed");
          break;
        }
        HclValues base =
            new HclValues(
                    HclBridge.files(run.tree, named, limits.maxFileBytes()),
                    called.defaults,
                    Map.of(),
                    called.types,
                    called.locals,
                    called.templateData)
                .refusing(called.refused);
        ModuleInstance child =
            new ModuleInstance(
                run,
                called,
                callAddress + copy.suffix() + ".",
                childKey,
                childChain,
                List.copyOf(childVia),
                base,
                variables(called, base, call, scope(copy.names()), callAddress),
                defaultTags);
        children.add(child);
        V outputs = child.outputs(at);
        byIndex.add(outputs);
        if (copy.key() != null) {
          byKey.put(copy.key(), outputs);
        }
      }
      V value =
          !copies.known()
              ? new Unknown(
                  callAddress + "'s instances are known only at plan (" + copies.by() + ")", at)
              : "count".equals(copies.by())
                  ? new ListV(byIndex, at)
                  : "for_each".equals(copies.by())
                      ? new ObjectV(byKey, at)
                      : byIndex.isEmpty()
                          ? new Unknown(callAddress + " is not read", at)
                          : byIndex.get(0);
      return new Expansion(children, value, null);
    }

    /**
     * Whether a registry source is a module, or a submodule ({@code //modules/...}) of one, known
     * to hold no ECS resource.
     */
    private static boolean holdsNoEcsResource(String source) {
      String module =
          source.toLowerCase(Locale.ROOT).replaceFirst("^registry\\.terraform\\.io/", "");
      module =
          GITHUB_MODULE.matcher(module).replaceFirst("$1/$3/$2$4"); // a group unmatched adds ""
      return WITHOUT_ECS_RESOURCES.contains(module)
          || WITHOUT_ECS_RESOURCES.contains(module.replaceFirst("//.*$", ""));
    }

    private Expansion missing(TerraformModule.Call call, String why, Where at) {
      run.note(call.file(), call.block().at(), why);
      return new Expansion(List.of(), new Unknown(why, at), why);
    }

    /** What {@code module.NAME} reads of this instance: its outputs, each worked out when read. */
    private V outputs(Where at) {
      Map<String, java.util.function.Supplier<V>> byName = new LinkedHashMap<>();
      module.outputs.forEach(
          (name, source) -> {
            String refused = module.refused.get("output." + name);
            byName.put(
                name,
                () -> refused != null ? new Unknown(refused, at) : own.values.evaluate(source));
          });
      return new ObjectV(
          new LazyValues(byName, name -> new Unknown(address + name + " refers to itself", at)),
          at);
    }
  }

  /**
   * The values of {@code module}'s variables in {@code call}: the argument (evaluated in the
   * caller's {@code caller} scope), else the default, else unknown naming it.
   */
  private static V variables(
      TerraformModule module,
      HclValues base,
      TerraformModule.Call call,
      Scope caller,
      String callAddress) {
    Where at = new Where(call.file(), call.block().at());
    Map<String, java.util.function.Supplier<V>> byName = new LinkedHashMap<>();
    module.variables.forEach(
        (name, variable) ->
            byName.put(
                name,
                () -> {
                  if (module.refused.containsKey("var." + name)) {
                    return new Unknown(module.refused.get("var." + name), at);
                  }
                  V given =
                      TerraformModule.attribute(call.block(), name)
                          .map(argument -> caller.evaluate(argument.value(), call.file()))
                          .orElse(null);
                  boolean isNull = given instanceof Scalar scalar && scalar.text() == null;
                  if (given != null && !(isNull && !variable.nullable())) {
                    return base.conform(name, given);
                  }
                  return variable.defaultValue() != null
                      ? base.conform(name, base.evaluate(variable.defaultValue()))
                      : new Unknown(
                          "var."
                              + name
                              + " is required by "
                              + callAddress
                              + ", and its call gives it no value",
                          at);
                }));
    return new ObjectV(
        new LazyValues(byName, name -> new Unknown("var." + name + " refers to itself", at)), at);
  }

  private static Where where(Path directory, Hcl.Position at) {
    return new Where(directory.toString(), at != null ? at : new Hcl.Position(0, 0));
  }

  /**
   * An evaluator and the names bound in it (a module's var and module, count.index, each.*, a
   * dynamic block's iterator), so that a nested scope adds to them.
   */
  private static final class Scope {
    final HclValues base;
    final Map<String, V> names;
    final HclValues values;

    Scope(HclValues base, Map<String, V> names) {
      this.base = base;
      this.names = names;
      this.values = names.isEmpty() ? base : base.forInstance(names);
    }

    Scope with(Map<String, V> more) {
      if (more.isEmpty()) {
        return this;
      }
      Map<String, V> merged = new HashMap<>(names);
      merged.putAll(more);
      return new Scope(base, merged);
    }

    V evaluate(Hcl.Expression expression, String file) {
      return values.evaluate(new Source(expression, file));
    }
  }

  /** A module source Terraform reads from the caller's own tree: ./x or ../x. */
  private static boolean isLocal(String source) {
    return source != null && (source.startsWith("./") || source.startsWith("../"));
  }

  /** {@code path} with its links resolved, or as written (absolute) when it cannot be. */
  private static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
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

  /**
   * TF_VAR_ values, terraform.tfvars, terraform.tfvars.json, *.auto.tfvars and *.auto.tfvars.json
   * in name order, the variable files named, then the values given: later ones win, as Terraform
   * loads them.
   */
  private Map<String, Source> givenVariables(Path directory, Consumer<InputException> errors) {
    Map<String, Source> given = new LinkedHashMap<>();
    variables
        .environment()
        .forEach(
            (name, value) ->
                given.put(
                    name,
                    new Source(
                        commandLineValue(value), TerraformVariables.ENVIRONMENT_PREFIX + name)));
    List<Path> files = new ArrayList<>();
    // Whatever it is, a tfvars file that exists is read as a file: a pipe or device is refused,
    // never waited on.
    for (String name : List.of("terraform.tfvars", "terraform.tfvars.json")) {
      if (Files.exists(directory.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
        files.add(directory.resolve(name));
      }
    }
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(directory, "*.auto.{tfvars,tfvars.json}")) {
      List<Path> auto = new ArrayList<>();
      entries.forEach(auto::add);
      auto.sort(null);
      files.addAll(auto);
    } catch (IOException e) {
      errors.accept(
          new InputException(
              directory.toString(), "cannot list the module's directory: " + Problems.describe(e)));
    }
    files.addAll(variables.files());
    for (Path file : files) {
      readVariableFile(file, given, errors);
    }
    variables
        .values()
        .forEach(
            (name, value) ->
                given.put(name, new Source(commandLineValue(value), "--tf-var " + name)));
    return given;
  }

  /** Puts the values a variable file (HCL, or JSON by its name) gives into {@code given}. */
  private void readVariableFile(
      Path file, Map<String, Source> given, Consumer<InputException> errors) {
    try {
      if (file.getFileName().toString().endsWith(".json")) {
        if (documents.read(file, file.toString()).root() instanceof ObjectNode values) {
          for (String name : values.names()) {
            given.put(name, new Source(jsonValue(values.get(name)), file.toString()));
          }
        } else {
          errors.accept(
              new InputException(file.toString(), "a JSON variable file holds an object"));
        }
        return;
      }
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

  /**
   * A value of a JSON variable file as the literal it stands for: Terraform takes its strings as
   * they are, never as templates.
   */
  private static Hcl.Expression jsonValue(Node node) {
    Hcl.Position at = new Hcl.Position(node.line(), node.column());
    if (node instanceof ArrayNode array) {
      return new Hcl.Tuple(
          array.elements().stream().map(TerraformSourceReader::jsonValue).toList(), at, at);
    }
    if (node instanceof ObjectNode object) {
      List<Hcl.Entry> entries = new ArrayList<>();
      for (String name : object.names()) {
        entries.add(
            new Hcl.Entry(
                new Hcl.Literal(Hcl.Literal.Kind.STRING, name, at),
                jsonValue(object.get(name)),
                at));
      }
      return new Hcl.ObjectValue(entries, at, at);
    }
    ScalarNode scalar = (ScalarNode) node;
    Hcl.Literal.Kind kind =
        switch (scalar.type()) {
          case STRING -> Hcl.Literal.Kind.STRING;
          case NUMBER -> Hcl.Literal.Kind.NUMBER;
          case BOOLEAN -> Hcl.Literal.Kind.BOOL;
          case NULL -> Hcl.Literal.Kind.NULL;
        };
    return new Hcl.Literal(kind, scalar.text(), at);
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

  /** One instance count or for_each makes: its address suffix, its key, the names bound for it. */
  private record Copy(String suffix, String key, Map<String, V> names) {}

  /**
   * The instances of a resource or module block: {@code by} is "count", "for_each" or null (one
   * instance); {@code known} is false when they are known only at plan, and then one instance, with
   * nothing bound, stands for them all (what depends on count or each is unknown).
   */
  private record Copies(String by, boolean known, List<Copy> copies) {}

  private static Copies copies(Block block, Scope scope, String file) {
    V count =
        TerraformModule.attribute(block, "count")
            .map(a -> scope.evaluate(a.value(), file))
            .orElse(null);
    V forEach =
        TerraformModule.attribute(block, "for_each")
            .map(a -> scope.evaluate(a.value(), file))
            .orElse(null);
    Where at = new Where(file, block.at());
    List<Copy> copies = new ArrayList<>();
    if (count == null && forEach == null) {
      return new Copies(null, true, List.of(new Copy("", null, Map.of())));
    }
    String by = count != null ? "count" : "for_each";
    if (count instanceof Scalar scalar
        && scalar.type() == Scalar.Type.NUMBER
        && scalar.text().matches("\\d{1,3}")) {
      for (int index = 0; index < Integer.parseInt(scalar.text()); index++) {
        Scalar number = new Scalar(Scalar.Type.NUMBER, Integer.toString(index), at);
        copies.add(
            new Copy(
                "[" + index + "]",
                null,
                Map.of("count", new ObjectV(Map.of("index", number), at))));
      }
    } else if (forEach instanceof ObjectV map && map.members().size() <= MAX_INSTANCES) {
      map.members()
          .forEach(
              (key, value) ->
                  copies.add(
                      new Copy(
                          "[\"" + key + "\"]",
                          key,
                          Map.of(
                              "each",
                              new ObjectV(
                                  Map.of(
                                      "key",
                                      new Scalar(Scalar.Type.STRING, key, at),
                                      "value",
                                      value),
                                  at)))));
    } else if (forEach instanceof ListV set
        && set.items().size() <= MAX_INSTANCES
        && set.items().stream().allMatch(item -> item instanceof Scalar s && s.text() != null)) {
      set.items()
          .forEach(
              item ->
                  copies.add(
                      new Copy(
                          "[\"" + ((Scalar) item).text() + "\"]",
                          ((Scalar) item).text(),
                          Map.of("each", new ObjectV(Map.of("key", item, "value", item), at)))));
    } else {
      return new Copies(by, false, List.of(new Copy("", null, Map.of())));
    }
    return new Copies(by, true, copies);
  }

  private void instances(
      Block block, ObjectNode root, ModuleInstance module, Run run, Consumer<Instance> out) {
    String type = block.labels().get(0);
    String name = block.labels().get(1);
    String address = module.address + type + "." + name;
    Copies copies = copies(block, module.scope(Map.of()), root.file());
    if (copies.copies().isEmpty()) {
      run.note(
          root.file(),
          block.at(),
          address + ": " + copies.by() + " makes no instances, so it is not created; not checked");
      return;
    }
    ObjectNode byType = child(child(root, "resource", block), type, block);
    for (Copy copy : copies.copies()) {
      Scope scope = module.scope(copy.names());
      ObjectNode values =
          Node.newObject(byType, name + copy.suffix(), block.at().line(), block.at().column());
      fill(values, block.body(), root.file(), scope, jsonAttributes(type));
      defaultTags(values, block, root.file(), scope.values, module.defaultTags.get());
      out.accept(
          new Instance(type, address + copy.suffix(), block, values, root.file(), module.via));
    }
  }

  private static ObjectNode child(ObjectNode parent, String name, Block at) {
    return parent.get(name) instanceof ObjectNode existing
        ? existing
        : Node.newObject(parent, name, at.at().line(), at.at().column());
  }

  /**
   * The attributes of {@code type} that hold the API's JSON as a string (container_definitions),
   * which a heredoc with unknown interpolations still spells.
   */
  private static Set<String> jsonAttributes(String type) {
    TerraformAttributes.Resource resource = TerraformAttributes.Resource.of(type);
    return resource == null
        ? Set.of()
        : resource.fields().stream()
            .filter(field -> field.kind() == TerraformAttributes.Kind.JSON)
            .map(TerraformAttributes.Field::terraform)
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Attributes as values, nested blocks as lists of objects, as a plan shows them; {@code json}:
   * the attributes holding JSON text.
   */
  private static void fill(
      ObjectNode values, List<Item> body, String file, Scope scope, Set<String> json) {
    for (Item item : body) {
      switch (item) {
        case Attribute attribute -> {
          if (!META_ARGUMENTS.contains(attribute.name())) {
            Source source = new Source(attribute.value(), file);
            HclBridge.place(
                json.contains(attribute.name())
                    ? scope.values.evaluateJson(source)
                    : scope.values.evaluate(source),
                values,
                attribute.name(),
                attribute.at());
          }
        }
        case Block block -> {
          if (block.type().equals("dynamic") && block.labels().size() == 1) {
            dynamic(values, block, file, scope);
          } else if (!META_BLOCKS.contains(block.type())) {
            fill(
                Node.newObject(
                    blocks(values, block.type(), block),
                    null,
                    block.at().line(),
                    block.at().column()),
                block.body(),
                file,
                scope,
                Set.of());
          }
        }
      }
    }
  }

  /**
   * A dynamic block: its content once for each item of its for_each (a list's index and item, a
   * map's key and value), with the iterator (the block's label unless {@code iterator} names
   * another) bound to its key and value.
   */
  private static void dynamic(ObjectNode values, Block block, String file, Scope scope) {
    String label = block.labels().get(0);
    ArrayNode blocks = blocks(values, label, block);
    String iterator =
        TerraformModule.attribute(block, "iterator")
            .map(Attribute::value)
            .filter(
                value -> value instanceof Hcl.Traversal traversal && traversal.steps().isEmpty())
            .map(value -> ((Hcl.Traversal) value).root())
            .orElse(label);
    Block content = null;
    for (Item inner : block.body()) {
      if (inner instanceof Block found && found.type().equals("content")) {
        content = found;
      }
    }
    V items =
        TerraformModule.attribute(block, "for_each")
            .map(forEach -> scope.evaluate(forEach.value(), file))
            .orElse(new Unknown("it has no for_each", new Where(file, block.at())));
    Where at = new Where(file, block.at());
    Map<V, V> byKey = new LinkedHashMap<>(); // key → value, in order
    if (items instanceof ObjectV map && map.members().size() <= MAX_INSTANCES) {
      map.members()
          .forEach((key, value) -> byKey.put(new Scalar(Scalar.Type.STRING, key, at), value));
    } else if (items instanceof ListV list && list.items().size() <= MAX_INSTANCES) {
      for (int index = 0; index < list.items().size(); index++) {
        byKey.put(
            new Scalar(Scalar.Type.NUMBER, Integer.toString(index), at), list.items().get(index));
      }
    }
    String unknown =
        content == null
            ? "it has no content block"
            : items instanceof Unknown reason
                ? reason.reason()
                : byKey.isEmpty() && !(items instanceof ObjectV || items instanceof ListV)
                    ? "its for_each is not a list, set or map"
                    : byKey.size() < sizeOf(items)
                        ? "its for_each has over " + MAX_INSTANCES + " items"
                        : null;
    if (unknown != null) {
      Node.newUnresolved(
          blocks,
          null,
          block.at().line(),
          block.at().column(),
          "dynamic \"" + label + "\" blocks are made for each item of for_each: " + unknown,
          null);
      return;
    }
    for (Map.Entry<V, V> entry : byKey.entrySet()) {
      fill(
          Node.newObject(blocks, null, content.at().line(), content.at().column()),
          content.body(),
          file,
          scope.with(
              Map.of(
                  iterator,
                  new ObjectV(Map.of("key", entry.getKey(), "value", entry.getValue()), at))),
          Set.of());
    }
  }

  private static int sizeOf(V items) {
    return items instanceof ObjectV map
        ? map.members().size()
        : items instanceof ListV list ? list.items().size() : 0;
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
      ObjectNode values, Block block, String file, HclValues evaluator, V defaultTags) {
    if (defaultTags == null) {
      return;
    }
    Hcl.Position at =
        TerraformModule.attribute(block, "tags").map(Attribute::at).orElse(block.at());
    Map<String, V> merged = new LinkedHashMap<>();
    V result = null;
    for (V part :
        List.of(
            defaultTags,
            TerraformModule.attribute(block, "tags")
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
