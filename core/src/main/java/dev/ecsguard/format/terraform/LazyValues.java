package dev.ecsguard.format.terraform;

import dev.ecsguard.hcl.HclValues.V;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An object's members worked out when first read, each once: a module's outputs and a call's
 * arguments. So a module evaluates only what is used of it, and a value that needs itself (module
 * a's argument reads module b's output, which reads module a's) is {@code loop}'s unknown, not an
 * endless recursion.
 */
final class LazyValues extends AbstractMap<String, V> {
  private final Map<String, Supplier<V>> members;
  private final Function<String, V> loop;
  private final Map<String, V> known = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();

  /** {@code members}: in their order; {@code loop}: the value of a member that needs itself. */
  LazyValues(Map<String, Supplier<V>> members, Function<String, V> loop) {
    this.members = members;
    this.loop = loop;
  }

  @Override
  public boolean containsKey(Object key) {
    return members.containsKey(key);
  }

  @Override
  public V get(Object key) {
    if (!(key instanceof String name) || !members.containsKey(name)) {
      return null;
    }
    V value = known.get(name);
    if (value != null) {
      return value;
    }
    if (!evaluating.add(name)) {
      return loop.apply(name);
    }
    try {
      value = members.get(name).get();
    } finally {
      evaluating.remove(name);
    }
    known.put(name, value);
    return value;
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    Map<String, V> all = new LinkedHashMap<>();
    members.keySet().forEach(name -> all.put(name, get(name)));
    return all.entrySet();
  }
}
