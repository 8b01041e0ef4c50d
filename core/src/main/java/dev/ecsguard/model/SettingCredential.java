package dev.ecsguard.model;

import dev.ecsguard.secrets.Credentials.Kind;

/**
 * A credential a container's command, entry point, health check or Docker label holds by value, as
 * the reader found it (ECSG.6's rules): its kind and where, never the value.
 *
 * @param setting where: {@code command}, {@code entryPoint}, {@code healthCheck.command} or {@code
 *     dockerLabels "KEY"}; null when the container itself cannot be read
 * @param kind known, at the element that holds it; unknown when a value that stands where a
 *     credential is read (after {@code --password}, under a secret-like label key) is unresolved
 */
public record SettingCredential(String setting, Value<Kind> kind) {}
