package dev.ecsguard.model;

import dev.ecsguard.tree.Origin;
import java.util.List;

/**
 * One container of a task definition. Environment variables keep their names only: the model never
 * holds a variable's value, so no report can print one.
 *
 * @param label how findings name it: its name, or its position when the name is missing
 * @param addedCapabilities linuxParameters.capabilities.add, each capability as written
 * @param deviceHostPaths linuxParameters.devices, each device's hostPath (absent when it has none)
 * @param image the image reference as written ({@code repo/app:1.2}, {@code app@sha256:...})
 * @param mountedVolumes mountPoints, each mount point's sourceVolume
 * @param settingCredentials the credentials written by value in command, entryPoint,
 *     healthCheck.command and dockerLabels (the values themselves are never kept)
 * @param unknownFields the container's members that are no container definition field as its format
 *     spells them (a misspelling: {@code privilege}), as written; read as absent
 */
public record ContainerDefinition(
    String label,
    Origin origin,
    Value<Boolean> privileged,
    Value<Boolean> readonlyRootFilesystem,
    Value<String> user,
    Value<List<EnvironmentVariable>> environment,
    Value<String> logDriver,
    Value<List<Value<String>>> addedCapabilities,
    Value<List<Value<String>>> deviceHostPaths,
    Value<List<Value<String>>> dockerSecurityOptions,
    Value<String> image,
    Value<List<Value<String>>> mountedVolumes,
    List<SettingCredential> settingCredentials,
    List<String> unknownFields) {}
