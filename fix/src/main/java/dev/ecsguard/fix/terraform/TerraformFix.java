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
import dev.ecsguard.fix.shared.AnchoredDiff;
import dev.ecsguard.fix.shared.AwsCliJson;
import dev.ecsguard.fix.shared.CredentialMask;
import dev.ecsguard.fix.shared.FixResult;
import dev.ecsguard.fix.shared.JacksonTree;
import dev.ecsguard.fix.shared.Hardening;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.input.InputFiles;
import dev.ecsguard.format.InputReader;
import dev.ecsguard.format.terraform.HclBridge;
import dev.ecsguard.format.terraform.TerraformSourceReader;
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
import dev.ecsguard.model.Resource;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.RegularFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suggests the changes that harden the aws_ecs_* resources of one .tf file. Each resource's
 * attributes, evaluated with its module as the scanner evaluates them, are put in the ECS API's
 * shape; the catalogue's remedies harden that ({@link Hardening}); and each change they make
 * is carried back to the HCL: an edit of the text where the value is written in this file as a
 * literal, otherwise an instruction naming the attribute, the value to set and where it comes from
 * (a variable, a local, a file, another resource). The suggestion is proved as a JSON fix is: the
 * module is scanned with the suggested text in place of the file.
 */
public final class TerraformFix {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final InputLimits LIMITS = InputLimits.DEFAULT;
  private static final InputReader.Sink NO_RESOURCES = new InputReader.Sink() {
    @Override
    public void resource(Resource resource, Map<String, String> labels) {}

    @Override
    public void note(Node where, String message) {} // the scan says these; a fix has nothing to add
  };

  /** A value the module's source does not give; the remedies read it as not set. */
  private record Unknown(String reason) {
    @Override
    public String toString() {
      return "";
    }
  }

  /** Where a change inside container_definitions is: the container and the member path within it. */
  private record Place(String container, String member) {
    Place in(String key) {
      return new Place(container, member.isEmpty() ? key : member + "." + key);
    }

    Place element(int index, JsonNode value) {
      return container == null ? new Place("container \"" + value.path("name").asText("#" + index) + "\"", "") : new Place(container, member + "[" + index + "]");
    }
  }

  private final Path tree;
  private final Path file;
  private final Path directory;
  private final RemedyOptions options;
  private final Map<String, String> tfVariables;
  private final HclEdits edits;
  private final Set<String> instructions = new LinkedHashSet<>();
  private final List<JsonNode> holdingCredentials = new ArrayList<>(); // each task definition as read, and this file's literals by name
  private final Map<String, String> declaredAt = new HashMap<>(); // "var.x" and "local.y" → FILE:LINE
  private final Map<String, Attribute> localsHere = new HashMap<>(); // this file's locals, edited where they are written

  private TerraformFix(Path tree, Path file, String text, RemedyOptions options, Map<String, String> tfVariables) {
    this.tree = tree;
    this.file = file;
    this.directory = InputFiles.directoryOf(file);
    this.options = options;
    this.tfVariables = tfVariables;
    this.edits = new HclEdits(text);
  }

  /**
   * The suggestion for {@code file}, whose text is {@code text}; {@code fixed} is null when it
   * holds no aws_ecs_* resource. {@code tfVariables}: values for the module's variables, as scan's --tf-var;
   * {@code tree}: the directory named on the command line (or the file's own), outside which file() reads nothing, as in a scan.
   */
  public static FixResult fix(Path tree, Path file, String text, RemedyOptions options, Map<String, String> tfVariables)
      throws InputException {
    TerraformFix fix = new TerraformFix(tree, file, text, options, tfVariables);
    try {
      fix.declarations(Hcl.parse(file.toString(), text, LIMITS.maxNestingDepth()));
    } catch (HclException e) {
      throw HclBridge.inputError(e);
    }
    List<TerraformSourceReader.Instance> instances = new ArrayList<>();
    List<InputException> errors = new ArrayList<>();
    fix.reader().instances(fix.tree, fix.directory, List.of(file), Map.of(file, text), NO_RESOURCES, errors::add, instances::add);
    if (!errors.isEmpty()) {
      throw errors.get(0);
    }
    if (instances.isEmpty()) {
      return new FixResult(null, "", Map.of(), Map.of(), List.of());
    }
    Set<Block> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (TerraformSourceReader.Instance instance : instances) {
      if (done.add(instance.block())) { // count and for_each: the first instance speaks for the block; the re-scan checks them all
        fix.resource(instance);
      }
    }
    String suggested = fix.edits.apply();
    CredentialMask mask = CredentialMask.of(fix.holdingCredentials, false, text, suggested);
    String diff = AnchoredDiff.unified(file.toString(), mask.apply(text), mask.apply(suggested));
    List<String> steps = fix.instructions.stream().map(mask).toList();
    Map<String, Integer> failedAfter = fix.failed(suggested);
    return new FixResult(suggested, diff, FixResult.removed(fix.failed(text), failedAfter), failedAfter, steps);
  }

  private TerraformSourceReader reader() {
    return new TerraformSourceReader(new DocumentReader(LIMITS), LIMITS, tfVariables);
  }

  /** Where the module declares its variables and locals; this file's locals, to edit them where they are written. */
  private void declarations(List<Item> items) {
    List<Path> siblings = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.tf")) {
      entries.forEach(siblings::add);
    } catch (IOException e) {
      // the module is read again for the suggestion, and that read reports it
    }
    siblings.sort(null);
    for (Path sibling : siblings) {
      if (sibling.normalize().equals(file.normalize())) {
        continue;
      }
      try {
        String name = sibling.toString();
        declarations(name, Hcl.parse(name, RegularFiles.readUtf8(sibling, name, LIMITS.maxFileBytes()), LIMITS.maxNestingDepth()));
      } catch (InputException | HclException e) {
        // the same: reported by the module's read
      }
    }
    declarations(file.toString(), items);
    ObjectNode literalsByName = NODES.objectNode();
    for (Item item : items) {
      if (item instanceof Block block && block.type().equals("locals")) {
        block.body().forEach(local -> {
          if (local instanceof Attribute attribute) {
            localsHere.put(attribute.name(), attribute);
            literal(attribute).ifPresent(text -> literalsByName.put(attribute.name(), text));
          }
        });
      } else if (item instanceof Block block && block.type().equals("variable") && block.labels().size() == 1) {
        for (Item entry : block.body()) {
          if (entry instanceof Attribute attribute && attribute.name().equals("default")) {
            literal(attribute).ifPresent(text -> literalsByName.put(block.labels().get(0), text));
          }
        }
      }
    }
    // Shown in the diff's context lines though no task definition uses them: the credential rules judge them by name.
    holdingCredentials.add(literalsByName);
    holdingCredentials.add(HclComputedCredentials.of(items));
  }

  /** The attribute's value when it is a plain string. */
  private static java.util.Optional<String> literal(Attribute attribute) {
    return attribute.value() instanceof Literal literal && literal.kind() == Literal.Kind.STRING ? java.util.Optional.of(literal.text()) : java.util.Optional.empty();
  }

  private void declarations(String name, List<Item> items) {
    for (Item item : items) {
      if (item instanceof Block block && block.type().equals("variable") && block.labels().size() == 1) {
        declaredAt.put("var." + block.labels().get(0), name + ":" + block.at().line());
      } else if (item instanceof Block block && block.type().equals("locals")) {
        block.body().forEach(local -> declaredAt.put("local." + ((local instanceof Attribute a) ? a.name() : ""), name + ":" + local.at().line()));
      }
    }
  }

  private void resource(TerraformSourceReader.Instance instance) {
    Block block = instance.block();
    String address = block.labels().get(0) + "." + block.labels().get(1);
    int edited = edits.size();
    int instructed = instructions.size();
    try {
      switch (instance.type()) {
        case "aws_ecs_task_definition" -> taskDefinition(block, address, (ObjectNode) json(instance.values()));
        case "aws_ecs_service", "aws_ecs_task_set" -> service(block, address, (ObjectNode) json(instance.values()));
        case "aws_ecs_cluster" -> cluster(block, address, (ObjectNode) json(instance.values()));
        case "aws_ecs_capacity_provider" -> capacityProvider(block, address, (ObjectNode) json(instance.values()));
        default -> {}
      }
    } catch (WrongShape | RuntimeException e) {
      edits.truncate(edited);
      List<String> kept = new ArrayList<>(instructions).subList(0, instructed);
      instructions.clear();
      instructions.addAll(kept);
      instructions.add(address + ": left unchanged: " + (e instanceof WrongShape ? e.getMessage() : "an attribute has a type ECS does not accept"));
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
    ObjectNode task = NODES.objectNode();
    task.put("family", values.path("family").isTextual() ? values.path("family").asText() : block.labels().get(1));
    copy(values, "network_mode", task, "networkMode");
    copy(values, "pid_mode", task, "pidMode");
    ObjectNode platform = firstBlock(values, "runtime_platform");
    if (platform != null && platform.has("operating_system_family")) {
      task.putObject("runtimePlatform").set("operatingSystemFamily", platform.get("operating_system_family"));
    }
    task.set("containerDefinitions", containers(address, values.get("container_definitions")));
    ArrayNode volumes = task.putArray("volumes");
    for (JsonNode volume : blocks(values, "volume")) {
      if (!(volume instanceof ObjectNode written)) {
        volumes.add(volume); // made by a dynamic block: unknown
        continue;
      }
      ObjectNode api = volumes.addObject();
      copy(written, "name", api, "name");
      ObjectNode efs = firstBlock(written, "efs_volume_configuration");
      if (efs != null) {
        copy(efs, "transit_encryption", api.putObject("efsVolumeConfiguration"), "transitEncryption");
      }
    }
    task.set("tags", tags(values));
    holdingCredentials.add(task);
    Hardening fix = new Hardening(options);
    ObjectNode fixed = fix.taskDefinition(task);
    fix.instructions().forEach(step -> instructions.add(address + ": " + step));

    if (!task.path("networkMode").equals(fixed.path("networkMode"))) {
      set(block, address, "", "network_mode", fixed.get("networkMode"));
    }
    if (task.has("pidMode") && !fixed.has("pidMode")) {
      unset(block, address, "pid_mode");
    }
    ArrayNode after = (ArrayNode) fixed.get("volumes");
    for (int i = 0; i < after.size(); i++) {
      if (i >= volumes.size()) {
        addBlock(block, address, "volume", "volume {\n  name = " + HclEdits.quote(after.get(i).path("name").asText()) + "\n}");
      } else if (!volumes.get(i).equals(after.get(i)) && nthBlock(block, "volume", i) instanceof Block volume
          && nthBlock(volume, "efs_volume_configuration", 0) instanceof Block efs) {
        set(efs, address, "volume[" + i + "].efs_volume_configuration[0].", "transit_encryption", after.get(i).path("efsVolumeConfiguration").get("transitEncryption"));
      }
    }
    JsonNode before = task.get("containerDefinitions");
    if (!before.equals(fixed.get("containerDefinitions"))) {
      containers(block, address, before, fixed.get("containerDefinitions"));
    }
  }

  /** container_definitions as the API's list: jsonencode gives it as a value, a string holds it as JSON. */
  private JsonNode containers(String address, JsonNode given) {
    if (given instanceof ArrayNode list) {
      return list;
    }
    String problem;
    if (given == null || given.isNull()) {
      return NODES.arrayNode();
    } else if (given.isTextual()) {
      try {
        JsonNode parsed = JSON.readTree(given.asText());
        if (parsed instanceof ArrayNode list) {
          return list;
        }
        problem = "is not a JSON array";
      } catch (JsonProcessingException e) {
        problem = "is not valid JSON";
      }
    } else {
      problem = given instanceof POJONode unknown ? "is not known from source (" + ((Unknown) unknown.getPojo()).reason() + ")" : "is not a list of containers";
    }
    instructions.add(address + ": container_definitions " + problem + "; ecsguard suggests nothing for its containers");
    return NODES.arrayNode();
  }

  /** Carries the containers' changes back to container_definitions, by how it is written. */
  private void containers(Block block, String address, JsonNode before, JsonNode after) {
    Attribute attribute = attribute(block, "container_definitions");
    Expression value = attribute.value();
    if (value instanceof Call call && call.function().equals("jsonencode") && call.arguments().size() == 1) {
      Expression argument = call.arguments().get(0);
      String origin = "container_definitions";
      if (argument instanceof Traversal local && local.root().equals("local") && local.steps().size() == 1 && localsHere.containsKey(local.steps().get(0).name())) {
        origin = "local." + local.steps().get(0).name();
        argument = localsHere.get(local.steps().get(0).name()).value();
      }
      if (argument instanceof Tuple tuple) {
        edit(address, tuple, tuple.end(), before, after, new Place(null, ""), origin);
      } else {
        instruct(address, before, after, new Place(null, ""), "container_definitions comes from " + origin(argument), true);
      }
    } else if (value instanceof Literal literal && literal.kind() == Literal.Kind.STRING) {
      jsonText(attribute, after);
    } else {
      instruct(address, before, after, new Place(null, ""), "container_definitions comes from " + origin(value), false);
    }
  }

  /** JSON written in the file: a heredoc's lines, or a quoted string, written again with the fixed containers. */
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
  private void edit(String address, Expression expression, Position end, JsonNode before, JsonNode after, Place place, String origin) {
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
            edit(address, entry.value(), entry.end(), member.getValue(), after.get(member.getKey()), place.in(member.getKey()), origin);
          }
        }
        for (Map.Entry<String, JsonNode> member : after.properties()) {
          if (!before.has(member.getKey())) {
            edits.insertItem(object.at(), first, object.end(), HclEdits.key(member.getKey()) + " = " + HclEdits.hcl(member.getValue()));
          }
        }
        return;
      }
    }
    if (expression instanceof Tuple tuple && before.isArray() && after.isArray() && tuple.elements().size() == before.size()) {
      Position first = tuple.elements().isEmpty() ? null : tuple.elements().get(0).at();
      if (after.size() >= before.size()) {
        for (int i = 0; i < after.size(); i++) {
          if (i < before.size()) {
            Expression element = tuple.elements().get(i);
            edit(address, element, end(element), before.get(i), after.get(i), place.element(i, before.get(i)), origin);
          } else {
            edits.append(tuple.at(), first, tuple.end(), HclEdits.hcl(after.get(i)));
          }
        }
        return;
      }
      List<Integer> dropped = dropped(before, after);
      if (dropped != null && dropped.stream().allMatch(i -> end(tuple.elements().get(i)) != null)) {
        dropped.forEach(i -> edits.remove(tuple.elements().get(i).at(), end(tuple.elements().get(i))));
        return;
      }
    }
    if (expression instanceof Literal && end != null) {
      edits.replace(expression.at(), end, HclEdits.hcl(after));
      return;
    }
    instruct(address, before, after, place, (place.member().isEmpty() ? origin : place.member()) + " comes from " + origin(expression), true);
  }

  private static Position end(Expression expression) {
    return switch (expression) {
      case ObjectValue object -> object.end();
      case Tuple tuple -> tuple.end();
      default -> null;
    };
  }

  /** The indexes of {@code before}'s elements that {@code after} leaves out, keeping the others in order; null if it is not that. */
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

  /** Says each change from {@code before} to {@code after} as a step; values in HCL's syntax or JSON's. Never a removed value. */
  private void instruct(String address, JsonNode before, JsonNode after, Place place, String origin, boolean hclSyntax) {
    if (before.equals(after)) {
      return;
    }
    String where = address + ": " + (place.container() == null ? "container_definitions" : place.container()) + ": ";
    if (before.isObject() && after.isObject()) {
      for (Map.Entry<String, JsonNode> member : before.properties()) {
        if (!after.has(member.getKey())) {
          instructions.add(where + "remove " + place.in(member.getKey()).member() + "; " + origin);
        } else {
          instruct(address, member.getValue(), after.get(member.getKey()), place.in(member.getKey()), origin, hclSyntax);
        }
      }
      for (Map.Entry<String, JsonNode> member : after.properties()) {
        if (!before.has(member.getKey())) {
          instructions.add(where + "set " + place.in(member.getKey()).member() + " = " + render(member.getValue(), hclSyntax) + "; " + origin);
        }
      }
      return;
    }
    if (before.isArray() && after.isArray()) {
      List<Integer> dropped = after.size() < before.size() ? dropped(before, after) : null;
      if (dropped != null) {
        dropped.forEach(i -> instructions.add(where + "remove " + before.get(i).path("name").asText("element " + i) + " from " + place.member() + "; " + origin));
        return;
      }
      if (after.size() >= before.size()) {
        for (int i = 0; i < after.size(); i++) {
          if (i < before.size()) {
            instruct(address, before.get(i), after.get(i), place.element(i, before.get(i)), origin, hclSyntax);
          } else {
            instructions.add(where + "add to " + place.member() + " " + render(after.get(i), hclSyntax) + "; " + origin);
          }
        }
        return;
      }
    }
    String unread = before instanceof POJONode unknown ? "; ecsguard cannot read it: " + ((Unknown) unknown.getPojo()).reason() : "";
    instructions.add(where + "set " + place.member() + " = " + render(after, hclSyntax) + "; " + origin + unread);
  }

  private static String render(JsonNode value, boolean hclSyntax) {
    return hclSyntax ? HclEdits.hcl(value) : value.toString();
  }

  // ---- services, task sets, clusters, capacity providers ---------------------------------------

  private void service(Block block, String address, ObjectNode values) throws WrongShape {
    boolean taskSet = block.labels().get(0).equals("aws_ecs_task_set");
    ObjectNode service = NODES.objectNode().put(taskSet ? "taskSetArn" : "serviceName", address);
    copy(values, "launch_type", service, "launchType");
    copy(values, "platform_version", service, "platformVersion");
    ObjectNode network = firstBlock(values, "network_configuration");
    if (network != null && network.has("assign_public_ip")) {
      JsonNode on = network.get("assign_public_ip");
      service.putObject("networkConfiguration").putObject("awsvpcConfiguration")
          .set("assignPublicIp", on.isBoolean() ? TextNode.valueOf(on.asBoolean() ? "ENABLED" : "DISABLED") : on);
    }
    ObjectNode fixed = service.deepCopy();
    harden(taskSet ? ResourceType.TASK_SET : ResourceType.SERVICE, fixed, address);
    if (!service.path("platformVersion").equals(fixed.path("platformVersion"))) {
      set(block, address, "", "platform_version", fixed.get("platformVersion"));
    }
    JsonNode publicIp = fixed.path("networkConfiguration").path("awsvpcConfiguration").path("assignPublicIp");
    if (!service.path("networkConfiguration").path("awsvpcConfiguration").path("assignPublicIp").equals(publicIp)
        && nthBlock(block, "network_configuration", 0) instanceof Block configuration) {
      set(configuration, address, "network_configuration[0].", "assign_public_ip", BooleanNode.valueOf("ENABLED".equals(publicIp.asText())));
    }
  }

  private void cluster(Block block, String address, ObjectNode values) throws WrongShape {
    ObjectNode cluster = NODES.objectNode().put("clusterName", address);
    ArrayNode settings = cluster.putArray("settings");
    for (JsonNode setting : blocks(values, "setting")) {
      if (setting instanceof ObjectNode written) {
        ObjectNode api = settings.addObject();
        copy(written, "name", api, "name");
        copy(written, "value", api, "value");
      } else {
        settings.add(setting); // made by a dynamic block: unknown
      }
    }
    ObjectNode fixed = cluster.deepCopy();
    harden(ResourceType.CLUSTER, fixed, address);
    ArrayNode after = (ArrayNode) fixed.get("settings");
    for (int i = 0; i < after.size(); i++) {
      if (i >= settings.size()) {
        addBlock(block, address, "setting", "setting {\n  name  = " + HclEdits.quote(after.get(i).path("name").asText())
            + "\n  value = " + HclEdits.quote(after.get(i).path("value").asText()) + "\n}");
      } else if (!settings.get(i).equals(after.get(i)) && nthBlock(block, "setting", i) instanceof Block setting) {
        set(setting, address, "setting[" + i + "].", "value", after.get(i).get("value"));
      }
    }
  }

  private void capacityProvider(Block block, String address, ObjectNode values) throws WrongShape {
    ObjectNode group = firstBlock(values, "auto_scaling_group_provider");
    if (group == null) {
      return;
    }
    ObjectNode provider = NODES.objectNode();
    ObjectNode api = provider.putObject("autoScalingGroupProvider");
    ObjectNode scaling = firstBlock(group, "managed_scaling");
    if (scaling != null) {
      copy(scaling, "status", api.putObject("managedScaling"), "status");
    }
    copy(group, "managed_termination_protection", api, "managedTerminationProtection");
    ObjectNode fixed = provider.deepCopy();
    harden(ResourceType.CAPACITY_PROVIDER, fixed, address);
    JsonNode protection = fixed.path("autoScalingGroupProvider").path("managedTerminationProtection");
    if (!api.path("managedTerminationProtection").equals(protection) && nthBlock(block, "auto_scaling_group_provider", 0) instanceof Block written) {
      set(written, address, "auto_scaling_group_provider[0].", "managed_termination_protection", protection);
    }
  }

  private void harden(ResourceType type, ObjectNode resource, String address) {
    Hardening hardening = new Hardening(options);
    hardening.resource(type, resource);
    hardening.instructions().forEach(step -> instructions.add(address + ": " + step));
  }

  // ---- attributes and blocks -------------------------------------------------------------------

  /** Sets attribute {@code name} of {@code block}: in the text where it is a literal or missing, else as an instruction. */
  private void set(Block block, String address, String path, String name, JsonNode value) {
    Attribute attribute = attribute(block, name);
    String step = "set " + path + name + " = " + HclEdits.hcl(value);
    if (attribute == null && block.at().line() != block.end().line()) {
      edits.insertItem(block.at(), block.body().isEmpty() ? null : block.body().get(0).at(), block.end(), name + " = " + HclEdits.hcl(value));
    } else if (attribute == null) {
      instructions.add(address + ": " + step);
    } else if (attribute.value() instanceof Literal) {
      edits.replace(attribute.value().at(), attribute.end(), HclEdits.hcl(value));
    } else {
      instructions.add(address + ": " + step + "; the value comes from " + origin(attribute.value()));
    }
  }

  private void unset(Block block, String address, String name) {
    Attribute attribute = attribute(block, name);
    if (attribute.value() instanceof Literal) {
      edits.remove(attribute.at(), attribute.end());
    } else {
      instructions.add(address + ": remove " + name + "; the value comes from " + origin(attribute.value()));
    }
  }

  /** Adds a nested block at the end of {@code block}, unless dynamic blocks of that type make its contents unknowable. */
  private void addBlock(Block block, String address, String type, String text) {
    boolean dynamic = block.body().stream().anyMatch(item -> item instanceof Block inner && inner.type().equals("dynamic") && inner.labels().equals(List.of(type)));
    if (dynamic || block.at().line() == block.end().line()) {
      instructions.add(address + ": add a block " + text.replace("\n", " ").replaceAll(" +", " ") + (dynamic ? " unless your dynamic \"" + type + "\" blocks make it" : ""));
    } else {
      edits.insertItem(block.at(), block.body().isEmpty() ? null : block.body().get(0).at(), block.end(), "\n" + text);
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

  /** The {@code index}th nested block of {@code type}, counting dynamic blocks of that type as they are evaluated: in order. */
  private static Block nthBlock(Block block, String type, int index) {
    int seen = 0;
    for (Item item : block.body()) {
      if (item instanceof Block inner && (inner.type().equals(type) || inner.type().equals("dynamic") && inner.labels().equals(List.of(type)))) {
        if (seen++ == index) {
          return inner.type().equals(type) ? inner : null;
        }
      }
    }
    return null;
  }

  /** Where a value that is not a literal here comes from, for an instruction. */
  private String origin(Expression expression) {
    return switch (expression) {
      case Traversal traversal when (traversal.root().equals("var") || traversal.root().equals("local")) && !traversal.steps().isEmpty()
          && traversal.steps().get(0).name() != null -> {
        String name = traversal.root() + "." + traversal.steps().get(0).name();
        String at = declaredAt.get(name);
        yield name + (at == null ? "" : " (" + at + ")");
      }
      case Traversal traversal -> traversal.root() + (traversal.steps().isEmpty() || traversal.steps().get(0).name() == null ? "" : "." + traversal.steps().get(0).name())
          + ", known only when Terraform plans";
      case Call call when (call.function().equals("file") || call.function().equals("templatefile")) && !call.arguments().isEmpty()
          && call.arguments().get(0) instanceof Literal path -> "the file " + directory.resolve(path.text()) + " (" + call.function() + "())";
      case Call call when call.arguments().size() == 1 -> origin(call.arguments().get(0));
      default -> "the expression at " + file + ":" + expression.at().line() + ":" + expression.at().column();
    };
  }

  // ---- values ----------------------------------------------------------------------------------

  /** The evaluated attributes as Jackson's tree; what the source does not give is an {@link Unknown}. */
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
      throw new WrongShape(type + " is " + list.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not a block");
    }
    List<JsonNode> blocks = new ArrayList<>();
    list.forEach(blocks::add);
    return blocks;
  }

  private static ObjectNode firstBlock(JsonNode values, String type) throws WrongShape {
    List<JsonNode> blocks = blocks(values, type);
    return blocks.isEmpty() || !(blocks.get(0) instanceof ObjectNode block) ? null : block;
  }

  /** Tags as the API lists them: tags_all (with the provider's default tags) where it is known, else tags. */
  private static ArrayNode tags(ObjectNode values) {
    ArrayNode tags = NODES.arrayNode();
    JsonNode map = values.get("tags_all") instanceof ObjectNode all ? all : values.get("tags");
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
    reader().read(tree, directory, List.of(file), Map.of(file, text), new InputReader.Sink() {
      @Override
      public void resource(Resource resource, Map<String, String> labels) {
        scanner.evaluate(resource, labels, result);
      }

      @Override
      public void note(Node where, String message) {}
    }, result::error);
    if (!result.errors().isEmpty()) {
      throw new IllegalStateException("the suggested text does not read back: " + result.errors().get(0).getMessage());
    }
    return FixResult.failed(result);
  }
}
