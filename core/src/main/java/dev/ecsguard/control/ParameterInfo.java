package dev.ecsguard.control;

/** A control parameter as users see it in {@code ecsguard explain}. */
public record ParameterInfo(
    String name, String description, ParameterType type, String defaultValue) {}
