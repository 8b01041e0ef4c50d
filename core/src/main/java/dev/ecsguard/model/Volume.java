package dev.ecsguard.model;

import dev.ecsguard.tree.Origin;

/**
 * A task-definition volume.
 *
 * @param efsTransitEncryption known or absent when the volume is on EFS; see {@link #onEfs()}
 */
public record Volume(
    String label, Origin origin, Value<Boolean> onEfs, Value<String> efsTransitEncryption) {}
