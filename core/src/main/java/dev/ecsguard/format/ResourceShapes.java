package dev.ecsguard.format;

import dev.ecsguard.model.CapacityProvider;
import dev.ecsguard.model.Cluster;
import dev.ecsguard.model.ContainerDefinition;
import dev.ecsguard.model.EnvironmentVariable;
import dev.ecsguard.model.Service;
import dev.ecsguard.model.SettingCredential;
import dev.ecsguard.model.Tag;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.TaskDefinitionLink;
import dev.ecsguard.model.TaskSet;
import dev.ecsguard.model.Value;
import dev.ecsguard.model.Volume;
import dev.ecsguard.secrets.Credentials;
import dev.ecsguard.secrets.Credentials.Credential;
import dev.ecsguard.secrets.Credentials.Kind;
import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps resources shaped as the ECS API shapes them (whatever the {@link Spelling}: the API's own
 * JSON, CloudFormation's names) to the model. Readers find the resources and their ids; this says
 * once which fields each control needs.
 */
public final class ResourceShapes {
  public static final ResourceShapes API = new ResourceShapes(Spelling.API);

  private final Spelling spelling;
  // ContainerFields as this spelling writes them; by their lower-case form, for names that differ
  // in
  // case only.
  private final Set<String> containerFieldNames;
  private final Map<String, String> containerFieldNamesInLowerCase;

  /**
   * Resources whose fields are named by {@code spelling}: a format's own (CloudFormation's is in
   * its package).
   */
  public ResourceShapes(Spelling spelling) {
    this.spelling = spelling;
    this.containerFieldNames =
        ContainerFields.API_NAMES.stream().map(spelling::name).collect(Collectors.toSet());
    this.containerFieldNamesInLowerCase =
        containerFieldNames.stream()
            .collect(Collectors.toMap(name -> name.toLowerCase(Locale.ROOT), name -> name));
  }

  public Spelling spelling() {
    return spelling;
  }

  /** {@code key}: what the format's links to it carry ({@link TaskDefinition#key()}), or null. */
  public TaskDefinition taskDefinition(
      String id, ObjectNode object, Value<List<Tag>> tags, String key) {
    return new TaskDefinition(
        id,
        object,
        spelling.string(object, "networkMode"),
        spelling.string(object, "pidMode"),
        spelling.string(object, "ipcMode"),
        spelling.string(object, "runtimePlatform", "operatingSystemFamily"),
        spelling.list(object, this::container, "containerDefinitions"),
        spelling.list(object, this::volume, "volumes"),
        tags,
        Fields.role(spelling.string(object, "taskRoleArn")),
        Fields.role(spelling.string(object, "executionRoleArn")),
        spelling.string(object, "family"),
        Fields.integer(object, spelling.name("revision")),
        spelling.string(object, "taskDefinitionArn"),
        key);
  }

  public ContainerDefinition container(Node node) {
    if (!(node instanceof ObjectNode object)) {
      Value<?> unknown = Value.unknown(Fields.notAnObject(node), node);
      return new ContainerDefinition(
          label(node, "container"),
          node,
          cast(unknown),
          cast(unknown),
          cast(unknown),
          cast(unknown),
          cast(unknown),
          cast(unknown),
          cast(unknown),
          cast(unknown),
          cast(unknown),
          cast(unknown),
          List.of(new SettingCredential(null, cast(unknown))),
          List.of());
    }
    return new ContainerDefinition(
        label(object, "container"),
        object,
        spelling.bool(object, "privileged"),
        spelling.bool(object, "readonlyRootFilesystem"),
        spelling.string(object, "user"),
        spelling.list(object, this::environmentVariable, "environment"),
        spelling.string(object, "logConfiguration", "logDriver"),
        spelling.list(object, spelling::string, "linuxParameters", "capabilities", "add"),
        spelling.list(object, this::deviceHostPath, "linuxParameters", "devices"),
        spelling.list(object, spelling::string, "dockerSecurityOptions"),
        spelling.string(object, "image"),
        spelling.list(object, this::mountedVolume, "mountPoints"),
        settingCredentials(object),
        unknownFields(object));
  }

  /**
   * The members of {@code container} that are no container definition field in this spelling, each
   * with the field it differs from in case only, if one: {@code privileged (Privileged?)}.
   */
  private List<String> unknownFields(ObjectNode container) {
    List<String> unknown = new ArrayList<>(0);
    container.forEachMember(
        (name, member) -> {
          if (containerFieldNames.contains(name)) {
            return;
          }
          String meant = containerFieldNamesInLowerCase.get(name.toLowerCase(Locale.ROOT));
          if (meant == null) {
            unknown.add(name);
          } else if (!container.matchesNamesIgnoringCase()) {
            unknown.add(name + " (" + meant + "?)");
          }
        });
    return unknown;
  }

  /**
   * A setting read as a command: its path, and its name in findings ({@code healthCheck.command}).
   */
  private record CommandSetting(String[] path, String name) {}

  /** {@link Credentials#COMMAND_SETTINGS}, made into paths once rather than for every container. */
  private static final List<CommandSetting> COMMAND_SETTINGS =
      Credentials.COMMAND_SETTINGS.stream()
          .map(path -> new CommandSetting(path.toArray(String[]::new), String.join(".", path)))
          .toList();

  /**
   * ECSG.6's reading of a container: the credentials its commands and Docker labels hold, by kind
   * and place. A command or label set that cannot be read holds none that anyone wrote: only a
   * value standing where a credential is read makes an unknown.
   */
  private List<SettingCredential> settingCredentials(ObjectNode container) {
    List<SettingCredential> found = new ArrayList<>();
    for (CommandSetting command : COMMAND_SETTINGS) {
      Value<List<Node>> elements = spelling.list(container, node -> node, command.path());
      if (elements.isKnown()) {
        commandCredentials(command.name(), elements.get(), elements.origin(), found);
      }
    }
    Value<ObjectNode> labels = spelling.object(container, "dockerLabels");
    if (labels.isKnown()) {
      for (String key : labels.get().names()) {
        Node node = labels.get().get(key);
        Value<String> value = spelling.string(node);
        String setting = "dockerLabels \"" + key + "\"";
        if (value.isKnown()) {
          Credentials.inLabel(key, value.get())
              .ifPresent(credential -> found.add(known(setting, credential, node)));
        } else if (value.isUnknown() && Credentials.isSecretLike(key)) {
          found.add(new SettingCredential(setting, Value.unknown(value.reason(), node)));
        }
      }
    }
    return found;
  }

  private void commandCredentials(
      String setting, List<Node> nodes, Origin list, List<SettingCredential> found) {
    List<String> texts = new ArrayList<>(nodes.size());
    for (Node node : nodes) {
      Value<String> text = spelling.string(node);
      texts.add(text.isUnknown() ? null : text.orElse("")); // null: computed, no literal
    }
    for (Credential credential : Credentials.inCommand(texts)) {
      Origin holder = list;
      for (int i = 0; i < nodes.size(); i++) {
        if (texts.get(i) != null && texts.get(i).contains(credential.value())) {
          holder = nodes.get(i);
          break;
        }
      }
      found.add(known(setting, credential, holder));
    }
    for (int at : Credentials.computedFlagValues(texts)) {
      found.add(
          new SettingCredential(
              setting, Value.unknown(spelling.string(nodes.get(at)).reason(), nodes.get(at))));
    }
  }

  private static SettingCredential known(String setting, Credential credential, Origin where) {
    return new SettingCredential(setting, Value.known(credential.kind(), where));
  }

  private Value<String> deviceHostPath(Node node) {
    if (!(node instanceof ObjectNode object)) {
      return Value.unknown(Fields.notAnObject(node), node);
    }
    return spelling.string(object, "hostPath");
  }

  private Value<String> mountedVolume(Node node) {
    if (!(node instanceof ObjectNode object)) {
      return Value.unknown(Fields.notAnObject(node), node);
    }
    return spelling.string(object, "sourceVolume");
  }

  private EnvironmentVariable environmentVariable(Node node) {
    if (!(node instanceof ObjectNode object)) {
      Value<?> unknown = Value.unknown(Fields.notAnObject(node), node);
      return new EnvironmentVariable(cast(unknown), cast(unknown));
    }
    Value<String> name = spelling.string(object, "name");
    return new EnvironmentVariable(
        name, variableCredential(name, spelling.string(object, "value")));
  }

  /**
   * ECSG.5's reading of a variable: the kind of credential its value is, never the value. An
   * unresolved value is unknown only under a name that makes it a credential; a literal value under
   * an unresolved name, only when a secret-like name would make it one.
   */
  private static Value<Kind> variableCredential(Value<String> name, Value<String> value) {
    if (value.isUnknown()) {
      return name.isUnknown() || (name.isKnown() && Credentials.namesCredential(name.get()))
          ? Value.unknown(value.reason(), value.origin())
          : Value.absent(value.origin());
    }
    if (value.isAbsent()) {
      return Value.absent(value.origin());
    }
    Optional<Credential> found =
        Credentials.inVariable(name.isKnown() ? name.get() : null, value.get());
    if (found.isPresent()) {
      return Value.known(found.get().kind(), value.origin());
    }
    return name.isUnknown() && Credentials.isLiteral(value.get())
        ? Value.unknown(
            name.reason() + ", and its literal value is a credential if the name is secret-like",
            name.origin())
        : Value.absent(value.origin());
  }

  private Volume volume(Node node) {
    if (!(node instanceof ObjectNode object)) {
      Value<?> unknown = Value.unknown(Fields.notAnObject(node), node);
      return new Volume(
          label(node, "volume"), node, cast(unknown), cast(unknown), cast(unknown), cast(unknown));
    }
    Value<ObjectNode> efs = spelling.object(object, "efsVolumeConfiguration");
    return new Volume(
        label(object, "volume"),
        object,
        efs.isAbsent() ? Value.known(false, object) : efs.map(config -> true),
        spelling.string(object, "efsVolumeConfiguration", "transitEncryption"),
        spelling.string(object, "name"),
        spelling.string(object, "host", "sourcePath"));
  }

  /** The tags under {@code tags}, as a list of key/value objects. */
  public Value<List<Tag>> tags(ObjectNode object) {
    return spelling.list(object, this::tag, "tags");
  }

  private Tag tag(Node node) {
    if (!(node instanceof ObjectNode object)) {
      return new Tag(Value.unknown(Fields.notAnObject(node), node));
    }
    return new Tag(spelling.string(object, "key"));
  }

  /** {@code taskDefinitions}: see {@link #taskDefinitions(ObjectNode)}. */
  public Service service(
      String id,
      ObjectNode object,
      Value<List<Tag>> tags,
      List<Value<TaskDefinitionLink>> taskDefinitions) {
    return new Service(
        id,
        object,
        spelling.string(object, "launchType"),
        spelling.list(object, this::capacityProviderName, "capacityProviderStrategy"),
        spelling.string(object, "platformVersion"),
        spelling.string(object, "platformFamily"),
        spelling.string(object, "networkConfiguration", "awsvpcConfiguration", "assignPublicIp"),
        tags,
        taskDefinitions);
  }

  /**
   * The task definitions a service or task set names by text: its {@code taskDefinition}, and
   * (describe-services) those of its PRIMARY and ACTIVE deployments, each once.
   */
  public List<Value<TaskDefinitionLink>> taskDefinitions(ObjectNode object) {
    Map<String, Value<TaskDefinitionLink>> links = new LinkedHashMap<>();
    Value<String> own = spelling.string(object, "taskDefinition");
    add(links, own);
    if (object.get("deployments") instanceof ArrayNode deployments) {
      for (Node node : deployments.elements()) {
        if (node instanceof ObjectNode deployment
            && (Fields.string(deployment, "status").is("PRIMARY")
                || Fields.string(deployment, "status").is("ACTIVE"))) {
          add(links, Fields.string(deployment, "taskDefinition"));
        }
      }
    }
    return List.copyOf(links.values());
  }

  private static void add(Map<String, Value<TaskDefinitionLink>> links, Value<String> text) {
    if (text.isKnown()) {
      links.putIfAbsent(text.get(), link(text));
    } else if (text.isUnknown()) {
      links.putIfAbsent("\0" + links.size(), link(text));
    }
  }

  /** A link by text: known, or unknown with the text's reason. */
  public static Value<TaskDefinitionLink> link(Value<String> text) {
    return text.map(name -> new TaskDefinitionLink(name, null));
  }

  private Value<String> capacityProviderName(Node node) {
    if (!(node instanceof ObjectNode object)) {
      return Value.unknown(Fields.notAnObject(node), node);
    }
    return spelling.string(object, "capacityProvider");
  }

  public Cluster cluster(
      String id, ObjectNode object, Value<String> containerInsights, Value<List<Tag>> tags) {
    return new Cluster(id, object, containerInsights, tags);
  }

  /**
   * The value of the named cluster setting in the list {@code listStep} ({@code settings};
   * Terraform says {@code setting}); unknown when an entry that could be it is unreadable.
   */
  public Value<String> setting(ObjectNode cluster, String listStep, String name) {
    Value<List<Node>> settings = spelling.list(cluster, node -> node, listStep);
    if (settings.isUnknown()) {
      return Value.unknown(settings.reason(), settings.origin());
    }
    Value<String> unreadable = null;
    for (Node node : settings.orElse(List.of())) {
      if (!(node instanceof ObjectNode entry)) {
        unreadable = Value.unknown(Fields.notAnObject(node), node);
        continue;
      }
      Value<String> entryName = spelling.string(entry, "name");
      if (entryName.isUnknown()) {
        unreadable = entryName;
      } else if (entryName.is(name)) {
        return spelling.string(entry, "value");
      }
    }
    // Absent: pointed at the list that lacks it when there is one (an empty ClusterSettings: []),
    // else at the cluster.
    return unreadable != null
        ? unreadable
        : Value.absent(settings.isKnown() ? settings.origin() : cluster);
  }

  public TaskSet taskSet(
      String id, ObjectNode object, List<Value<TaskDefinitionLink>> taskDefinitions) {
    return new TaskSet(
        id,
        object,
        spelling.string(object, "networkConfiguration", Spelling.TASK_SET_AWSVPC, "assignPublicIp"),
        taskDefinitions);
  }

  public CapacityProvider capacityProvider(String id, ObjectNode object, Value<List<Tag>> tags) {
    Value<ObjectNode> group = spelling.object(object, "autoScalingGroupProvider");
    return new CapacityProvider(
        id,
        object,
        group.isAbsent() ? Value.known(false, object) : group.map(provider -> true),
        spelling.string(object, "autoScalingGroupProvider", "managedTerminationProtection"),
        tags);
  }

  /** How findings name an element: {@code container "web"}, or by position when it has no name. */
  public String label(Node node, String what) {
    Value<String> name =
        node instanceof ObjectNode object ? spelling.string(object, "name") : Value.absent(node);
    return name.isKnown() ? what + " \"" + name.get() + "\"" : what + " " + Fields.dotted(node);
  }

  @SuppressWarnings("unchecked")
  private static <T> Value<T> cast(Value<?> unknown) {
    return (Value<T>) unknown;
  }
}
