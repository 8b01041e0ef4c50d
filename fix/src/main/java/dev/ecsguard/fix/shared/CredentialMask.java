package dev.ecsguard.fix.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsguard.hcl.Hcl;
import dev.ecsguard.secrets.Credentials;
import dev.ecsguard.secrets.Credentials.Credential;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Hides credentials wherever fix and apply show a document's text (diffs and their context lines,
 * steps): each value {@link Credentials} recognises in the documents, replaced by {@link
 * Credentials#MASK} in every spelling the shown texts give it — as decoded, escaped as JSON, YAML
 * or HCL write it, and as each quoted or YAML scalar of the texts spells it (with {@code \/} or
 * {@code \u0041} escapes, folded over lines, in a block scalar).
 */
public final class CredentialMask implements UnaryOperator<String> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

  /**
   * The members whose elements the command rules read (a health check's command is a command member
   * too).
   */
  private static final Set<String> COMMANDS = Set.of("command", "entrypoint");

  private static final int FRAGMENT_LENGTH = 4;

  private final Set<String> values;
  private final Map<String, Set<String>> spellings = new LinkedHashMap<>();
  private List<String> longestFirst;

  private CredentialMask(Set<String> values) {
    this.values = values;
    JsonStringEncoder encoder = JsonStringEncoder.getInstance();
    for (String value : values) {
      String escaped = new String(encoder.quoteAsString(value));
      spellings.put(
          value,
          new LinkedHashSet<>(
              List.of(
                  value,
                  escaped,
                  Hcl.templateSafe(escaped),
                  new String(encoder.quoteAsString(escaped)),
                  value.replace("'", "''"))));
    }
  }

  /**
   * The mask for the credentials in {@code documents} (ECS API JSON, templates, task definitions in
   * the API's shape; keys compare case-insensitively), spelt as {@code texts} spell them; {@code
   * yaml} when the texts are YAML, whose scalars have spellings of their own.
   */
  public static CredentialMask of(
      Collection<? extends JsonNode> documents, boolean yaml, String... texts) {
    Set<String> values = new LinkedHashSet<>();
    documents.forEach(document -> collect(document, values));
    CredentialMask mask = new CredentialMask(values);
    if (!values.isEmpty()) {
      for (String text : texts) {
        mask.quoted(text, 2);
        if (yaml) {
          mask.yamlScalars(text);
        }
      }
    }
    mask.longestFirst =
        mask.spellings.values().stream()
            .flatMap(Set::stream)
            .distinct()
            .sorted((a, b) -> b.length() - a.length())
            .toList(); // longest first: no shorter spelling leaves part of a longer one in view
    return mask;
  }

  @Override
  public String apply(String text) {
    for (String spelling : longestFirst) {
      text = text.replace(spelling, Credentials.MASK);
    }
    return text;
  }

  private static void collect(JsonNode node, Set<String> values) {
    if (node.isTextual()) {
      Credentials.inText(node.asText()).forEach(found -> values.add(found.value()));
    }
    if (node.isArray()) {
      node.forEach(element -> collect(element, values));
    }
    if (!node.isObject()) {
      return;
    }
    node.properties()
        .forEach(
            member -> {
              // A key can hold one too (a label or a misplaced line), and diffs show keys.
              Credentials.inText(member.getKey()).forEach(found -> values.add(found.value()));
              String key = member.getKey().toLowerCase(Locale.ROOT);
              JsonNode value = member.getValue();
              if (key.equals("environment")) {
                for (JsonNode variable : value) {
                  JsonNode name = field(variable, "name");
                  JsonNode literal = field(variable, "value");
                  if (literal != null && literal.isTextual()) {
                    Credentials.inVariable(
                            name != null && name.isTextual() ? name.asText() : null,
                            literal.asText())
                        .ifPresent(found -> values.add(found.value()));
                  } else if (literal != null
                      && name != null
                      && name.isTextual()
                      && Credentials.namesCredential(name.asText())) {
                    fragments(literal, values);
                  }
                }
              } else if (COMMANDS.contains(key) && value.isArray()) {
                List<String> elements = new ArrayList<>();
                value.forEach(
                    element ->
                        elements.add(
                            element.isTextual()
                                ? element.asText()
                                : null)); // a computed element is no literal
                Credentials.inCommand(elements).forEach(found -> values.add(found.value()));
              } else if (value.isTextual()) {
                // Docker labels, log driver options, any member: a secret-like key with a literal
                // value.
                Credentials.inLabel(member.getKey(), value.asText())
                    .map(Credential::value)
                    .ifPresent(values::add);
              } else if (Credentials.isSecretLike(member.getKey()) && isFunction(value)) {
                fragments(
                    value,
                    values); // not any object: a parameter named DbPassword declares one, its Type:
                // String is no secret
              }
              collect(value, values);
            });
  }

  /**
   * The parts of a value computed under a credential's name ({@code !Sub}, {@code !Join}, {@code
   * !If}, a Terraform expression's literals): each string of {@value #FRAGMENT_LENGTH} or more
   * characters that is no reference, for a fragment of a secret is still a secret. A {@code Ref}'s
   * or {@code Fn::GetAtt}'s argument names a resource, no value.
   */
  private static void fragments(JsonNode node, Set<String> values) {
    if (node.isTextual()
        && node.asText().length() >= FRAGMENT_LENGTH
        && !Credentials.isReference(node.asText())) {
      values.add(node.asText());
    } else if (node.isArray()) {
      node.forEach(element -> fragments(element, values));
    } else if (node.isObject() && !node.has("Ref") && !node.has("Fn::GetAtt")) {
      node.forEach(member -> fragments(member, values));
    }
  }

  /**
   * Whether {@code node} is a CloudFormation function call: {@code {"Fn::Sub": …}}, as !Sub reads.
   */
  private static boolean isFunction(JsonNode node) {
    return node.isObject() && node.size() == 1 && node.fieldNames().next().startsWith("Fn::");
  }

  /**
   * {@code object}'s member {@code name}, whatever its case ({@code Name} in templates), or null.
   */
  private static JsonNode field(JsonNode object, String name) {
    for (var member : object.properties()) {
      if (member.getKey().equalsIgnoreCase(name)) {
        return member.getValue();
      }
    }
    return null;
  }

  /**
   * Quoted strings (JSON, HCL, YAML's double quotes) holding a credential in a spelling not yet
   * known; JSON in them too.
   */
  private void quoted(String text, int depth) {
    Matcher quoted = QUOTED.matcher(text);
    while (quoted.find()) {
      String decoded;
      try {
        decoded = JSON.readValue("\"" + quoted.group(1) + "\"", String.class);
      } catch (JsonProcessingException e) {
        continue; // an escape JSON lacks (YAML's \x41): the YAML pass reads it
      }
      boolean held = false;
      for (String value : learn(quoted.group(1), decoded)) {
        held = true;
        // A spelling learnt here, as an outer JSON string spells it in turn (JSON in a quoted
        // string).
        if (spellings.get(value).contains(quoted.group(1))) {
          spellings
              .get(value)
              .add(new String(JsonStringEncoder.getInstance().quoteAsString(quoted.group(1))));
        }
      }
      if (!held && depth > 1 && decoded.contains("\"")) {
        quoted(decoded, depth - 1); // JSON in a quoted string
      }
    }
  }

  /**
   * YAML scalars holding a credential in a spelling not yet known: escapes YAML alone has, lines
   * folded, block scalars.
   */
  private void yamlScalars(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE); // the reader has applied the file size limit
    int[] charIndex = CodePoints.starts(text);
    try {
      ParserImpl parser = new ParserImpl(new StreamReader(text), options);
      for (Event event = parser.getEvent();
          !event.is(Event.ID.StreamEnd);
          event = parser.getEvent()) {
        if (event instanceof ScalarEvent scalar) {
          learn(
              text.substring(
                      charIndex[scalar.getStartMark().getIndex()],
                      charIndex[scalar.getEndMark().getIndex()])
                  .stripTrailing(),
              scalar.getValue());
        }
      }
    } catch (YAMLException e) {
      // Not YAML (HCL), or YAML beyond this point: the other spellings stand.
    }
  }

  /**
   * Adds {@code raw}, a scalar's text, as a spelling of each credential it holds that no known
   * spelling shows; the credentials it holds.
   */
  private List<String> learn(String raw, String decoded) {
    List<String> held = new ArrayList<>();
    for (String value : values) {
      if (decoded.contains(value)) {
        held.add(value);
        Set<String> known = spellings.get(value);
        if (known.stream().noneMatch(raw::contains)) {
          known.add(raw);
        }
      }
    }
    return held;
  }
}
