package dev.ecsguard.format.ecsapi;

import dev.ecsguard.model.ResourceType;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether an object that names a service, cluster or task set the way the ECS API does is ECS's,
 * shared by the reader and the fix so that both take the same files for ECS. The members that name
 * one ({@code serviceName}, update-service's {@code service}, {@code clusterName}, {@code
 * externalId}, {@code scale}) are common words: a Serverless Framework {@code serverless.yml} has
 * {@code service: api}, a Google App Engine {@code app.yaml} {@code service: worker}, and the Helm
 * values of AWS's load balancer controller {@code clusterName}.
 */
public final class BareObjects {
  /** The fields of each resource in the API: the create and update inputs and describe output. */
  private static final Map<ResourceType, Set<String>> FIELDS =
      Map.of(
          ResourceType.SERVICE,
          Set.of(
              "serviceArn",
              "serviceName",
              "service",
              "cluster",
              "clusterArn",
              "taskDefinition",
              "desiredCount",
              "runningCount",
              "pendingCount",
              "launchType",
              "capacityProviderStrategy",
              "platformVersion",
              "platformFamily",
              "networkConfiguration",
              "loadBalancers",
              "serviceRegistries",
              "deploymentConfiguration",
              "deploymentController",
              "deployments",
              "taskSets",
              "placementConstraints",
              "placementStrategy",
              "healthCheckGracePeriodSeconds",
              "schedulingStrategy",
              "enableECSManagedTags",
              "enableExecuteCommand",
              "propagateTags",
              "availabilityZoneRebalancing",
              "serviceConnectConfiguration",
              "volumeConfigurations",
              "vpcLatticeConfigurations",
              "forceNewDeployment",
              "clientToken",
              "role",
              "roleArn",
              "status",
              "events",
              "createdAt",
              "createdBy",
              "tags"),
          ResourceType.CLUSTER,
          Set.of(
              "clusterArn",
              "clusterName",
              "configuration",
              "settings",
              "capacityProviders",
              "defaultCapacityProviderStrategy",
              "serviceConnectDefaults",
              "registeredContainerInstancesCount",
              "runningTasksCount",
              "pendingTasksCount",
              "activeServicesCount",
              "statistics",
              "attachments",
              "attachmentsStatus",
              "status",
              "tags"),
          ResourceType.TASK_SET,
          Set.of(
              "taskSetArn",
              "id",
              "service",
              "serviceArn",
              "cluster",
              "clusterArn",
              "externalId",
              "startedBy",
              "taskDefinition",
              "scale",
              "computedDesiredCount",
              "pendingCount",
              "runningCount",
              "launchType",
              "capacityProviderStrategy",
              "platformVersion",
              "platformFamily",
              "networkConfiguration",
              "loadBalancers",
              "serviceRegistries",
              "fargateEphemeralStorage",
              "stabilityStatus",
              "stabilityStatusAt",
              "clientToken",
              "status",
              "createdAt",
              "updatedAt",
              "tags"));

  /** Fields whose names other tools' configurations use too: they alone do not say ECS. */
  private static final Set<String> COMMON =
      Set.of(
          "serviceName",
          "service",
          "cluster",
          "clusterName",
          "configuration",
          "settings",
          "statistics",
          "attachments",
          "externalId",
          "scale",
          "id",
          "role",
          "status",
          "events",
          "createdAt",
          "createdBy",
          "updatedAt",
          "startedBy",
          "clientToken",
          "tags");

  private BareObjects() {}

  /**
   * Whether an object with these member {@code names}, taken for a {@code type} (a service, cluster
   * or task set) by the member that names it, is one: every member is a field of that resource (an
   * API input, which the AWS CLI refuses with any other member), or one member is a field no other
   * tool is likely to share ({@code taskDefinition}, {@code networkConfiguration}, an ARN of ECS's,
   * which AWS's output always has, whatever fields AWS adds to it). {@code text} gives a member's
   * string value, or null.
   */
  public static boolean isEcs(
      ResourceType type, Collection<String> names, Function<String, String> text) {
    Set<String> fields = FIELDS.get(type);
    return fields.containsAll(names)
        || names.stream()
            .anyMatch(
                name ->
                    fields.contains(name)
                        && !COMMON.contains(name)
                        && (!name.endsWith("Arn") || isEcsArn(text.apply(name))));
  }

  /** An ARN of ECS's: an EKS cluster's or an IAM role's says nothing. */
  private static boolean isEcsArn(String text) {
    return text != null && text.startsWith("arn:") && text.contains(":ecs:");
  }
}
