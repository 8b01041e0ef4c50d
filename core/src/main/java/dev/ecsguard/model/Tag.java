package dev.ecsguard.model;

/**
 * A resource tag. Only the key matters to the controls.
 *
 * @param anyNumber when the key is unknown: whether it stands for any number of keys (Terraform's
 *     default tags known only after apply) rather than one
 */
public record Tag(Value<String> key, boolean anyNumber) {

  public Tag(Value<String> key) {
    this(key, false);
  }
}
