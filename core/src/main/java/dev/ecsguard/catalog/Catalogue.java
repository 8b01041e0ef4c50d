package dev.ecsguard.catalog;

import dev.ecsguard.catalog.capacityprovider.UnprotectedCapacityProvider;
import dev.ecsguard.catalog.cluster.ContainerInsightsDisabled;
import dev.ecsguard.catalog.cluster.UntaggedCluster;
import dev.ecsguard.catalog.service.ExposedHostTakeover;
import dev.ecsguard.catalog.service.OutdatedFargatePlatform;
import dev.ecsguard.catalog.service.OutdatedRunningRevision;
import dev.ecsguard.catalog.service.ServiceAssignsPublicIp;
import dev.ecsguard.catalog.service.UntaggedService;
import dev.ecsguard.catalog.taskdefinition.CredentialValuesInEnvironment;
import dev.ecsguard.catalog.taskdefinition.CredentialsInCommandsAndLabels;
import dev.ecsguard.catalog.taskdefinition.CredentialsInEnvironment;
import dev.ecsguard.catalog.taskdefinition.DangerousCapabilities;
import dev.ecsguard.catalog.taskdefinition.HostDevicePassthrough;
import dev.ecsguard.catalog.taskdefinition.HostIpcMode;
import dev.ecsguard.catalog.taskdefinition.HostNetworkMode;
import dev.ecsguard.catalog.taskdefinition.HostNetworkWithoutUserOrPrivilege;
import dev.ecsguard.catalog.taskdefinition.HostPidMode;
import dev.ecsguard.catalog.taskdefinition.LinuxRootUser;
import dev.ecsguard.catalog.taskdefinition.LinuxUidZero;
import dev.ecsguard.catalog.taskdefinition.MissingLogConfiguration;
import dev.ecsguard.catalog.taskdefinition.PrivilegedContainer;
import dev.ecsguard.catalog.taskdefinition.SensitiveHostPath;
import dev.ecsguard.catalog.taskdefinition.TaskRoleIsExecutionRole;
import dev.ecsguard.catalog.taskdefinition.UnencryptedEfsTransit;
import dev.ecsguard.catalog.taskdefinition.UnpinnedImage;
import dev.ecsguard.catalog.taskdefinition.UntaggedTaskDefinition;
import dev.ecsguard.catalog.taskdefinition.WeakenedSecurityOptions;
import dev.ecsguard.catalog.taskdefinition.WindowsAdministratorUser;
import dev.ecsguard.catalog.taskdefinition.WritableRootFilesystem;
import dev.ecsguard.catalog.taskset.TaskSetAssignsPublicIp;
import dev.ecsguard.control.Control;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.model.ResourceType;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every control ecsguard has, one line each; a fixable control gives its remedy. */
public final class Catalogue {
  private Catalogue() {}

  /** The controls, in the order reports list them. */
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
          new LinuxUidZero(),
          new DangerousCapabilities(),
          new SensitiveHostPath(),
          new HostIpcMode(),
          new CredentialValuesInEnvironment(),
          new CredentialsInCommandsAndLabels(),
          new UnpinnedImage(),
          new TaskRoleIsExecutionRole(),
          new HostDevicePassthrough(),
          new WeakenedSecurityOptions(),
          new OutdatedRunningRevision(),
          new ExposedHostTakeover());

  /**
   * Control ids in the catalogue's order (AWS's by number, then ecsguard's own); ids it does not
   * know after them, by name.
   */
  public static final Comparator<String> ORDER =
      Comparator.comparingInt(Catalogue::position).thenComparing(Comparator.naturalOrder());

  private static int position(String id) {
    return Positions.OF_ID.getOrDefault(id, CONTROLS.size());
  }

  /** Each control's index in {@link #CONTROLS}: reports sort hundreds of thousands of findings. */
  private static final class Positions {
    static final Map<String, Integer> OF_ID = positions();

    private static Map<String, Integer> positions() {
      Map<String, Integer> positions = new HashMap<>();
      for (int i = 0; i < CONTROLS.size(); i++) {
        positions.put(CONTROLS.get(i).info().id(), i);
      }
      return positions;
    }
  }

  /**
   * Every remedy, once, in the order of the controls that give it: the order they run in, so their
   * edits and their steps for the user come in the order reports list the findings.
   */
  public static List<Remedy> remedies() {
    return Remedies.ALL;
  }

  /** The remedies that run on resources of {@code type}, in order. */
  public static List<Remedy> remedies(ResourceType type) {
    return Remedies.ALL.stream().filter(remedy -> remedy.resourceTypes().contains(type)).toList();
  }

  /** Made on first use: a scan never loads the remedies (nor the Jackson tree they edit). */
  private static final class Remedies {
    static final List<Remedy> ALL = Remedy.givenBy(CONTROLS);
  }
}
