package dev.ecsguard.tree;

import java.io.CharArrayReader;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Builds a {@link Document} from YAML parser events, which keep what a tree loader would lose:
 * positions, CloudFormation's short-form tags ({@code !Ref X} becomes {@code {"Ref": "X"}}) and
 * anchors. Aliases are copied where they stand, within a budget that stops alias bombs. Merge keys
 * ({@code <<: *defaults}) are applied as YAML 1.1 (and CloudFormation's tools) apply them: the
 * merged maps' keys join the mapping, its own keys win, and of a list of maps the earlier win.
 */
final class YamlTreeBuilder {
  // Copies made for aliases: far more than any real template needs, far fewer than an alias bomb
  // makes.
  private static final int MAX_ALIAS_NODES = 1_000_000;
  private static final Resolver RESOLVER = new Resolver();
  private static final String MERGE = "<<";

  private final Document document;
  private final int maxDepth;
  private final Map<String, Node> anchors = new HashMap<>();
  private final Set<Node> tagged = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Node> functions =
      Collections.newSetFromMap(
          new IdentityHashMap<>()); // the {"Fn::X": …} made for short-form tags
  private final Map<ObjectNode, Mark> merging =
      new IdentityHashMap<>(); // mappings with a merge key, and where it stands
  private final Deque<Node> open = new ArrayDeque<>();
  private int aliasNodes;
  private String pendingKey;
  private Mark pendingKeyMark;
  private boolean pendingKeyMerges;

  YamlTreeBuilder(Document document, int maxDepth) {
    this.document = document;
    this.maxDepth = maxDepth;
  }

  Document build(char[] text) throws InputException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE); // the file size limit has been applied already
    Parser parser = new ParserImpl(new StreamReader(new CharArrayReader(text)), options);
    Mark last = null;
    try {
      int documents = 0;
      while (parser.peekEvent() != null) {
        Event event = parser.getEvent();
        last = event.getStartMark();
        switch (event.getEventId()) {
          case DocumentStart -> {
            if (++documents > 1) {
              throw error(
                  last,
                  "more than one YAML document in the file (---); ecsguard reads one per file");
            }
          }
          case MappingStart, SequenceStart -> start((CollectionStartEvent) event);
          case MappingEnd, SequenceEnd -> end();
          case Scalar -> scalar((ScalarEvent) event);
          case Alias -> alias((AliasEvent) event);
          default -> {} // stream and document ends, comments
        }
      }
    } catch (MarkedYAMLException e) {
      Mark at = e.getProblemMark() != null ? e.getProblemMark() : last;
      throw error(
          at,
          "malformed YAML: "
              + DocumentReader.firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()));
    } catch (YAMLException e) {
      throw error(last, "malformed YAML: " + DocumentReader.firstLine(e.getMessage()));
    }
    if (document.root() == null) {
      throw new InputException(
          document.name(), 1, 1, "empty file: expected a YAML mapping or list");
    }
    return document;
  }

  private void start(CollectionStartEvent event) throws InputException {
    if (open.size() >= maxDepth) {
      throw error(
          event.getStartMark(),
          "refused: nested too deeply (over "
              + maxDepth
              + " levels, far deeper than any ECS document needs)");
    }
    // A block mapping starts at its first key, a line below its own: it is shown at its key
    // instead.
    Mark at =
        open.peek() instanceof ObjectNode && pendingKeyMark != null
            ? pendingKeyMark
            : event.getStartMark();
    Slot slot = slot(event);
    Node node =
        event.getEventId() == Event.ID.MappingStart
            ? new ObjectNode(document, slot.parent, slot.key, slot.index, line(at), column(at))
            : new ArrayNode(document, slot.parent, slot.key, slot.index, line(at), column(at));
    place(node, event);
    open.push(node);
    if (slot.wrapped) {
      tagged.add(node);
    }
  }

  private void end() throws InputException {
    Node closed = open.pop();
    Mark merge = merging.remove(closed);
    if (merge != null) {
      merge((ObjectNode) closed, merge);
    }
    if (tagged.remove(closed)) {
      open.pop(); // the wrapper made for the collection's tag
    }
  }

  /**
   * Replaces the mapping's merge key by the keys of the maps it names that the mapping does not
   * have.
   */
  private void merge(ObjectNode mapping, Mark at) throws InputException {
    Node merged = mapping.remove(MERGE);
    for (Node map :
        merged instanceof ArrayNode list ? list.elements() : java.util.List.of(merged)) {
      if (!(map instanceof ObjectNode source) || functions.contains(map)) {
        String kind =
            map instanceof ObjectNode wrapper
                ? "the function " + wrapper.names().iterator().next()
                : map.kind();
        throw new InputException(
            document.name(),
            map.line(),
            map.column(),
            "a YAML merge (<<) needs a mapping or a list of mappings, not " + kind);
      }
      for (String name : source.names()) {
        if (!mapping.has(name)) {
          mapping.put(name, copy(source.get(name), mapping, name, -1, at));
        }
      }
    }
  }

  private void scalar(ScalarEvent event) throws InputException {
    if (open.peek() instanceof ObjectNode && pendingKey == null) {
      pendingKey = event.getValue();
      pendingKeyMark = event.getStartMark();
      pendingKeyMerges =
          pendingKey.equals(MERGE)
              && event.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN; // "<<" quoted is a key
      return;
    }
    Slot slot = slot(event);
    Mark at = event.getStartMark();
    ScalarNode.Type type = type(event, slot.wrapped);
    place(
        new ScalarNode(
            document,
            slot.parent,
            slot.key,
            slot.index,
            line(at),
            column(at),
            type,
            text(event, type)),
        event);
    if (slot.wrapped) {
      open.pop();
    }
  }

  private void alias(AliasEvent event) throws InputException {
    if (open.peek() instanceof ObjectNode && pendingKey == null) {
      throw error(
          event.getStartMark(),
          "an alias used as a mapping key, which CloudFormation does not accept");
    }
    Node anchored = anchors.get(event.getAnchor());
    if (anchored == null) {
      throw error(
          event.getStartMark(), "malformed YAML: an alias to an anchor not defined before it");
    }
    if (open.contains(anchored)) {
      throw error(
          event.getStartMark(), "refused: an alias inside its own anchor (a recursive document)");
    }
    Slot slot = slot(event);
    Node copy = copy(anchored, slot.parent, slot.key, slot.index, event.getStartMark());
    Node.attach(document, slot.parent, copy);
  }

  /** Where the next value goes; a short-form tag first opens its {@code {"Fn::X": …}} wrapper. */
  private Slot slot(NodeEvent event) throws InputException {
    Node parent = open.peek();
    String key = parent instanceof ObjectNode ? takeKey(event) : null;
    String function =
        event instanceof ScalarEvent scalar
            ? function(scalar.getTag())
            : event instanceof CollectionStartEvent collection
                ? function(collection.getTag())
                : null;
    if (function == null) {
      return new Slot(parent, key, indexIn(parent), false);
    }
    Mark at = event.getStartMark();
    ObjectNode wrapper =
        new ObjectNode(document, parent, key, indexIn(parent), line(at), column(at));
    functions.add(wrapper);
    Node.attach(document, parent, wrapper);
    open.push(wrapper);
    return new Slot(wrapper, function, -1, true);
  }

  private String takeKey(NodeEvent event) throws InputException {
    if (pendingKey == null) {
      throw error(
          event.getStartMark(),
          "a mapping or list used as a mapping key, which CloudFormation does not accept");
    }
    String key = pendingKey;
    ObjectNode mapping = (ObjectNode) open.peek();
    if (mapping.has(key)) {
      // CloudFormation refuses such a template; taking either value could hide a failure.
      throw error(pendingKeyMark, "the key " + key + " appears twice in the same mapping");
    }
    if (pendingKeyMerges) {
      merging.put(mapping, pendingKeyMark);
    }
    pendingKey = null;
    pendingKeyMark = null;
    return key;
  }

  private void place(Node node, NodeEvent event) {
    Node.attach(document, node.parent(), node);
    if (event.getAnchor() != null) {
      // Of a tagged value (&a !If […]) the anchor names the function, not its bare arguments.
      anchors.put(event.getAnchor(), functions.contains(node.parent()) ? node.parent() : node);
    }
  }

  /**
   * The CloudFormation function a tag stands for ({@code !Sub} is Fn::Sub), or null for YAML's own
   * tags.
   */
  private static String function(String tag) {
    if (tag == null || !tag.startsWith("!") || tag.startsWith("!!") || tag.length() == 1) {
      return null;
    }
    String name = tag.substring(1);
    return name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
  }

  /**
   * Plain scalars are typed as YAML 1.1 types them (CloudFormation's parser does the same); quoted
   * ones are strings.
   */
  private static ScalarNode.Type type(ScalarEvent event, boolean wrapped) {
    if (wrapped || event.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
      return ScalarNode.Type.STRING;
    }
    Tag tag =
        event.getTag() != null && event.getTag().startsWith("tag:yaml.org,2002:")
            ? new Tag(event.getTag())
            : RESOLVER.resolve(
                NodeId.scalar, event.getValue(), event.getImplicit().canOmitTagInPlainScalar());
    if (tag.equals(Tag.BOOL)) {
      return ScalarNode.Type.BOOLEAN;
    }
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      return ScalarNode.Type.NUMBER;
    }
    return tag.equals(Tag.NULL) ? ScalarNode.Type.NULL : ScalarNode.Type.STRING;
  }

  /** Booleans as JSON spells them (yes and On are true in YAML 1.1); everything else as written. */
  private static String text(ScalarEvent event, ScalarNode.Type type) {
    return switch (type) {
      case BOOLEAN ->
          Boolean.toString(
              switch (event.getValue().toLowerCase(java.util.Locale.ROOT)) {
                case "y", "yes", "true", "on" -> true;
                default -> false;
              });
      case NULL -> null;
      default -> event.getValue();
    };
  }

  private Node copy(Node source, Node parent, String key, int index, Mark at)
      throws InputException {
    if (++aliasNodes > MAX_ALIAS_NODES) {
      throw error(
          at,
          "refused: YAML aliases expand to over " + MAX_ALIAS_NODES + " values (an alias bomb?)");
    }
    return switch (source) {
      case ScalarNode scalar ->
          new ScalarNode(
              document,
              parent,
              key,
              index,
              scalar.line(),
              scalar.column(),
              scalar.type(),
              scalar.text());
      case ObjectNode object -> {
        ObjectNode copy =
            new ObjectNode(document, parent, key, index, object.line(), object.column());
        if (functions.contains(object)) {
          functions.add(copy);
        }
        for (String name : object.names()) {
          copy.put(name, copy(object.get(name), copy, name, -1, at));
        }
        yield copy;
      }
      case ArrayNode array -> {
        ArrayNode copy = new ArrayNode(document, parent, key, index, array.line(), array.column());
        for (Node element : array.elements()) {
          copy.add(copy(element, copy, null, copy.size(), at));
        }
        yield copy;
      }
      case UnresolvedNode unresolved ->
          new UnresolvedNode(
              document,
              parent,
              key,
              index,
              unresolved.line(),
              unresolved.column(),
              unresolved.reason(),
              unresolved.reference(),
              unresolved.knownEnding());
    };
  }

  private static int indexIn(Node parent) {
    return parent instanceof ArrayNode array ? array.size() : -1;
  }

  private InputException error(Mark at, String problem) {
    return at == null
        ? new InputException(document.name(), problem)
        : new InputException(document.name(), line(at), column(at), problem);
  }

  private static int line(Mark at) {
    return at.getLine() + 1;
  }

  private static int column(Mark at) {
    return at.getColumn() + 1;
  }

  /**
   * A place for a value: its parent, its key there (or its index), and whether a tag wrapper was
   * opened for it.
   */
  private record Slot(Node parent, String key, int index, boolean wrapped) {}
}
