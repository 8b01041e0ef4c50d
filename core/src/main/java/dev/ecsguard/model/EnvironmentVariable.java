package dev.ecsguard.model;

import dev.ecsguard.secrets.Credentials.Kind;

/**
 * An entry of a container's {@code environment}: its name, and what kind of credential its value
 * is, never the value itself.
 *
 * @param credential known: the value is a credential of that kind (ECSG.5's rules); absent: it is
 *     none; unknown: the value is unresolved where the name makes it a credential (or the name is
 *     unresolved where the value is a literal that a secret-like name would make one)
 */
public record EnvironmentVariable(Value<String> name, Value<Kind> credential) {}
