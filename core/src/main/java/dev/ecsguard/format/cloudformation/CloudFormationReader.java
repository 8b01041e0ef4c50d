package dev.ecsguard.format.cloudformation;

import dev.ecsguard.format.Fields;
import dev.ecsguard.format.InlineSuppressions;
import dev.ecsguard.format.InputReader;
import dev.ecsguard.format.ResourceShapes;
import dev.ecsguard.model.Resource;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinitionLink;
import dev.ecsguard.model.Unreadable;
import dev.ecsguard.model.Value;
import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.Document;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import dev.ecsguard.tree.UnresolvedNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CloudFormation templates, JSON or YAML (SAM templates and CDK's cdk.out/*.template.json among
 * them): every AWS::ECS::* resource, named by its logical id, its properties resolved as far as the
 * template and the parameter values given allow.
 */
public final class CloudFormationReader implements InputReader.OfFile {
  /** Misnamed properties a note names; the rest it counts. */
  private static final int MISNAMED_SHOWN = 5;

  private static final ResourceShapes SHAPES = new ResourceShapes(CloudFormationNames.SPELLING);
  private static final String CDK_PATH = "aws:cdk:path";

  private final Map<String, String> parameters;

  /**
   * {@code parameters}: values for template parameters (and pseudo parameters such as AWS::Region).
   */
  public CloudFormationReader(Map<String, String> parameters) {
    this.parameters = Map.copyOf(parameters);
  }

  @Override
  public boolean read(Document document, Sink sink) {
    if (!isTemplate(document.root())) {
      return false;
    }
    ObjectNode template = (ObjectNode) document.root();
    CloudFormationFunctions functions = new CloudFormationFunctions(template, parameters);
    checkGivenParameters(template, sink);
    ForEachLoops.Expanded expanded =
        ForEachLoops.expand((ObjectNode) template.get("Resources"), functions, sink);
    ObjectNode resources = expanded.resources();
    boolean any = false;
    for (String logicalId : resources.names()) {
      if (resources.get(logicalId) instanceof ObjectNode resource
          && Fields.string(resource, "Type").orElse("").startsWith("AWS::ECS::")) {
        String unknown = expanded.unknown().get(logicalId);
        any |=
            unknown == null
                ? read(logicalId, resource, resources, functions, sink)
                : readUnknown(logicalId, resource, "created by " + unknown, sink);
      }
    }
    if (!any) {
      sink.note(
          resources,
          "a CloudFormation template with no ECS task definition, service, cluster, task set or capacity provider; nothing to check");
    }
    return true;
  }

  /**
   * A given value this template cannot use is said so: a misspelt name would otherwise be ignored
   * silently.
   */
  private void checkGivenParameters(ObjectNode template, Sink sink) {
    ObjectNode declared = template.get("Parameters") instanceof ObjectNode p ? p : null;
    parameters.forEach(
        (name, value) -> {
          if (name.startsWith("AWS::")) {
            return;
          }
          if (declared == null || !(declared.get(name) instanceof ObjectNode parameter)) {
            sink.note(
                declared != null ? declared : template,
                "--cfn-param "
                    + name
                    + ": this template has no parameter of that name; ignored here");
            return;
          }
          if (parameter.get("AllowedValues") instanceof dev.ecsguard.tree.ArrayNode allowed
              && allowed.elements().stream()
                  .noneMatch(v -> v instanceof ScalarNode s && value.equals(s.text()))) {
            sink.note(
                parameter,
                "--cfn-param "
                    + name
                    + ": the value is not one of the parameter's AllowedValues, so CloudFormation would refuse it");
          }
        });
  }

  /** A template has a Resources section whose entries have a Type. */
  static boolean isTemplate(Node root) {
    if (!(root instanceof ObjectNode template)
        || !(template.get("Resources") instanceof ObjectNode resources)) {
      return false;
    }
    return template.has("AWSTemplateFormatVersion")
        || resources.names().stream()
            .anyMatch(
                name ->
                    name.startsWith(ForEachLoops.PREFIX)
                        || (resources.get(name) instanceof ObjectNode resource
                            && resource.get("Type") instanceof ScalarNode));
  }

  /**
   * A resource that cannot be read (a loop's that is not known, Properties not worked out): every
   * control on it is UNKNOWN with the reason.
   */
  private static boolean readUnknown(
      String logicalId, ObjectNode resource, String reason, Sink sink) {
    String type = Fields.string(resource, "Type").get();
    if (!isChecked(type)) {
      return false;
    }
    ResourceType resourceType =
        java.util.Arrays.stream(ResourceType.values())
            .filter(t -> t.awsName().equals(type))
            .findFirst()
            .orElseThrow();
    sink.resource(Unreadable.of(resourceType, logicalId, resource, reason));
    return true;
  }

  /**
   * The names that cannot be ECS properties' ({@link CloudFormationNames#isPropertyName}), a
   * misspelling CloudFormation refuses. The members of the user's own maps (log options, Docker
   * labels) are not property names; containers' members are judged with every format's (the scan's
   * note of fields no container definition has).
   */
  private static void lowerCaseNames(Node node, String path, List<String> found) {
    if (node instanceof ObjectNode object) {
      object.forEachMember(
          (name, member) -> {
            if (!name.isEmpty() && !CloudFormationNames.isPropertyName(name)) {
              found.add(path.isEmpty() ? name : path + "." + name);
            } else if (!(member instanceof ScalarNode)
                && !CloudFormationNames.FREE_FORM.contains(name)
                && !(path.isEmpty() && name.equals("ContainerDefinitions"))) {
              lowerCaseNames(member, path.isEmpty() ? name : path + "." + name, found);
            }
          });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        lowerCaseNames(array.elements().get(i), path + "[" + i + "]", found);
      }
    }
  }

  private static boolean read(
      String logicalId,
      ObjectNode resource,
      ObjectNode resources,
      CloudFormationFunctions functions,
      Sink sink) {
    String type = Fields.string(resource, "Type").get();
    if (!isChecked(type)) {
      return false;
    }
    // Read before the properties are resolved: a Ref to a task definition resolves to nothing yet.
    String linked =
        resource.get("Properties") instanceof ObjectNode written
            ? referencedTaskDefinition(written.get("TaskDefinition"), resources)
            : null;
    Value<String> condition = Fields.string(resource, "Condition");
    if (condition.isKnown()) {
      Value<Boolean> holds = functions.condition(condition.get(), (Node) condition.origin());
      if (holds.is(false)) {
        sink.note(
            resource,
            logicalId
                + " is created only when condition "
                + condition.get()
                + " holds, and it does not with these parameters; skipped");
        return true;
      }
      if (holds.isUnknown()) {
        sink.note(
            resource,
            logicalId
                + " is created only when condition "
                + condition.get()
                + " holds, which is not known ("
                + holds.reason()
                + "); checked as if it were created");
      }
    }
    functions.nextResource();
    Node properties = resource.get("Properties");
    boolean resolved =
        functions.copyResolved(
            properties != null ? properties : Node.newObject(resource, "Properties", resource),
            resource,
            "Properties");
    if (resolved && resource.get("Properties") instanceof UnresolvedNode unresolved) {
      // Properties that could not be worked out hide every value: UNKNOWN, never passed over.
      return readUnknown(logicalId, resource, "Properties: " + unresolved.reason(), sink);
    }
    if (!resolved || !(resource.get("Properties") instanceof ObjectNode values)) {
      sink.note(
          resource,
          logicalId
              + ": its Properties "
              + (resolved
                  ? "are " + resource.get("Properties").kind() + ", expected an object"
                  : "resolve to nothing")
              + "; not checked");
      return true;
    }
    List<String> misnamed = new ArrayList<>();
    lowerCaseNames(values, "", misnamed);
    if (!misnamed.isEmpty()) {
      sink.note(
          resource,
          logicalId
              + ": "
              + String.join(", ", misnamed.subList(0, Math.min(MISNAMED_SHOWN, misnamed.size())))
              + (misnamed.size() > MISNAMED_SHOWN
                  ? " and " + (misnamed.size() - MISNAMED_SHOWN) + " more"
                  : "")
              + ": CloudFormation's property names start upper case (Privileged, not privileged),"
              + " so it refuses this template; ecsguard reads such a property as absent");
    }
    Resource model =
        switch (type) {
          case "AWS::ECS::TaskDefinition" ->
              SHAPES.taskDefinition(
                  logicalId, values, SHAPES.tags(values), key(resource, logicalId));
          case "AWS::ECS::Service" ->
              SHAPES.service(
                  logicalId,
                  values,
                  SHAPES.tags(values),
                  taskDefinitions(linked, values, resource));
          case "AWS::ECS::Cluster" ->
              SHAPES.cluster(
                  logicalId,
                  values,
                  SHAPES.setting(values, "settings", "containerInsights"),
                  SHAPES.tags(values));
          case "AWS::ECS::TaskSet" ->
              SHAPES.taskSet(logicalId, values, taskDefinitions(linked, values, resource));
          default -> SHAPES.capacityProvider(logicalId, values, SHAPES.tags(values));
        };
    Value<String> constructPath =
        resource.get("Metadata") instanceof ObjectNode metadata
            ? Fields.string(metadata, CDK_PATH)
            : Value.absent(resource);
    sink.resource(
        model,
        constructPath.isKnown() ? Map.of("cdkPath", constructPath.get()) : Map.of(),
        InlineSuppressions.cloudFormation(logicalId, resource, sink::note));
    return true;
  }

  /** What links to the task definition {@code logicalId} of this template carry. */
  private static String key(Node resource, String logicalId) {
    return "cloudformation:" + resource.file() + "#" + logicalId;
  }

  /**
   * The logical id of the task-definition resource {@code written} names ({@code Ref}, which gives
   * its ARN, or {@code Fn::GetAtt} of its TaskDefinitionArn), or null.
   */
  private static String referencedTaskDefinition(Node written, ObjectNode resources) {
    if (!(written instanceof ObjectNode call) || call.names().size() != 1) {
      return null;
    }
    Node argument = call.get("Ref") != null ? call.get("Ref") : call.get("Fn::GetAtt");
    String target =
        switch (argument) {
          case ScalarNode name when call.has("Ref") -> name.text();
          case ScalarNode dotted when dotted.text() != null ->
              dotted.text().endsWith(".TaskDefinitionArn")
                  ? dotted.text().substring(0, dotted.text().length() - 18)
                  : null;
          case dev.ecsguard.tree.ArrayNode pair
              when pair.size() == 2
                  && pair.elements().get(1) instanceof ScalarNode attribute
                  && "TaskDefinitionArn".equals(attribute.text())
                  && pair.elements().get(0) instanceof ScalarNode name ->
              name.text();
          case null, default -> null;
        };
    return target != null
            && resources.get(target) instanceof ObjectNode resource
            && Fields.string(resource, "Type").is("AWS::ECS::TaskDefinition")
        ? target
        : null;
  }

  /**
   * A service's or task set's task definition: the resource of this template it references, else
   * its text (an ARN or family:revision written or given as a parameter).
   */
  private static List<Value<TaskDefinitionLink>> taskDefinitions(
      String linked, ObjectNode values, Node resource) {
    if (linked != null) {
      return List.of(
          Value.known(
              new TaskDefinitionLink(null, key(resource, linked)), values.get("TaskDefinition")));
    }
    return SHAPES.taskDefinitions(values);
  }

  private static boolean isChecked(String type) {
    return switch (type) {
      case "AWS::ECS::TaskDefinition",
          "AWS::ECS::Service",
          "AWS::ECS::Cluster",
          "AWS::ECS::TaskSet",
          "AWS::ECS::CapacityProvider" ->
          true;
      default ->
          false; // other ECS types (ClusterCapacityProviderAssociations, PrimaryTaskSet) hold
        // nothing the controls read
    };
  }
}
