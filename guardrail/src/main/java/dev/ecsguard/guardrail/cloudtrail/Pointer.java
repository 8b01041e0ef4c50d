package dev.ecsguard.guardrail.cloudtrail;

import dev.ecsguard.aws.scan.EcsInventory;
import dev.ecsguard.engine.ScanListener;
import java.util.List;
import java.util.Optional;

/**
 * The resource a CloudTrail event points at, to be described rather than read from the event:
 * CloudTrail drops {@code requestParameters} and {@code responseElements} above 100 KB, and the
 * request is not what ECS stored (defaults, later changes). Found in the response first (it names
 * the resource by ARN), else in the request; ECS's default cluster when a call names none.
 */
sealed interface Pointer {
  /** Describes the resource (and what a service or task set runs) and scans it. */
  void read(EcsInventory inventory, ScanListener listener);

  /** A task definition revision by ARN, or a family (its latest ACTIVE revision). */
  record TaskDefinition(String taskDefinition) implements Pointer {
    @Override
    public void read(EcsInventory inventory, ScanListener listener) {
      inventory.readTaskDefinition(taskDefinition, listener);
    }
  }

  record Service(String cluster, String service) implements Pointer {
    @Override
    public void read(EcsInventory inventory, ScanListener listener) {
      inventory.readServices(cluster, List.of(service), listener);
    }
  }

  /** A task set of a service; {@code taskSet} null: every task set of it. */
  record TaskSet(String cluster, String service, String taskSet) implements Pointer {
    @Override
    public void read(EcsInventory inventory, ScanListener listener) {
      inventory.readTaskSets(
          cluster, service, taskSet == null ? List.of() : List.of(taskSet), listener);
    }
  }

  record Cluster(String cluster) implements Pointer {
    @Override
    public void read(EcsInventory inventory, ScanListener listener) {
      inventory.readClusters(List.of(cluster), listener);
    }
  }

  record CapacityProvider(String capacityProvider) implements Pointer {
    @Override
    public void read(EcsInventory inventory, ScanListener listener) {
      inventory.readCapacityProviders(List.of(capacityProvider), listener);
    }
  }

  String DEFAULT_CLUSTER = "default";

  /**
   * What {@code call} (one of {@link ApiCall#JUDGED}) points at, or empty when it names nothing.
   */
  static Optional<Pointer> of(ApiCall call) {
    return Optional.ofNullable(
        switch (call.eventName()) {
          case "RegisterTaskDefinition" -> {
            String revision =
                first(
                    call.responseText("taskDefinition", "taskDefinitionArn"),
                    call.requestText("family"));
            yield revision == null ? null : new TaskDefinition(revision);
          }
          case "CreateService", "UpdateService" -> {
            String service =
                first(
                    call.responseText("service", "serviceArn"),
                    call.requestText("serviceName"),
                    call.requestText("service"));
            yield service == null
                ? null
                : new Service(
                    cluster(call.responseText("service", "clusterArn"), call, service), service);
          }
          case "CreateTaskSet" -> {
            String service =
                first(call.responseText("taskSet", "serviceArn"), call.requestText("service"));
            yield service == null
                ? null
                : new TaskSet(
                    cluster(call.responseText("taskSet", "clusterArn"), call, service),
                    service,
                    call.responseText("taskSet", "taskSetArn"));
          }
          case "CreateCluster" ->
              new Cluster(
                  first(
                      call.responseText("cluster", "clusterArn"),
                      call.requestText("clusterName"),
                      DEFAULT_CLUSTER));
          case "UpdateCluster", "UpdateClusterSettings", "PutClusterCapacityProviders" -> {
            String cluster =
                first(call.responseText("cluster", "clusterArn"), call.requestText("cluster"));
            yield cluster == null ? null : new Cluster(cluster);
          }
          case "CreateCapacityProvider", "UpdateCapacityProvider" -> {
            String provider =
                first(
                    call.responseText("capacityProvider", "capacityProviderArn"),
                    call.requestText("name"));
            yield provider == null ? null : new CapacityProvider(provider);
          }
          default -> null;
        });
  }

  /**
   * The cluster of a service: as the response names it, else the request, else the one a new-format
   * service ARN ({@code …:service/CLUSTER/NAME}) names, else ECS's default.
   */
  private static String cluster(String fromResponse, ApiCall call, String service) {
    String[] arn = service.split(":", 6);
    String[] path = arn.length == 6 ? arn[5].split("/") : new String[0];
    return first(
        fromResponse,
        call.requestText("cluster"),
        path.length == 3 ? path[1] : null,
        DEFAULT_CLUSTER);
  }

  private static String first(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null) {
        return candidate;
      }
    }
    return null;
  }
}
