package dev.ecsguard.catalog;

import dev.ecsguard.catalog.capacityprovider.UnprotectedCapacityProvider;
import dev.ecsguard.catalog.cluster.ContainerInsightsDisabled;
import dev.ecsguard.catalog.cluster.UntaggedCluster;
import dev.ecsguard.catalog.service.OutdatedFargatePlatform;
import dev.ecsguard.catalog.service.ServiceAssignsPublicIp;
import dev.ecsguard.catalog.service.UntaggedService;
import dev.ecsguard.catalog.taskdefinition.CredentialsInEnvironment;
import dev.ecsguard.catalog.taskdefinition.HostNetworkMode;
import dev.ecsguard.catalog.taskdefinition.HostNetworkWithoutUserOrPrivilege;
import dev.ecsguard.catalog.taskdefinition.HostPidMode;
import dev.ecsguard.catalog.taskdefinition.LinuxRootUser;
import dev.ecsguard.catalog.taskdefinition.LinuxUidZero;
import dev.ecsguard.catalog.taskdefinition.MissingLogConfiguration;
import dev.ecsguard.catalog.taskdefinition.PrivilegedContainer;
import dev.ecsguard.catalog.taskdefinition.UnencryptedEfsTransit;
import dev.ecsguard.catalog.taskdefinition.UntaggedTaskDefinition;
import dev.ecsguard.catalog.taskdefinition.WindowsAdministratorUser;
import dev.ecsguard.catalog.taskdefinition.WritableRootFilesystem;
import dev.ecsguard.catalog.taskset.TaskSetAssignsPublicIp;

import dev.ecsguard.control.Control;
import java.util.List;

/** Every control ecsguard has: one line each, in the order reports list them. */
public final class Catalogue {
  private Catalogue() {}

  public static final List<Control<?>> CONTROLS =
      List.of(
          new HostNetworkWithoutUserOrPrivilege(),
          new ServiceAssignsPublicIp(),
          new HostPidMode(),
          new PrivilegedContainer(),
          new WritableRootFilesystem(),
          new CredentialsInEnvironment(),
          new MissingLogConfiguration(),
          new OutdatedFargatePlatform(),
          new ContainerInsightsDisabled(),
          new UntaggedService(),
          new UntaggedCluster(),
          new UntaggedTaskDefinition(),
          new TaskSetAssignsPublicIp(),
          new HostNetworkMode(),
          new UnencryptedEfsTransit(),
          new UnprotectedCapacityProvider(),
          new LinuxRootUser(),
          new WindowsAdministratorUser(),
          new LinuxUidZero());
}
