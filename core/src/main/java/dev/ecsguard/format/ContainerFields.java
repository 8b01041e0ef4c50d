package dev.ecsguard.format;

import java.util.List;

/**
 * The fields of the ECS API's container definition, as the API spells them. A container's member
 * that is none of them, as its format spells them, is a misspelling (privilege,
 * readOnlyRootFileSystem): ECS and CloudFormation refuse it and AWS's Terraform provider drops it,
 * and ecsguard reads it as absent, so a scan says so. The aws module's test keeps this list equal
 * to the AWS SDK's model.
 */
public final class ContainerFields {
  private ContainerFields() {}

  public static final List<String> API_NAMES =
      List.of(
          "name",
          "image",
          "repositoryCredentials",
          "cpu",
          "memory",
          "memoryReservation",
          "links",
          "portMappings",
          "essential",
          "restartPolicy",
          "entryPoint",
          "command",
          "environment",
          "environmentFiles",
          "mountPoints",
          "volumesFrom",
          "linuxParameters",
          "secrets",
          "dependsOn",
          "startTimeout",
          "stopTimeout",
          "versionConsistency",
          "hostname",
          "user",
          "workingDirectory",
          "disableNetworking",
          "privileged",
          "readonlyRootFilesystem",
          "dnsServers",
          "dnsSearchDomains",
          "extraHosts",
          "dockerSecurityOptions",
          "interactive",
          "pseudoTerminal",
          "dockerLabels",
          "ulimits",
          "logConfiguration",
          "healthCheck",
          "systemControls",
          "resourceRequirements",
          "firelensConfiguration",
          "credentialSpecs");
}
