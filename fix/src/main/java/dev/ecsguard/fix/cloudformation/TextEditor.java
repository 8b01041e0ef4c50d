package dev.ecsguard.fix.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Applies edits to the values of a {@link TextTree} in its text, changing only the characters of
 * the values edited: comments, quoting, key order and layout elsewhere stay as they were. New
 * members go after the last one, at its indentation, in the file's syntax; removed members take
 * their line(s) (YAML block) or their comma (JSON, YAML flow) with them.
 */
final class TextEditor {
  /** One change to a value of the tree; new values are written in the template's own spelling. */
  sealed interface Edit {}

  /** {@code target}'s text becomes {@code value} (on one line). */
  record Replace(TextTree target, JsonNode value) implements Edit {}

  record AddEntry(TextTree.Mapping mapping, String key, JsonNode value) implements Edit {}

  record RemoveEntry(TextTree.Mapping mapping, TextTree.Entry entry) implements Edit {}

  record AppendItem(TextTree.Sequence sequence, JsonNode value) implements Edit {}

  record RemoveItem(TextTree.Sequence sequence, TextTree item) implements Edit {}

  /**
   * Text to put in place of {@code [start, end)}; {@code order} keeps insertions at one place in
   * the order they were asked for.
   */
  private record Splice(int start, int end, String text, int order) {}

  private final String text;
  private final String newline;
  private final ValueWriter writer;

  TextEditor(String text, boolean json, TextTree root) {
    this.text = text;
    this.newline = text.contains("\r\n") ? "\r\n" : "\n";
    this.writer = new ValueWriter(json, " ".repeat(step(root)), newline);
  }

  /**
   * The text with {@code edits} made; each collection's removals are made together, so that their
   * commas and lines do not overlap.
   */
  String apply(List<Edit> edits) throws TextTreeParser.UnsupportedLayout {
    List<Splice> splices = splices(edits);
    // In text order, each splice copied once with what lies between: no shifting of what follows,
    // whatever the number of edits.
    splices.sort(Comparator.comparingInt(Splice::start).thenComparingInt(Splice::order));
    StringBuilder out = new StringBuilder(text.length() + 1024);
    int copied = 0;
    for (Splice splice : splices) {
      if (splice.start() < copied) {
        throw new IllegalStateException("overlapping edits at offset " + splice.start());
      }
      out.append(text, copied, splice.start()).append(splice.text());
      copied = splice.end();
    }
    return out.append(text, copied, text.length()).toString();
  }

  /** Throws what {@link #apply} throws for {@code edits}, without writing the text. */
  void check(List<Edit> edits) throws TextTreeParser.UnsupportedLayout {
    splices(edits);
  }

  private List<Splice> splices(List<Edit> edits) throws TextTreeParser.UnsupportedLayout {
    List<Splice> splices = new ArrayList<>();
    Map<TextTree, TreeSet<Integer>> removals = new IdentityHashMap<>();
    Map<TextTree, Boolean> additions = new IdentityHashMap<>();
    for (Edit edit : edits) {
      int order = splices.size();
      switch (edit) {
        case Replace replace -> {
          TextTree target = replace.target();
          // An empty value (Key: and nothing) stands right after the colon, which needs a space
          // before a value.
          String space =
              target.start() == target.end()
                      && target.start() > 0
                      && text.charAt(target.start() - 1) == ':'
                  ? " "
                  : "";
          splices.add(
              new Splice(
                  target.start(), target.end(), space + writer.flow(replace.value()), order));
        }
        case AddEntry add -> {
          splices.add(insert(add.mapping(), add.key(), add.value(), order));
          additions.put(add.mapping(), true);
        }
        case AppendItem append -> {
          splices.add(insert(append.sequence(), null, append.value(), order));
          additions.put(append.sequence(), true);
        }
        case RemoveEntry remove ->
            removals
                .computeIfAbsent(remove.mapping(), m -> new TreeSet<>())
                .add(remove.mapping().entries().indexOf(remove.entry()));
        case RemoveItem remove ->
            removals
                .computeIfAbsent(remove.sequence(), s -> new TreeSet<>())
                .add(indexOf(remove.sequence().items(), remove.item()));
      }
    }
    for (Map.Entry<TextTree, TreeSet<Integer>> removal : removals.entrySet()) {
      splices.addAll(
          remove(
              removal.getKey(),
              removal.getValue(),
              additions.containsKey(removal.getKey()),
              splices.size()));
    }
    return splices;
  }

  /** A new member after the last one of {@code collection}; {@code key} is null for a list item. */
  private Splice insert(TextTree collection, String key, JsonNode value, int order) {
    List<Member> members = members(collection);
    if (members.isEmpty()) {
      // Only flow collections can be empty: {} and [].
      String member =
          key == null ? writer.flowItem(value, null) : writer.flowEntry(key, value, null);
      return new Splice(open(collection) + 1, open(collection) + 1, member, order);
    }
    Member last = members.getLast();
    if (isFlow(collection)) {
      String indent =
          blankPrefix(last.start()) && lineStart(last.start()) > open(collection)
              ? text.substring(lineStart(last.start()), last.start())
              : null;
      String member =
          key == null ? writer.flowItem(value, indent) : writer.flowEntry(key, value, indent);
      return new Splice(
          last.end(), last.end(), (indent == null ? ", " : "," + newline + indent) + member, order);
    }
    int at = lineEnd(last.end());
    String indent = " ".repeat(members.getFirst().start() - lineStart(members.getFirst().start()));
    String member =
        key == null ? writer.blockItem(value, indent) : writer.blockEntry(key, value, indent);
    return new Splice(
        at,
        at,
        (at == text.length() && !text.endsWith("\n") ? newline : "") + indent + member + newline,
        order);
  }

  private List<Splice> remove(
      TextTree collection, TreeSet<Integer> removed, boolean alsoAdded, int order)
      throws TextTreeParser.UnsupportedLayout {
    List<Member> members = members(collection);
    List<Splice> splices = new ArrayList<>();
    if (removed.size() == members.size()) {
      if (alsoAdded) {
        throw new TextTreeParser.UnsupportedLayout(
            "a fix would replace every member of one of its mappings or lists");
      }
      String empty = collection instanceof TextTree.Mapping ? "{}" : "[]";
      return List.of(
          isFlow(collection)
              ? new Splice(open(collection) + 1, collection.end() - 1, "", order)
              : new Splice(
                  members.getFirst().start(),
                  members.getLast().end(),
                  empty,
                  order)); // a block collection cannot be empty; its flow form can
    }
    int lastKept = members.size() - 1;
    while (removed.contains(lastKept)) {
      lastKept--;
    }
    for (int i = 0; i < members.size(); i++) {
      if (!removed.contains(i)) {
        continue;
      }
      Member member = members.get(i);
      if (isFlow(collection)) {
        if (i > lastKept) {
          // The trailing members go with the comma after the last one kept.
          splices.add(new Splice(members.get(lastKept).end(), members.getLast().end(), "", order));
          break;
        }
        splices.add(new Splice(member.start(), members.get(i + 1).start(), "", order));
      } else if (blankPrefix(member.start())) {
        splices.add(new Splice(lineStart(member.start()), lineEnd(member.end()), "", order));
      } else {
        // The first member shares its line with a dash (- Key: v): the next member kept moves up to
        // it.
        int next = i + 1;
        while (removed.contains(next)) {
          next++;
        }
        splices.add(new Splice(member.start(), members.get(next).start(), "", order));
        i = next - 1;
      }
    }
    return splices;
  }

  /** A member's text: from its key or its dash (YAML block lists) to the end of its value. */
  private record Member(int start, int end) {}

  private List<Member> members(TextTree collection) {
    List<Member> members = new ArrayList<>();
    if (collection instanceof TextTree.Mapping mapping) {
      mapping
          .entries()
          .forEach(entry -> members.add(new Member(entry.keyStart(), entry.value().end())));
    } else if (collection instanceof TextTree.Sequence sequence) {
      for (TextTree item : sequence.items()) {
        members.add(new Member(sequence.flow() ? item.start() : dash(item.start()), item.end()));
      }
    }
    return members;
  }

  private static boolean isFlow(TextTree collection) {
    return collection instanceof TextTree.Mapping mapping
        ? mapping.flow()
        : ((TextTree.Sequence) collection).flow();
  }

  /** The bracket that opens a flow collection (its start may be an anchor). */
  private int open(TextTree collection) {
    return text.indexOf(collection instanceof TextTree.Mapping ? '{' : '[', collection.start());
  }

  /** The dash before a block list item. */
  private int dash(int item) {
    int at = item - 1;
    while (at > 0 && text.charAt(at) != '-') {
      at--;
    }
    return at;
  }

  /**
   * Whether only spaces stand before {@code at} on its line; looks no further back than them, as a
   * minified line may be megabytes long.
   */
  private boolean blankPrefix(int at) {
    int before = at;
    while (before > 0
        && text.charAt(before - 1) != '\n'
        && Character.isWhitespace(text.charAt(before - 1))) {
      before--;
    }
    return before == 0 || text.charAt(before - 1) == '\n';
  }

  private int lineStart(int at) {
    return text.lastIndexOf('\n', at - 1) + 1;
  }

  /** Just after the line break that ends the line of {@code at}: past any comment there. */
  private int lineEnd(int at) {
    int end = text.indexOf('\n', at);
    return end < 0 ? text.length() : end + 1;
  }

  private static int indexOf(List<TextTree> items, TextTree item) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == item) {
        return i;
      }
    }
    throw new IllegalArgumentException("not an item of this list");
  }

  /**
   * The file's indentation step: how far the first nested mapping's keys stand in from their
   * parent's key (CDK writes one space, most YAML two).
   */
  private int step(TextTree root) {
    if (root instanceof TextTree.Mapping mapping) {
      for (TextTree.Entry entry : mapping.entries()) {
        if (entry.value() instanceof TextTree.Mapping nested && !nested.entries().isEmpty()) {
          int child = nested.entries().getFirst().keyStart();
          int step = (child - lineStart(child)) - (entry.keyStart() - lineStart(entry.keyStart()));
          if (lineStart(child) > entry.keyStart() && step > 0) {
            return step;
          }
        }
      }
    }
    return 2;
  }
}
