package dev.ecsguard.control;

import dev.ecsguard.source.Origin;

/** The element a verdict is about (a container, a volume, a variable) and what is wrong with it. */
public record Offender(String element, Origin origin, String problem) {}
