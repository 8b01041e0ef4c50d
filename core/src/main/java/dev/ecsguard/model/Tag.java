package dev.ecsguard.model;

/** A resource tag. Only the key matters to the controls. */
public record Tag(Value<String> key) {}
