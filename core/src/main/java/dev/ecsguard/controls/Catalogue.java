package dev.ecsguard.controls;

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
