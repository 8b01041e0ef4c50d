package dev.ecsguard.format.terraform;

import dev.ecsguard.hcl.HclValues.ObjectV;
import dev.ecsguard.hcl.HclValues.Unknown;
import dev.ecsguard.hcl.HclValues.V;
import dev.ecsguard.hcl.HclValues.Where;
import java.util.AbstractMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a reference to a task-definition resource reads ({@code aws_ecs_task_definition.NAME.arn},
 * {@code .family}, {@code .revision}, an instance's {@code [0].arn}): every attribute is known only
 * after apply, and says so naming the resource by its full address. That reason travels with the
 * value through module variables, outputs and templates, so that a service's task_definition links
 * to the resource it came from ({@link #REFERENCE}).
 */
final class UnknownAttributes extends AbstractMap<String, V> {
  /** The reason's start: the resource's full address, then the attribute. */
  static final Pattern REFERENCE =
      Pattern.compile(
          "((?:module\\.[^ ]+?\\.)?"
              + TerraformShapes.TASK_DEFINITION.pattern()
              + ")\\.[a-z_]+ is known only after apply");

  private final String address;
  private final String copies; // the resource's count or for_each: what an index step means
  private final Where where;

  private UnknownAttributes(String address, String copies, Where where) {
    this.address = address;
    this.copies = copies;
    this.where = where;
  }

  /** The resource at {@code address}; {@code copies}: "count", "for_each" or "". */
  static ObjectV of(String address, String copies, Where where) {
    return new ObjectV(new UnknownAttributes(address, copies, where), where);
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String;
  }

  @Override
  public V get(Object key) {
    if (!(key instanceof String name)) {
      return null;
    }
    return switch (copies) {
      case "count" -> of(address + "[" + name + "]", "", where);
      case "for_each" -> of(address + "[\"" + name + "\"]", "", where);
      default -> new Unknown(address + "." + name + " is known only after apply", where);
    };
  }

  /** Nothing to list: what the resource holds is known only after apply. */
  @Override
  public Set<Entry<String, V>> entrySet() {
    return Set.of();
  }
}
