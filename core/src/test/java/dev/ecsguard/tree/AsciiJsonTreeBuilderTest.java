package dev.ecsguard.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The builder's trees are Jackson's, and what it does not take, Jackson reads as before. */
class AsciiJsonTreeBuilderTest {
  private final DocumentReader reader = new DocumentReader(new InputLimits(1 << 26, 8));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        " \t\r\n{ }\r\n",
        "{\"a\":1,\"b\":[true,false,null,-0,0.5,-12.5e+3,1E-2,7e9],\"c\":{\"d\":[[],{}]}}",
        "{\n  \"a\": \"x\",\r\n  \"b\": [\r    \"y\"\n\n ]\n}",
        "{\"esc\": \"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t u\\u00e9\\uD83D\\ude00 end\", \"\\u0061b\": 1}",
        "{\"dup\": 1, \"other\": 2, \"dup\": [3]}",
        "[\"\", {\"\": \"\"}]",
        "{\"a\":\t\"tab\"\t}",
        "[1, 2, 3]   ",
        "{\"deep\": [[[[[[1]]]]]]}"
      })
  void buildsWhatJacksonBuilds(String json) throws InputException {
    assertSameAsJackson(json.getBytes(StandardCharsets.US_ASCII));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  ",
        "\"root scalar\"",
        "42",
        "{\"a\": 1,}",
        "{\"a\": 01}",
        "{\"a\": 1.}",
        "{\"a\": .5}",
        "{\"a\": -}",
        "{\"a\": +1}",
        "{\"a\": tru}",
        "{\"a\": truex}",
        "{\"a\": NaN}",
        "{\"a\": \"unterminated}",
        "{\"a\": \"raw\ttab\"}",
        "{\"a\": \"bad \\x escape\"}",
        "{\"a\": \"bad \\u12g4\"}",
        "{'a': 1}",
        "{\"a\" 1}",
        "{\"a\": 1] ",
        "[1 2]",
        "{\"a\": 1} {\"b\": 2}",
        "{\"a\": 1} x",
        "{\"a\": 1 // comment\n}",
        "{\"a\": [[[[[[[[[1]]]]]]]]]}",
        "{\"a\": [",
        "{\"a\""
      })
  void leavesToJacksonWhatIsNotPlainJson(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.US_ASCII);
    assertThat(build(bytes)).isNull();
    assertThat(outcome(() -> reader.read(bytes, "t.json")))
        .isEqualTo(outcome(() -> reader.parseWithJackson(bytes, "t.json")));
  }

  @Test
  void leavesToJacksonBytesThatAreNotAscii() {
    assertThat(build("{\"a\": \"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8))).isNull();
  }

  @Test
  void buildsEveryJsonFileOfTheProjectAsJacksonDoes() throws IOException, InputException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("..").toAbsolutePath().normalize())) {
      files =
          walk.filter(path -> path.toString().endsWith(".json"))
              .filter(
                  path ->
                      !path.toString().contains("/target/") && !path.toString().contains("/.git/"))
              .toList();
    }
    assertThat(files).hasSizeGreaterThan(100);
    DocumentReader lenient = new DocumentReader(InputLimits.DEFAULT);
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      String jackson = outcome(() -> lenient.parseWithJackson(bytes, "t.json"));
      assertThat(outcome(() -> lenient.read(bytes, "t.json")))
          .as(file.toString())
          .isEqualTo(jackson);
    }
  }

  private Document build(byte[] bytes) {
    return AsciiJsonTreeBuilder.build(
        bytes,
        "t.json",
        com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(8).build(),
        new AsciiJsonTreeBuilder.Names());
  }

  private void assertSameAsJackson(byte[] bytes) throws InputException {
    Document built = build(bytes);
    assertThat(built).isNotNull();
    assertThat(dump(built)).isEqualTo(dump(reader.parseWithJackson(bytes, "t.json")));
  }

  private interface Read {
    Document read() throws InputException;
  }

  /** The tree read, or the error. */
  private static String outcome(Read read) {
    try {
      return dump(read.read());
    } catch (InputException e) {
      return "error " + e.getMessage();
    }
  }

  /** Every node with its place, position, type and text; then the notices. */
  private static String dump(Document document) {
    StringBuilder out = new StringBuilder();
    dump(document.root(), out);
    document
        .notices()
        .forEach(
            notice ->
                out.append(notice.where().location())
                    .append(' ')
                    .append(notice.message())
                    .append('\n'));
    return out.toString();
  }

  private static void dump(Node node, StringBuilder out) {
    out.append(node.location()).append(' ').append(node.name()).append(' ').append(node.kind());
    if (node instanceof ScalarNode scalar) {
      out.append(' ').append(scalar.text() == null ? "(null)" : "<" + scalar.text() + ">");
    }
    out.append('\n');
    if (node instanceof ObjectNode object) {
      object.names().forEach(name -> dump(object.get(name), out));
    } else if (node instanceof ArrayNode array) {
      array.elements().forEach(element -> dump(element, out));
    }
  }
}
