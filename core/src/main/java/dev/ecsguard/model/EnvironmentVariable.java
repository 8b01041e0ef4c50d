package dev.ecsguard.model;

/** An entry of a container's {@code environment}: its name only, never its value. */
public record EnvironmentVariable(Value<String> name) {}
