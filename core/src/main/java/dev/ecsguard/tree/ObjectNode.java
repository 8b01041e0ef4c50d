package dev.ecsguard.tree;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A JSON object; member order is kept, and a repeated name keeps its last value, as AWS's CLI does.
 *
 * <p>Written by hand rather than a LinkedHashMap: most objects of a document have a few members (an
 * environment entry, a tag), and a map's table and entries were a third of what a scan allocates.
 * Members are two arrays, read by a scan; an object that grows large gets an index, so that a
 * hostile one of many members is still read in linear time.
 */
public final class ObjectNode extends Node {
  private static final int INDEXED_FROM =
      32; // below it, comparing hashes in order is faster than a map

  private String[] names = new String[4];
  private int[] hashes = new int[4]; // each name's hash: a lookup compares ints before strings
  private Node[] values = new Node[4];
  private int size;
  private Map<String, Integer> index; // member name → position, once the object is large
  // One bit per member, at its hash's low six bits (what a long shift takes): a name whose bit is
  // clear is not a member, known without a scan (most lookups of a model's optional fields, and
  // every new member's check for a repeated key).
  private long hashBits;
  private boolean namesIgnoringCase;

  ObjectNode(Document document, Node parent, String key, int index, int line, int column) {
    super(document, parent, key, index, line, column);
  }

  private int find(String name) {
    if (index != null) {
      Integer at = index.get(name);
      return at == null ? -1 : at;
    }
    int hash = name.hashCode();
    if ((hashBits & 1L << hash) == 0) {
      return -1;
    }
    for (int i = 0; i < size; i++) {
      if (hashes[i] == hash && names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Sets member {@code name}, giving the value it had, or null. */
  Node put(String name, Node value) {
    int at = find(name);
    if (at >= 0) {
      Node earlier = values[at];
      values[at] = value;
      return earlier;
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    hashes[size] = name.hashCode();
    hashBits |= 1L << hashes[size];
    values[size] = value;
    size++;
    if (index != null) {
      index.put(name, size - 1);
    } else if (size == INDEXED_FROM) {
      reindex();
    }
    return null;
  }

  private void reindex() {
    index = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      index.put(names[i], i);
    }
  }

  /** Removes member {@code name}, giving its value. */
  Node remove(String name) {
    int at = find(name);
    if (at < 0) {
      return null;
    }
    Node removed = values[at];
    System.arraycopy(names, at + 1, names, at, size - at - 1);
    System.arraycopy(hashes, at + 1, hashes, at, size - at - 1);
    System.arraycopy(values, at + 1, values, at, size - at - 1);
    size--;
    names[size] = null;
    values[size] = null;
    hashBits = 0;
    for (int i = 0; i < size; i++) {
      hashBits |= 1L << hashes[i];
    }
    if (index != null) {
      reindex();
    }
    return removed;
  }

  /** Sets member {@code name} to a value that is not known, positioned at this object. */
  public void markUnresolved(String name, String reason) {
    markUnresolved(name, reason, null);
  }

  /** As above, with what it refers to ({@link UnresolvedNode#reference()}). */
  public void markUnresolved(String name, String reason, String reference) {
    put(
        name,
        new UnresolvedNode(document(), this, name, -1, line(), column(), reason, reference, null));
  }

  /** The member's value, or null when absent. */
  public Node get(String name) {
    int at = lookup(name);
    return at < 0 ? null : values[at];
  }

  /**
   * Has {@link #get} and {@link #has} find a member whose name differs from the one asked for in
   * case only, where the exact one is absent: as Go's JSON decoding matches a struct's fields, and
   * so as AWS's Terraform provider reads container_definitions ({@code "Privileged": true} works).
   */
  public void matchNamesIgnoringCase() {
    namesIgnoringCase = true;
  }

  /** Whether {@link #matchNamesIgnoringCase()} was asked for. */
  public boolean matchesNamesIgnoringCase() {
    return namesIgnoringCase;
  }

  private int lookup(String name) {
    int at = find(name);
    if (at < 0 && namesIgnoringCase) {
      for (int i = 0; i < size; i++) {
        if (names[i].equalsIgnoreCase(name)) {
          return i;
        }
      }
    }
    return at;
  }

  /** The member names, in document order: a copy, so members may change while it is read. */
  public Set<String> names() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(names).subList(0, size)));
  }

  /**
   * Each member in document order, without the copy {@link #names()} makes: for walks that read
   * this object and change no member of it (a tree's resolved copy is another object).
   */
  public void forEachMember(BiConsumer<String, Node> action) {
    for (int i = 0; i < size; i++) {
      action.accept(names[i], values[i]);
    }
  }

  public boolean has(String name) {
    return lookup(name) >= 0;
  }

  @Override
  public String kind() {
    return "an object";
  }
}
