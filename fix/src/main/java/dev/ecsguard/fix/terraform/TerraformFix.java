package dev.ecsguard.fix.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ecsguard.control.RemedyOptions;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.fix.shared.AnchoredDiff;
import dev.ecsguard.fix.shared.AwsCliJson;
import dev.ecsguard.fix.shared.CredentialMask;
import dev.ecsguard.fix.shared.FixResult;
import dev.ecsguard.fix.shared.Hardening;
import dev.ecsguard.fix.shared.JacksonTree;
import dev.ecsguard.format.InputReader;
import dev.ecsguard.format.terraform.HclBridge;
import dev.ecsguard.format.terraform.TerraformAttributes;
import dev.ecsguard.format.terraform.TerraformAttributes.Field;
import dev.ecsguard.format.terraform.TerraformAttributes.Kind;
import dev.ecsguard.format.terraform.TerraformSourceReader;
import dev.ecsguard.format.terraform.TerraformVariables;
import dev.ecsguard.hcl.Hcl;
import dev.ecsguard.hcl.Hcl.Attribute;
import dev.ecsguard.hcl.Hcl.Block;
import dev.ecsguard.hcl.Hcl.Call;
import dev.ecsguard.hcl.Hcl.Entry;
import dev.ecsguard.hcl.Hcl.Expression;
import dev.ecsguard.hcl.Hcl.Item;
import dev.ecsguard.hcl.Hcl.Literal;
import dev.ecsguard.hcl.Hcl.ObjectValue;
import dev.ecsguard.hcl.Hcl.Position;
import dev.ecsguard.hcl.Hcl.Traversal;
import dev.ecsguard.hcl.Hcl.Tuple;
import dev.ecsguard.hcl.HclException;
import dev.ecsguard.input.InputFiles;
import dev.ecsguard.model.Resource;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.RegularFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Suggests the changes that harden the aws_ecs_* resources of one .tf file. Each resource's
 * attributes, evaluated with its module as the scanner evaluates them, are put in the ECS API's
 * shape; the catalogue's remedies harden that ({@link Hardening}); and each change they make is
 * carried back to the HCL: an edit of the text where the value is written in this file as a
 * literal, otherwise an instruction naming the attribute, the value to set and where it comes from
 * (a variable, a local, a file, another resource). The suggestion is proved as a JSON fix is: the
 * module is scanned with the suggested text in place of the file.
 */
public final class TerraformFix {
  /** A container definition's maps of the user's own keys, in any case. */
  private static final Set<String> USER_MAPS = Set.of("dockerLabels", "options", "driverOpts");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final InputLimits LIMITS = InputLimits.DEFAULT;
  private static final InputReader.Sink NO_RESOURCES =
      new InputReader.Sink() {
        @Override
        public void resource(Resource resource, Map<String, String> labels) {}

        @Override
        public void note(
            Node where, String message) {} // the scan says these; a fix has nothing to add
      };

  /** A value the module's source does not give; the remedies read it as not set. */
  private record Unknown(String reason) {
    @Override
    public String toString() {
      return "";
    }
  }

  /**
   * Where a change inside container_definitions is: the container and the member path within it.
   */
  private record Place(String container, String member) {
    Place in(String key) {
      return new Place(container, member.isEmpty() ? key : member + "." + key);
    }

    Place element(int index, JsonNode value) {
      return container == null
          ? new Place("container \"" + value.path("name").asText("#" + index) + "\"", "")
          : new Place(container, member + "[" + index + "]");
    }
  }

  private final Path tree;
  private final Path file;
  private final Path directory;
  private final RemedyOptions options;
  private final TerraformVariables tfVariables;
  private final HclEdits edits;
  private final Set<String> instructions = new LinkedHashSet<>();
  private final List<JsonNode> holdingCredentials =
      new ArrayList<>(); // each task definition as read, and this file's literals by name
  private final Map<String, String> declaredAt =
      new HashMap<>(); // "var.x" and "local.y" → FILE:LINE
  private final Map<String, Attribute> localsHere =
      new HashMap<>(); // this file's locals, edited where they are written
  private final Map<Path, Map<String, Located>> variablesByModule =
      new HashMap<>(); // a called module's variable blocks, by its directory
  private final Set<String> callsHere = new HashSet<>(); // the module blocks of this file
  private TerraformSourceReader.Instance here; // the resource instance being fixed

  /** A block and the file it is written in. */
  private record Located(Block block, String file) {}

  /** One of the instances; the same block through the same calls is fixed once. */
  private record Same(Object value) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Same same && same.value == value;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(value);
    }
  }

  private TerraformFix(
      Path tree, Path file, String text, RemedyOptions options, TerraformVariables tfVariables) {
    this.tree = tree;
    this.file = file;
    this.directory = InputFiles.directoryOf(file);
    this.options = options;
    this.tfVariables = tfVariables;
    this.edits = new HclEdits(text);
  }

  /**
   * The suggestion for {@code file}, whose text is {@code text}; {@code fixed} is null when it
   * holds no aws_ecs_* resource. {@code tfVariables}: what the module's variables are given, as in
   * a scan (--tf-var, --tf-var-file, TF_VAR_); {@code tree}: the directory named on the command
   * line (or the file's own), outside which file() reads nothing, as in a scan.
   */
  public static FixResult fix(
      Path tree, Path file, String text, RemedyOptions options, TerraformVariables tfVariables)
      throws InputException {
    TerraformFix fix = new TerraformFix(tree, file, text, options, tfVariables);
    try {
      fix.declarations(Hcl.parse(file.toString(), text, LIMITS.maxNestingDepth()));
    } catch (HclException e) {
      throw HclBridge.inputError(e);
    }
    List<TerraformSourceReader.Instance> instances = new ArrayList<>();
    List<InputException> errors = new ArrayList<>();
    fix.reader()
        .instances(
            fix.tree,
            fix.directory,
            List.of(file),
            Map.of(file, text),
            NO_RESOURCES,
            errors::add,
            true,
            instance -> {
              if (fix.owns(instance.calls())) {
                instances.add(instance);
              }
            });
    if (!errors.isEmpty()) {
      throw errors.get(0);
    }
    if (instances.isEmpty()) {
      return new FixResult(null, "", Map.of(), Map.of(), List.of());
    }
    Set<List<Same>> done = new java.util.HashSet<>();
    for (TerraformSourceReader.Instance instance : instances) {
      List<Same> path = new ArrayList<>();
      instance.calls().forEach(call -> path.add(new Same(call.block())));
      path.add(new Same(instance.block()));
      // count and for_each: the first instance speaks for the block; the re-scan checks them all
      if (done.add(path)) {
        fix.resource(instance);
      }
    }
    String suggested = fix.edits.apply();
    CredentialMask mask = CredentialMask.of(fix.holdingCredentials, false, text, suggested);
    String diff = AnchoredDiff.unified(file.toString(), mask.apply(text), mask.apply(suggested));
    List<String> steps = fix.instructions.stream().map(mask).toList();
    Map<String, Integer> failedAfter = fix.failed(suggested);
    return new FixResult(
        suggested, diff, FixResult.removed(fix.failed(text), failedAfter), failedAfter, steps);
  }

  /**
   * Whether this file speaks for a resource reached through {@code calls}: its own, or one in a
   * module this file calls.
   */
  private boolean owns(List<TerraformSourceReader.ModuleCall> calls) {
    return calls.isEmpty() || Path.of(calls.get(0).file()).normalize().equals(file.normalize());
  }

  /**
   * The modules among {@code units} that another of them calls: fixed through their callers (at the
   * call's arguments), never also as roots with their defaults, as the scan reads them.
   */
  public static List<InputReader.Directory> calledModules(
      List<InputReader.Directory> units, TerraformVariables tfVariables) {
    return new TerraformSourceReader(new DocumentReader(LIMITS), LIMITS, tfVariables)
        .calledModules(units, error -> {}); // the fix of each file reports its own read errors
  }

  private TerraformSourceReader reader() {
    return new TerraformSourceReader(new DocumentReader(LIMITS), LIMITS, tfVariables);
  }

  /**
   * Where the module declares its variables and locals; this file's locals, to edit them where they
   * are written.
   */
  private void declarations(List<Item> items) {
    // An error listing them is the module read's to report: it is read again for the suggestion.
    List<Path> siblings =
        new ArrayList<>(TerraformSourceReader.moduleFiles(directory, List.of(), error -> {}));
    siblings.sort(null);
    for (Path sibling : siblings) {
      if (sibling.normalize().equals(file.normalize())) {
        continue;
      }
      try {
        String name = sibling.toString();
        declarations(
            name,
            Hcl.parse(
                name,
                RegularFiles.readUtf8(sibling, name, LIMITS.maxFileBytes()),
                LIMITS.maxNestingDepth()));
      } catch (InputException | HclException e) {
        // the same: reported by the module's read
      }
    }
    declarations(file.toString(), items);
    ObjectNode literalsByName = NODES.objectNode();
    for (Item item : items) {
      if (item instanceof Block block
          && block.type().equals("module")
          && block.labels().size() == 1) {
        callsHere.add(block.labels().get(0));
      }
      if (item instanceof Block block && block.type().equals("locals")) {
        block
            .body()
            .forEach(
                local -> {
                  if (local instanceof Attribute attribute) {
                    localsHere.put(attribute.name(), attribute);
                    literal(attribute)
                        .ifPresent(text -> literalsByName.put(attribute.name(), text));
                  }
                });
      } else if (item instanceof Block block
          && block.type().equals("variable")
          && block.labels().size() == 1) {
        for (Item entry : block.body()) {
          if (entry instanceof Attribute attribute && attribute.name().equals("default")) {
            literal(attribute).ifPresent(text -> literalsByName.put(block.labels().get(0), text));
          }
        }
      }
    }
    // Shown in the diff's context lines though no task definition uses them: the credential rules
    // judge them by name.
    holdingCredentials.add(literalsByName);
    holdingCredentials.add(HclComputedCredentials.of(items));
  }

  /** The attribute's value when it is a plain string. */
  private static java.util.Optional<String> literal(Attribute attribute) {
    return attribute.value() instanceof Literal literal && literal.kind() == Literal.Kind.STRING
        ? java.util.Optional.of(literal.text())
        : java.util.Optional.empty();
  }

  private void declarations(String name, List<Item> items) {
    for (Item item : items) {
      if (item instanceof Block block
          && block.type().equals("variable")
          && block.labels().size() == 1) {
        declaredAt.put("var." + block.labels().get(0), name + ":" + block.at().line());
      } else if (item instanceof Block block && block.type().equals("locals")) {
        block
            .body()
            .forEach(
                local ->
                    declaredAt.put(
                        "local." + ((local instanceof Attribute a) ? a.name() : ""),
                        name + ":" + local.at().line()));
      }
    }
  }

  private void resource(TerraformSourceReader.Instance instance) {
    here = instance;
    Block block = instance.block();
    StringBuilder address = new StringBuilder();
    instance.calls().forEach(call -> address.append("module.").append(call.name()).append('.'));
    address.append(block.labels().get(0)).append('.').append(block.labels().get(1));
    resource(instance, address.toString());
  }

  private void resource(TerraformSourceReader.Instance instance, String address) {
    Block block = instance.block();
    int edited = edits.size();
    int instructed = instructions.size();
    TerraformAttributes.Resource table = TerraformAttributes.Resource.of(instance.type());
    try {
      if (table == TerraformAttributes.Resource.TASK_DEFINITION) {
        taskDefinition(block, address, (ObjectNode) json(instance.values()));
      } else if (table != null) {
        resource(block, address, table, (ObjectNode) json(instance.values()));
      }
    } catch (WrongShape | RuntimeException e) {
      edits.truncate(edited);
      List<String> kept = new ArrayList<>(instructions).subList(0, instructed);
      instructions.clear();
      instructions.addAll(kept);
      instructions.add(
          address
              + ": left unchanged: "
              + (e instanceof WrongShape
                  ? e.getMessage()
                  : "an attribute has a type ECS does not accept"));
    }
  }

  /** An attribute of a type its resource does not take: that resource is left alone. */
  private static final class WrongShape extends Exception {
    WrongShape(String message) {
      super(message, null, false, false);
    }
  }

  // ---- task definitions ------------------------------------------------------------------------

  private void taskDefinition(Block block, String address, ObjectNode values) throws WrongShape {
    List<Field> fields = TerraformAttributes.Resource.TASK_DEFINITION.fields();
    ObjectNode task = api(address, fields, values);
    if (!task.path("family").isTextual()) {
      task.put("family", block.labels().get(1)); // the fix names its steps by family
    }
    holdingCredentials.add(task);
    Hardening fix = new Hardening(options);
    ObjectNode fixed = fix.taskDefinition(task);
    // the address names the resource already: a step's own "family: " would say it twice
    String family = task.path("family").asText() + ": ";
    fix.instructions()
        .forEach(
            step ->
                instructions.add(
                    address
                        + ": "
                        + (step.startsWith(family) ? step.substring(family.length()) : step)));
    carry(block, address, "", fields, task, fixed);
  }

  /**
   * Whether the containers name their fields as the API does, starting lower case: the provider
   * also reads {@code Privileged} (Go's JSON decoding ignores case), and so does the scan, but the
   * remedies write the API's names, which would stand beside the user's.
   */
  private static boolean apiCased(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (var members = object.fields(); members.hasNext(); ) {
        var member = members.next();
        String name = member.getKey();
        if (!name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
          return false;
        }
        if (!USER_MAPS.contains(name) && !apiCased(member.getValue())) {
          return false;
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (JsonNode element : array) {
        if (!apiCased(element)) {
          return false;
        }
      }
    }
    return true;
  }

  private JsonNode otherwiseCased(String address) {
    instructions.add(
        address
            + ": container_definitions names its fields in another case than the API's"
            + " (Privileged for privileged), which the provider accepts; ecsguard suggests no edit"
            + " for its containers: change them as the findings say");
    return NODES.arrayNode();
  }

  /**
   * container_definitions as the API's list: jsonencode gives it as a value, a string holds it as
   * JSON.
   */
  private JsonNode containers(String address, JsonNode given) {
    if (given instanceof ArrayNode list) {
      return apiCased(list) ? list : otherwiseCased(address);
    }
    String problem;
    if (given == null || given.isNull()) {
      return NODES.arrayNode();
    } else if (given.isTextual()) {
      try {
        JsonNode parsed = JSON.readTree(given.asText());
        if (parsed instanceof ArrayNode list) {
          return apiCased(list) ? list : otherwiseCased(address);
        }
        problem = "is not a JSON array";
      } catch (JsonProcessingException e) {
        problem = "is not valid JSON";
      }
    } else {
      problem =
          given instanceof POJONode unknown
              ? "is not known from source (" + ((Unknown) unknown.getPojo()).reason() + ")"
              : "is not a list of containers";
    }
    instructions.add(
        address
            + ": container_definitions "
            + problem
            + "; ecsguard suggests nothing for its containers");
    return NODES.arrayNode();
  }

  /** Carries the containers' changes back to container_definitions, by how it is written. */
  private void containers(Block block, String address, JsonNode before, JsonNode after) {
    Attribute attribute = attribute(block, "container_definitions");
    Expression value = attribute.value();
    if (!inThisFile()) {
      instruct(
          address,
          before,
          after,
          new Place(null, ""),
          "container_definitions comes from " + origin(value),
          !(value instanceof Literal));
    } else if (value instanceof Call call
        && call.function().equals("jsonencode")
        && call.arguments().size() == 1) {
      Expression argument = call.arguments().get(0);
      String origin = "container_definitions";
      if (argument instanceof Traversal local
          && local.root().equals("local")
          && local.steps().size() == 1
          && localsHere.containsKey(local.steps().get(0).name())) {
        origin = "local." + local.steps().get(0).name();
        argument = localsHere.get(local.steps().get(0).name()).value();
      }
      if (argument instanceof Tuple tuple) {
        edit(address, tuple, tuple.end(), before, after, new Place(null, ""), origin);
      } else {
        instruct(
            address,
            before,
            after,
            new Place(null, ""),
            "container_definitions comes from " + origin(argument),
            true);
      }
    } else if (value instanceof Literal literal && literal.kind() == Literal.Kind.STRING) {
      jsonText(attribute, after);
    } else {
      instruct(
          address,
          before,
          after,
          new Place(null, ""),
          "container_definitions comes from " + origin(value),
          false);
    }
  }

  /**
   * JSON written in the file: a heredoc's lines, or a quoted string, written again with the fixed
   * containers.
   */
  private void jsonText(Attribute attribute, JsonNode containers) {
    Position at = attribute.value().at();
    if (edits.startsWith(at, "<<")) {
      int first = at.line() + 1;
      int last = attribute.end().line() - 1;
      String indent = edits.startsWith(at, "<<-") ? edits.commonIndentation(first, last) : "";
      StringBuilder body = new StringBuilder();
      for (String line : AwsCliJson.print(containers).split("\n")) {
        body.append(indent).append(line).append('\n');
      }
      edits.replaceLines(first, last, Hcl.templateSafe(body));
    } else {
      try {
        edits.replace(at, attribute.end(), HclEdits.quote(JSON.writeValueAsString(containers)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a tree ecsguard built cannot be written", e);
      }
    }
  }

  /**
   * Edits the HCL literal {@code expression} (ending at {@code end}) from the value {@code before}
   * to {@code after}: members and elements are added, removed or changed where they are written;
   * what is not written as a literal becomes an instruction.
   */
  private void edit(
      String address,
      Expression expression,
      Position end,
      JsonNode before,
      JsonNode after,
      Place place,
      String origin) {
    if (before.equals(after)) {
      return;
    }
    if (expression instanceof ObjectValue object && before.isObject() && after.isObject()) {
      Map<String, Entry> entries = new LinkedHashMap<>();
      for (Entry entry : object.entries()) {
        if (entry.key() instanceof Literal key && key.text() != null) {
          entries.put(key.text(), entry);
        }
      }
      if (entries.size() == object.entries().size()) {
        Position first = object.entries().isEmpty() ? null : object.entries().get(0).key().at();
        for (Map.Entry<String, JsonNode> member : before.properties()) {
          Entry entry = entries.get(member.getKey());
          if (!after.has(member.getKey())) {
            edits.remove(entry.key().at(), entry.end());
          } else {
            edit(
                address,
                entry.value(),
                entry.end(),
                member.getValue(),
                after.get(member.getKey()),
                place.in(member.getKey()),
                origin);
          }
        }
        for (Map.Entry<String, JsonNode> member : after.properties()) {
          if (!before.has(member.getKey())) {
            edits.insertItem(
                object.at(),
                first,
                object.end(),
                HclEdits.key(member.getKey()) + " = " + HclEdits.hcl(member.getValue()));
          }
        }
        return;
      }
    }
    if (expression instanceof Tuple tuple
        && before.isArray()
        && after.isArray()
        && tuple.elements().size() == before.size()) {
      Position first = tuple.elements().isEmpty() ? null : tuple.elements().get(0).at();
      if (after.size() >= before.size()) {
        for (int i = 0; i < after.size(); i++) {
          if (i < before.size()) {
            Expression element = tuple.elements().get(i);
            edit(
                address,
                element,
                end(element),
                before.get(i),
                after.get(i),
                place.element(i, before.get(i)),
                origin);
          } else {
            edits.append(tuple.at(), first, tuple.end(), HclEdits.hcl(after.get(i)));
          }
        }
        return;
      }
      List<Integer> dropped = dropped(before, after);
      if (dropped != null && dropped.stream().allMatch(i -> end(tuple.elements().get(i)) != null)) {
        dropped.forEach(
            i -> edits.remove(tuple.elements().get(i).at(), end(tuple.elements().get(i))));
        return;
      }
    }
    if (expression instanceof Literal && end != null) {
      edits.replace(expression.at(), end, HclEdits.hcl(after));
      return;
    }
    instruct(
        address,
        before,
        after,
        place,
        (place.member().isEmpty() ? origin : place.member()) + " comes from " + origin(expression),
        true);
  }

  private static Position end(Expression expression) {
    return switch (expression) {
      case ObjectValue object -> object.end();
      case Tuple tuple -> tuple.end();
      default -> null;
    };
  }

  /**
   * The indexes of {@code before}'s elements that {@code after} leaves out, keeping the others in
   * order; null if it is not that.
   */
  private static List<Integer> dropped(JsonNode before, JsonNode after) {
    List<Integer> dropped = new ArrayList<>();
    int kept = 0;
    for (int i = 0; i < before.size(); i++) {
      if (kept < after.size() && before.get(i).equals(after.get(kept))) {
        kept++;
      } else {
        dropped.add(i);
      }
    }
    return kept == after.size() ? dropped : null;
  }

  /**
   * Says each change from {@code before} to {@code after} as a step; values in HCL's syntax or
   * JSON's. Never a removed value.
   */
  private void instruct(
      String address,
      JsonNode before,
      JsonNode after,
      Place place,
      String origin,
      boolean hclSyntax) {
    if (before.equals(after)) {
      return;
    }
    String where =
        address
            + ": "
            + (place.container() == null ? "container_definitions" : place.container())
            + ": ";
    if (before.isObject() && after.isObject()) {
      for (Map.Entry<String, JsonNode> member : before.properties()) {
        if (!after.has(member.getKey())) {
          instructions.add(where + "remove " + place.in(member.getKey()).member() + "; " + origin);
        } else {
          instruct(
              address,
              member.getValue(),
              after.get(member.getKey()),
              place.in(member.getKey()),
              origin,
              hclSyntax);
        }
      }
      for (Map.Entry<String, JsonNode> member : after.properties()) {
        if (!before.has(member.getKey())) {
          instructions.add(
              where
                  + "set "
                  + place.in(member.getKey()).member()
                  + " = "
                  + render(member.getValue(), hclSyntax)
                  + "; "
                  + origin);
        }
      }
      return;
    }
    if (before.isArray() && after.isArray()) {
      List<Integer> dropped = after.size() < before.size() ? dropped(before, after) : null;
      if (dropped != null) {
        dropped.forEach(
            i ->
                instructions.add(
                    where
                        + "remove "
                        + before.get(i).path("name").asText("element " + i)
                        + " from "
                        + place.member()
                        + "; "
                        + origin));
        return;
      }
      if (after.size() >= before.size()) {
        for (int i = 0; i < after.size(); i++) {
          if (i < before.size()) {
            instruct(
                address,
                before.get(i),
                after.get(i),
                place.element(i, before.get(i)),
                origin,
                hclSyntax);
          } else {
            instructions.add(
                where
                    + "add to "
                    + place.member()
                    + " "
                    + render(after.get(i), hclSyntax)
                    + "; "
                    + origin);
          }
        }
        return;
      }
    }
    String unread =
        before instanceof POJONode unknown
            ? "; ecsguard cannot read it: " + ((Unknown) unknown.getPojo()).reason()
            : "";
    instructions.add(
        where
            + "set "
            + place.member()
            + " = "
            + render(after, hclSyntax)
            + "; "
            + origin
            + unread);
  }

  private static String render(JsonNode value, boolean hclSyntax) {
    return hclSyntax ? HclEdits.hcl(value) : value.toString();
  }

  // ---- services, task sets, clusters, capacity providers ---------------------------------------

  private void resource(
      Block block, String address, TerraformAttributes.Resource table, ObjectNode values)
      throws WrongShape {
    ObjectNode resource = api(address, table.fields(), values);
    ObjectNode fixed = resource.deepCopy();
    Hardening hardening = new Hardening(options);
    hardening.resource(table.type(), fixed);
    hardening.instructions().forEach(step -> instructions.add(address + ": " + step));
    carry(block, address, "", table.fields(), resource, fixed);
  }

  // ---- the API's shape and back, by TerraformAttributes
  // ------------------------------------------

  /** {@code values} (a resource's or a block's) in the API's shape: the {@code fields} it holds. */
  private ObjectNode api(String address, List<Field> fields, ObjectNode values) throws WrongShape {
    ObjectNode api = NODES.objectNode();
    for (Field field : fields) {
      switch (field.kind()) {
        case ATTRIBUTE -> copy(values, field.terraform(), api, field.api());
        case ENABLED_FLAG -> {
          JsonNode on = values.get(field.terraform());
          if (on != null && !on.isNull()) {
            api.set(
                field.api(),
                on.isBoolean()
                    ? TextNode.valueOf(TerraformAttributes.enabled(on.asBoolean()))
                    : on);
          }
        }
        case BLOCK -> {
          ObjectNode first = firstBlock(values, field.terraform());
          if (first != null) {
            api.set(field.api(), api(address, field.members(), first));
          }
        }
        case BLOCKS -> {
          ArrayNode list = api.putArray(field.api());
          for (JsonNode written : blocks(values, field.terraform())) {
            list.add(
                written instanceof ObjectNode object
                    ? api(address, field.members(), object)
                    : written); // a dynamic block's: unknown
          }
        }
        case INLINE -> api.set(field.api(), api(address, field.members(), values));
        case JSON -> api.set(field.api(), containers(address, values.get(field.terraform())));
        case TAGS -> api.set(field.api(), tags(field, values));
      }
    }
    return api;
  }

  /**
   * Carries each change of {@code fields} from {@code before} to {@code after} back to {@code
   * block}, which holds them ({@code path}: where it is within its resource, for the steps).
   */
  private void carry(
      Block block,
      String address,
      String path,
      List<Field> fields,
      JsonNode before,
      JsonNode after) {
    for (Field field : fields) {
      JsonNode was = before.get(field.api());
      JsonNode is = after.get(field.api());
      if (Objects.equals(was, is)) {
        continue;
      }
      switch (field.kind()) {
        case ATTRIBUTE, ENABLED_FLAG -> {
          if (is == null) {
            unset(block, address, path, field.terraform());
          } else {
            set(block, address, path, field.terraform(), terraform(field, is));
          }
        }
        case BLOCK -> {
          if (is instanceof ObjectNode
              && nthBlock(block, field.terraform(), 0) instanceof Block written) {
            carry(
                written,
                address,
                path + field.terraform() + "[0].",
                field.members(),
                was == null ? NODES.objectNode() : was,
                is);
          }
        }
        case BLOCKS -> {
          for (int i = 0; is != null && i < is.size(); i++) {
            if (was == null || i >= was.size()) {
              addBlock(block, address, field.terraform(), blockText(field, is.get(i)));
            } else if (!was.get(i).equals(is.get(i))
                && nthBlock(block, field.terraform(), i) instanceof Block written) {
              carry(
                  written,
                  address,
                  path + field.terraform() + "[" + i + "].",
                  field.members(),
                  was.get(i),
                  is.get(i));
            }
          }
        }
        case INLINE ->
            carry(
                block,
                address,
                path,
                field.members(),
                was == null ? NODES.objectNode() : was,
                is == null ? NODES.objectNode() : is);
        case JSON -> containers(block, address, was, is);
        case TAGS -> {} // the remedies only say which tags to add: ecsguard does not invent their
          // values
      }
    }
  }

  /** An attribute's value as Terraform writes it. */
  private static JsonNode terraform(Field field, JsonNode api) {
    return field.kind() == Kind.ENABLED_FLAG
        ? BooleanNode.valueOf(TerraformAttributes.flag(api.asText()))
        : api;
  }

  /** A new block of {@code field} holding {@code value}, laid out as terraform fmt lays it out. */
  private static String blockText(Field field, JsonNode value) {
    List<Field> attributes =
        field.members().stream()
            .filter(member -> !member.isBlock() && value.has(member.api()))
            .toList();
    int width = attributes.stream().mapToInt(member -> member.terraform().length()).max().orElse(0);
    StringBuilder text = new StringBuilder(field.terraform()).append(" {\n");
    for (Field member : attributes) {
      text.append("  ")
          .append(member.terraform())
          .append(" ".repeat(width - member.terraform().length()))
          .append(" = ")
          .append(HclEdits.hcl(terraform(member, value.get(member.api()))))
          .append('\n');
    }
    for (Field member : field.members()) {
      JsonNode nested = value.get(member.api());
      List<JsonNode> blocks =
          member.kind() == Kind.BLOCK && nested instanceof ObjectNode
              ? List.of(nested)
              : member.kind() == Kind.BLOCKS && nested instanceof ArrayNode list
                  ? StreamSupport.stream(list.spliterator(), false).toList()
                  : List.of();
      blocks.forEach(
          inner ->
              text.append("  ")
                  .append(blockText(member, inner).replace("\n", "\n  "))
                  .append('\n'));
    }
    return text.append('}').toString();
  }

  // ---- attributes and blocks -------------------------------------------------------------------

  /**
   * Sets attribute {@code name} of {@code block}: in the text where it is a literal or missing,
   * else as an instruction.
   */
  private void set(Block block, String address, String path, String name, JsonNode value) {
    Attribute attribute = attribute(block, name);
    String step = "set " + path + name + " = " + HclEdits.hcl(value);
    Trace traced =
        attribute != null && variable(attribute.value()) instanceof String variable && !inThisFile()
            ? trace(variable, here.calls().size() - 1)
            : null;
    if (attribute == null && inThisFile() && block.at().line() != block.end().line()) {
      edits.insertItem(
          block.at(),
          block.body().isEmpty() ? null : block.body().get(0).at(),
          block.end(),
          name + " = " + HclEdits.hcl(value));
    } else if (attribute == null) {
      instructions.add(address + ": " + step + inModule(block.at()));
    } else if (attribute.value() instanceof Literal && inThisFile()) {
      edits.replace(attribute.value().at(), attribute.end(), HclEdits.hcl(value));
    } else if (attribute.value() instanceof Literal) {
      instructions.add(address + ": " + step + inModule(attribute.at()));
    } else if (traced != null && traced.editable() != null && value.isValueNode()) {
      // The caller's own argument: it sets the value for this call only, not for the module's
      // other callers.
      edits.replace(traced.editable().value().at(), traced.editable().end(), HclEdits.hcl(value));
    } else if (traced != null) {
      instructions.add(address + ": " + step + "; the value comes from " + traced.description());
    } else {
      instructions.add(
          address + ": " + step + "; the value comes from " + origin(attribute.value()));
    }
  }

  private void unset(Block block, String address, String path, String name) {
    Attribute attribute = attribute(block, name);
    if (attribute.value() instanceof Literal && inThisFile()) {
      edits.remove(attribute.at(), attribute.end());
    } else if (attribute.value() instanceof Literal) {
      instructions.add(address + ": remove " + path + name + inModule(attribute.at()));
    } else {
      instructions.add(
          address
              + ": remove "
              + path
              + name
              + "; the value comes from "
              + origin(attribute.value()));
    }
  }

  /**
   * Adds a nested block at the end of {@code block}, unless dynamic blocks of that type make its
   * contents unknowable.
   */
  private void addBlock(Block block, String address, String type, String text) {
    boolean dynamic =
        block.body().stream()
            .anyMatch(
                item ->
                    item instanceof Block inner
                        && inner.type().equals("dynamic")
                        && inner.labels().equals(List.of(type)));
    if (dynamic || !inThisFile() || block.at().line() == block.end().line()) {
      instructions.add(
          address
              + ": add a block "
              + text.replace("\n", " ").replaceAll(" +", " ")
              + (dynamic ? " unless your dynamic \"" + type + "\" blocks make it" : "")
              + inModule(block.at()));
    } else {
      edits.insertItem(
          block.at(),
          block.body().isEmpty() ? null : block.body().get(0).at(),
          block.end(),
          "\n" + text);
    }
  }

  private static Attribute attribute(Block block, String name) {
    for (Item item : block.body()) {
      if (item instanceof Attribute attribute && attribute.name().equals(name)) {
        return attribute;
      }
    }
    return null;
  }

  /**
   * The {@code index}th nested block of {@code type}, counting dynamic blocks of that type as they
   * are evaluated: in order.
   */
  private static Block nthBlock(Block block, String type, int index) {
    int seen = 0;
    for (Item item : block.body()) {
      if (item instanceof Block inner
          && (inner.type().equals(type)
              || (inner.type().equals("dynamic") && inner.labels().equals(List.of(type))))) {
        if (seen++ == index) {
          return inner.type().equals(type) ? inner : null;
        }
      }
    }
    return null;
  }

  /** Where a value of the resource being fixed that is not a literal here comes from. */
  private String origin(Expression expression) {
    return origin(expression, here.calls().size() - 1, shown(here.file()));
  }

  /**
   * Where a value comes from, for an instruction: {@code expression} is written in the file {@code
   * in} of the module reached through the first {@code level + 1} calls (-1: the root).
   */
  private String origin(Expression expression, int level, String in) {
    return switch (expression) {
      case Traversal traversal
          when level >= 0
              && traversal.root().equals("var")
              && !traversal.steps().isEmpty()
              && traversal.steps().get(0).name() != null ->
          trace(traversal.steps().get(0).name(), level).description();
      case Traversal traversal
          when level < 0
              && (traversal.root().equals("var") || traversal.root().equals("local"))
              && !traversal.steps().isEmpty()
              && traversal.steps().get(0).name() != null -> {
        String name = traversal.root() + "." + traversal.steps().get(0).name();
        String at = declaredAt.get(name);
        yield name + (at == null ? "" : " (" + at + ")");
      }
      case Traversal traversal when level >= 0 && traversal.root().equals("local") ->
          "local."
              + traversal.steps().get(0).name()
              + ", read at "
              + in
              + ":"
              + expression.at().line()
              + ":"
              + expression.at().column();
      case Traversal traversal ->
          traversal.root()
              + (traversal.steps().isEmpty() || traversal.steps().get(0).name() == null
                  ? ""
                  : "." + traversal.steps().get(0).name())
              + ", known only when Terraform plans";
      case Call call
          when (call.function().equals("file") || call.function().equals("templatefile"))
              && !call.arguments().isEmpty()
              && call.arguments().get(0) instanceof Literal path ->
          "the file "
              + (level < 0 ? directory : Path.of(in).getParent()).resolve(path.text())
              + " ("
              + call.function()
              + "())";
      case Call call when call.arguments().size() == 1 ->
          origin(call.arguments().get(0), level, in);
      default ->
          "the expression at " + in + ":" + expression.at().line() + ":" + expression.at().column();
    };
  }

  // ---- values from a module's caller -----------------------------------------------------------

  /**
   * Where a module variable's value is set: {@code editable}, when it is a literal argument of this
   * file's call (edited there: it sets the value for that call only); {@code description}, for a
   * step.
   */
  private record Trace(Attribute editable, String description) {}

  /** Whether the resource being fixed is written in this file, not in a module it calls. */
  private boolean inThisFile() {
    return here.calls().isEmpty();
  }

  /**
   * For a step about what is written in a called module's file: where. That file is never edited:
   * every caller of the module shares it.
   */
  private String inModule(Position at) {
    return inThisFile()
        ? ""
        : "; it is written in the module's file "
            + shown(here.file())
            + ":"
            + at.line()
            + ", which every caller of the module shares";
  }

  /** A file as a step names it: a module's path without the ./ of its source. */
  private static String shown(String file) {
    return Path.of(file).normalize().toString();
  }

  /** The variable {@code expression} is, when it is {@code var.NAME} itself. */
  private static String variable(Expression expression) {
    return expression instanceof Traversal traversal
            && traversal.root().equals("var")
            && traversal.steps().size() == 1
            && traversal.steps().get(0).name() != null
        ? traversal.steps().get(0).name()
        : null;
  }

  /**
   * Where {@code var.NAME} of the module reached through the first {@code level + 1} calls gets its
   * value: the call's argument, else the variable's default.
   */
  private Trace trace(String name, int level) {
    TerraformSourceReader.ModuleCall call = here.calls().get(level);
    String callFile = shown(call.file());
    StringBuilder module = new StringBuilder();
    here.calls()
        .subList(0, level + 1)
        .forEach(
            each ->
                module.append(module.isEmpty() ? "" : ".").append("module.").append(each.name()));
    Attribute argument = attribute(call.block(), name);
    if (argument == null) {
      Located variable = variables(call.directory()).get(name);
      String declared =
          variable == null
              ? ""
              : " ("
                  + variable.file()
                  + ":"
                  + (attribute(variable.block(), "default") instanceof Attribute value
                          ? value.at()
                          : variable.block().at())
                      .line()
                  + ")";
      return new Trace(
          null,
          "the default of var."
              + name
              + declared
              + ", as "
              + module
              + " ("
              + callFile
              + ":"
              + call.block().at().line()
              + ") does not pass "
              + name
              + "; set "
              + name
              + " in that call, or change the default for every caller of the module");
    }
    String passed =
        "the argument "
            + name
            + " of "
            + module
            + " ("
            + callFile
            + ":"
            + argument.at().line()
            + ")";
    if (argument.value() instanceof Literal) {
      return level == 0
          ? new Trace(argument, passed)
          : new Trace(
              null, passed + ", in a module's file, which every caller of that module shares");
    }
    if (level > 0 && variable(argument.value()) instanceof String next) {
      Trace up = trace(next, level - 1);
      return new Trace(up.editable(), passed + ", which comes from " + up.description());
    }
    return new Trace(
        null, passed + ", which comes from " + origin(argument.value(), level - 1, callFile));
  }

  /** The variable blocks of the module in {@code directory}, by name. */
  private Map<String, Located> variables(Path directory) {
    return variablesByModule.computeIfAbsent(
        directory,
        key -> {
          Map<String, Located> found = new HashMap<>();
          for (Path module : TerraformSourceReader.moduleFiles(directory, List.of(), error -> {})) {
            try {
              String name = module.toString();
              for (Item item :
                  Hcl.parse(
                      name,
                      RegularFiles.readUtf8(module, name, LIMITS.maxFileBytes()),
                      LIMITS.maxNestingDepth())) {
                if (item instanceof Block block
                    && block.type().equals("variable")
                    && block.labels().size() == 1) {
                  found.put(block.labels().get(0), new Located(block, shown(name)));
                }
              }
            } catch (InputException | HclException e) {
              // the module's read reports it
            }
          }
          return found;
        });
  }

  // ---- values ----------------------------------------------------------------------------------

  /**
   * The evaluated attributes as Jackson's tree; what the source does not give is an {@link
   * Unknown}.
   */
  private static JsonNode json(Node node) {
    return JacksonTree.of(node, unresolved -> new POJONode(new Unknown(unresolved.reason())));
  }

  private static void copy(ObjectNode from, String name, ObjectNode to, String apiName) {
    JsonNode value = from.get(name);
    if (value != null && !value.isNull()) {
      to.set(apiName, value);
    }
  }

  /** The nested blocks of {@code type}, as objects (a dynamic block's are unknown). */
  private static List<JsonNode> blocks(JsonNode values, String type) throws WrongShape {
    JsonNode list = values.get(type);
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new WrongShape(
          type
              + " is "
              + list.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + ", not a block");
    }
    List<JsonNode> blocks = new ArrayList<>();
    list.forEach(blocks::add);
    return blocks;
  }

  private static ObjectNode firstBlock(JsonNode values, String type) throws WrongShape {
    List<JsonNode> blocks = blocks(values, type);
    return blocks.isEmpty() || !(blocks.get(0) instanceof ObjectNode block) ? null : block;
  }

  /**
   * Tags as the API lists them: tags_all (with the provider's default tags) where it is known, else
   * tags.
   */
  private static ArrayNode tags(Field field, ObjectNode values) {
    ArrayNode tags = NODES.arrayNode();
    JsonNode map =
        values.get(TerraformAttributes.ALL_TAGS) instanceof ObjectNode all
            ? all
            : values.get(field.terraform());
    if (map instanceof ObjectNode known) {
      known.fieldNames().forEachRemaining(key -> tags.addObject().put("key", key));
    } else if (map instanceof POJONode) {
      tags.addObject().set("key", map); // tags ecsguard cannot read are not said to be missing
    }
    return tags;
  }

  // ---- proof and secrets -----------------------------------------------------------------------

  /** FAILED findings by control in this file, the module scanned with {@code text} in its place. */
  private Map<String, Integer> failed(String text) {
    ScanResult result = new ScanResult();
    Scanner scanner = new Scanner(Selection.defaults(), LIMITS, Map.of(), tfVariables);
    reader()
        .read(
            tree,
            directory,
            List.of(file),
            Map.of(file, text),
            new InputReader.Sink() {
              @Override
              public void resource(Resource resource, Map<String, String> labels) {
                if (!resource.id().startsWith("module.")
                    || callsHere.contains(resource.id().split("[.\\[]", 3)[1])) {
                  scanner.evaluate(resource, labels, result);
                }
              }

              @Override
              public void note(Node where, String message) {}
            },
            result::error,
            true);
    if (!result.errors().isEmpty()) {
      throw new IllegalStateException(
          "the suggested text does not read back: " + result.errors().get(0).getMessage());
    }
    return FixResult.failed(result);
  }
}
