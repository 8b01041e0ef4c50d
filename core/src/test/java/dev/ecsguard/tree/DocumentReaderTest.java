package dev.ecsguard.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {
  private final DocumentReader reader = new DocumentReader(InputLimits.DEFAULT);

  private Document read(String json) throws InputException {
    return reader.read(json.getBytes(StandardCharsets.UTF_8), "t.json");
  }

  @Test
  void everyNodeKnowsItsLineColumnAndPointer() throws InputException {
    Document document =
        read(
            "{\n  \"containerDefinitions\": [\n    {\"name\": \"a/b~c\", \"privileged\": true}\n  ]\n}");
    ObjectNode root = (ObjectNode) document.root();
    ObjectNode container =
        (ObjectNode) ((ArrayNode) root.get("containerDefinitions")).elements().get(0);
    Node privileged = container.get("privileged");
    assertThat(privileged.location())
        .isEqualTo(new Location("t.json", "/containerDefinitions/0/privileged", 3, 37));
    assertThat(container.get("name").pointer()).isEqualTo("/containerDefinitions/0/name");
    assertThat(root.pointer()).isEmpty();
    assertThat(privileged.location().toString()).isEqualTo("t.json:3:37");
  }

  @Test
  void columnsCountCharactersNotBytesAndAByteOrderMarkIsSkipped() throws InputException {
    ObjectNode root =
        (ObjectNode) read("{\"name\": \"caf\u00e9\u00e9\", \"privileged\": true}").root();
    assertThat(root.get("privileged").column()).isEqualTo(33); // 35 if bytes were counted
    byte[] withBom = ("\uFEFF{\"a\": 1}").getBytes(StandardCharsets.UTF_8);
    assertThat(((ObjectNode) reader.read(withBom, "t.json").root()).get("a").column()).isEqualTo(7);
  }

  @Test
  void textThatIsNotUtf8IsRefused() {
    byte[] latin1 = {'{', '"', 'a', '"', ':', '"', (byte) 0xe9, '"', '}'};
    assertThatThrownBy(() -> reader.read(latin1, "t.json"))
        .hasMessage("t.json: cannot read: not UTF-8 text");
  }

  @Test
  void anUnclosedArraySaysWhereItOpenedInPlainWords() {
    assertThatThrownBy(() -> read("{\"a\":[\n"))
        .hasMessage(
            "t.json:2:1: malformed JSON: Unexpected end-of-input: expected close marker for Array (opened at line 1, column 6)");
  }

  @Test
  void pointerEscapesSlashAndTilde() throws InputException {
    ObjectNode root = (ObjectNode) read("{\"a/b~c\": 1}").root();
    assertThat(root.get("a/b~c").pointer()).isEqualTo("/a~1b~0c");
  }

  @Test
  void scalarsKeepTheirTypeAndText() throws InputException {
    ObjectNode root = (ObjectNode) read("{\"s\":\"x\",\"n\":1.50,\"b\":false,\"z\":null}").root();
    assertThat(((ScalarNode) root.get("s")).type()).isEqualTo(ScalarNode.Type.STRING);
    assertThat(((ScalarNode) root.get("n")).text()).isEqualTo("1.50");
    assertThat(((ScalarNode) root.get("b")).text()).isEqualTo("false");
    assertThat(((ScalarNode) root.get("z")).text()).isNull();
    assertThat(root.get("z").kind()).isEqualTo("null");
  }

  @Test
  void malformedJsonNamesFileLineAndColumn() {
    assertThatThrownBy(() -> read("{\n  \"family\": \"web\",\n  \"cpu\": ,\n}"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("t.json:3:10: malformed JSON: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void malformedJsonNeverQuotesTheOffendingToken() {
    assertThatThrownBy(
            () ->
                read(
                    "{\"environment\": [{\"name\": \"AWS_SECRET_ACCESS_KEY\", \"value\": wJalrXUtnFEMIK7MDENG}]}"))
        .isInstanceOf(InputException.class)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain("wJalrXUtnFEMIK7MDENG")
                    .startsWith("t.json:1:"));
  }

  @Test
  void truncatedAndEmptyAndTrailingInputAreErrors() {
    assertThatThrownBy(() -> read("{\"family\": \"web\"")).hasMessageStartingWith("t.json:1:");
    assertThatThrownBy(() -> read(""))
        .hasMessage("t.json:1:1: empty file: expected a JSON object or array");
    assertThatThrownBy(() -> read("{} {}")).hasMessageContaining("more than one value");
  }

  @Test
  void deepNestingIsRefusedWithoutExhaustingTheStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> read(deep))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("nested too deeply");
  }

  @Test
  void overlongValuesAreRefusedSayingSo() {
    assertThatThrownBy(() -> read("{\"cpu\": " + "1".repeat(3000) + "}"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("t.json:1:")
        .hasMessageContaining("refused: a value is too large: Number value length")
        .hasMessageNotContaining("StreamReadConstraints")
        .hasMessageNotContaining("nested");
  }

  @Test
  void filesOverTheSizeLimitAreRefusedBeforeReading(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.json");
    Files.writeString(big, "[" + "0,".repeat(600) + "0]");
    DocumentReader small = new DocumentReader(new InputLimits(1024, 64));
    assertThatThrownBy(() -> small.read(big, "big.json"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("big.json: refused: ")
        .hasMessageContaining("--max-file-size");
  }

  @Test
  void streamsOfUnknownLengthAreCutOffAtTheLimit() {
    DocumentReader small = new DocumentReader(new InputLimits(1024, 64));
    byte[] big = ("[" + "0,".repeat(5000) + "0]").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> small.read(new java.io.ByteArrayInputStream(big), "/dev/stdin"))
        .isInstanceOf(InputException.class)
        .hasMessage("/dev/stdin: refused: more than the limit of 1024 bytes (--max-file-size)");
  }

  @Test
  void missingFileIsAnInputError() {
    assertThatThrownBy(() -> reader.read(Path.of("does-not-exist.json"), "does-not-exist.json"))
        .hasMessage("does-not-exist.json: cannot read: no such file or directory");
  }
}
