package dev.ecsguard.model;

import dev.ecsguard.tree.Origin;

/**
 * A task-definition volume.
 *
 * @param efsTransitEncryption known or absent when the volume is on EFS; see {@link #onEfs()}
 * @param name the name containers mount it by (mountPoints[].sourceVolume)
 * @param hostSourcePath host.sourcePath: the host's path it binds, when it is a bind mount
 */
public record Volume(
    String label,
    Origin origin,
    Value<Boolean> onEfs,
    Value<String> efsTransitEncryption,
    Value<String> name,
    Value<String> hostSourcePath) {}
