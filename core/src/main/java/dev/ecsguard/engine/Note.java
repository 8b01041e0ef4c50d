package dev.ecsguard.engine;

import dev.ecsguard.tree.Location;

/** Something the scan skipped and says so, e.g. a JSON file that is not ECS. */
public record Note(Location location, String message) {}
