package dev.ecsguard.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** YAML as CloudFormation writes it, and YAML written to hurt. */
class YamlTreeBuilderTest {
  private final DocumentReader reader = new DocumentReader(InputLimits.DEFAULT);

  private ObjectNode read(String yaml) throws InputException {
    return (ObjectNode) reader.read(yaml.getBytes(StandardCharsets.UTF_8), "t.yaml").root();
  }

  @Test
  void shortFormTagsBecomeTheLongFormAtTheTagsPosition() throws InputException {
    ObjectNode root =
        read("a: !Ref Env\nb: !If [IsProd, x, !Sub \"${y}\"]\nc: !GetAtt R.Arn\nd: !Condition C\n");
    ObjectNode ref = (ObjectNode) root.get("a");
    assertThat(ref.names()).containsExactly("Ref");
    assertThat(((ScalarNode) ref.get("Ref")).text()).isEqualTo("Env");
    assertThat(ref.location()).isEqualTo(new Location("t.yaml", "/a", 1, 4));
    ArrayNode arguments = (ArrayNode) ((ObjectNode) root.get("b")).get("Fn::If");
    assertThat(arguments.size()).isEqualTo(3);
    assertThat(((ObjectNode) arguments.elements().get(2)).names()).containsExactly("Fn::Sub");
    assertThat(arguments.elements().get(2).pointer()).isEqualTo("/b/Fn::If/2");
    assertThat(((ObjectNode) root.get("c")).names()).containsExactly("Fn::GetAtt");
    assertThat(((ObjectNode) root.get("d")).names()).containsExactly("Condition");
  }

  @Test
  void plainScalarsAreTypedAsYamlTypesThemAndQuotedOnesStayStrings() throws InputException {
    ObjectNode root =
        read("a: true\nb: \"true\"\nc: yes\nd: 256\ne: '256'\nf: ~\ng:\nh: !!str 1\n");
    assertThat(((ScalarNode) root.get("a")).type()).isEqualTo(ScalarNode.Type.BOOLEAN);
    assertThat(((ScalarNode) root.get("b")).type()).isEqualTo(ScalarNode.Type.STRING);
    assertThat(((ScalarNode) root.get("c")).text()).isEqualTo("true");
    assertThat(((ScalarNode) root.get("d")).type()).isEqualTo(ScalarNode.Type.NUMBER);
    assertThat(((ScalarNode) root.get("e")).type()).isEqualTo(ScalarNode.Type.STRING);
    assertThat(((ScalarNode) root.get("f")).type()).isEqualTo(ScalarNode.Type.NULL);
    assertThat(((ScalarNode) root.get("g")).type()).isEqualTo(ScalarNode.Type.NULL);
    assertThat(((ScalarNode) root.get("h")).type()).isEqualTo(ScalarNode.Type.STRING);
  }

  @Test
  void blockMappingsAreShownAtTheirKey() throws InputException {
    ObjectNode root = read("Resources:\n  Web:\n    Type: AWS::ECS::Cluster\n");
    assertThat(((ObjectNode) root.get("Resources")).get("Web").line()).isEqualTo(2);
  }

  @Test
  void aliasesAreCopiedWhereTheyStand() throws InputException {
    ObjectNode root = read("a: &base {user: \"1000\"}\nb: *base\n");
    ObjectNode copy = (ObjectNode) root.get("b");
    assertThat(((ScalarNode) copy.get("user")).text()).isEqualTo("1000");
    assertThat(copy.get("user").pointer()).isEqualTo("/b/user");
  }

  @Test
  void anAliasBombIsRefusedQuickly() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      bomb.append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
    }
    assertThatThrownBy(() -> read(bomb.toString()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("t.yaml:")
        .hasMessageContaining(
            "refused: YAML aliases expand to over 1000000 values (an alias bomb?)");
  }

  @Test
  void mergeKeysBringTheMergedMapsKeysWhereExplicitKeysAndEarlierMapsWin() throws InputException {
    ObjectNode root =
        read(
            """
        a: &a {Privileged: true, User: root}
        b: &b {Privileged: false, Image: nginx}
        one: {<<: *a, Name: web}
        explicit: {Privileged: false, <<: *a}
        list: {<<: [*b, *a]}
        quoted: {"<<": *a}
        """);
    ObjectNode one = (ObjectNode) root.get("one");
    assertThat(one.names()).containsExactlyInAnyOrder("Name", "Privileged", "User");
    assertThat(one.get("Privileged").location())
        .isEqualTo(new Location("t.yaml", "/one/Privileged", 1, 20));
    assertThat(((ScalarNode) ((ObjectNode) root.get("explicit")).get("Privileged")).text())
        .isEqualTo("false");
    ObjectNode list = (ObjectNode) root.get("list");
    assertThat(((ScalarNode) list.get("Privileged")).text()).isEqualTo("false");
    assertThat(list.names()).containsExactlyInAnyOrder("Privileged", "Image", "User");
    assertThat(((ObjectNode) root.get("quoted")).names())
        .containsExactly("<<"); // a quoted << is an ordinary key
  }

  @Test
  void aMergeOfSomethingOtherThanAMapIsAnErrorWithItsPosition() {
    assertThatThrownBy(() -> read("a: {<<: 5}\n"))
        .hasMessage(
            "t.yaml:1:9: a YAML merge (<<) needs a mapping or a list of mappings, not a number");
    assertThatThrownBy(() -> read("a: &a {x: 1}\nb:\n  <<: [*a, [1]]\n"))
        .hasMessage(
            "t.yaml:3:12: a YAML merge (<<) needs a mapping or a list of mappings, not an array");
    // A function's value is known only to CloudFormation; merging its name as a key would hide what
    // it gives.
    assertThatThrownBy(() -> read("a: &a {x: 1}\nb:\n  <<: !If [C, *a, *a]\n"))
        .hasMessage(
            "t.yaml:3:7: a YAML merge (<<) needs a mapping or a list of mappings, not the function Fn::If");
    assertThatThrownBy(() -> read("a: &a !If [C, {x: 1}, {x: 2}]\nb:\n  <<: [*a]\n"))
        .hasMessage(
            "t.yaml:1:4: a YAML merge (<<) needs a mapping or a list of mappings, not the function Fn::If");
  }

  @Test
  void mergesCountAgainstTheAliasBudget() {
    StringBuilder bomb = new StringBuilder("a0: &a0 {k: [x, x, x, x, x, x, x, x, x, x]}\n");
    for (int i = 1; i < 8; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" {");
      for (int j = 0; j < 10; j++) {
        bomb.append("m").append(j).append(": {<<: *a").append(i - 1).append("}, ");
      }
      bomb.append("k: x}\n");
    }
    assertThatThrownBy(() -> read(bomb.toString()))
        .hasMessageContaining("refused: YAML aliases expand to over 1000000 values");
  }

  @Test
  void anAliasOfATaggedValueIsTheFunction() throws InputException {
    ObjectNode root = read("a: &a !If [C, true, false]\nb: *a\n");
    assertThat(((ObjectNode) root.get("b")).names()).containsExactly("Fn::If");
  }

  @Test
  void malformedYamlNamesLineAndColumnAndNeverQuotesTheFile() {
    assertThatThrownBy(() -> read("a: 1\nb: [AKIAIOSFODNN7EXAMPLE\nc: 2\n"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("t.yaml:")
        .hasMessageContaining("malformed YAML")
        .hasMessageNotContaining("AKIA");
    assertThatThrownBy(() -> read("a: *nowhere\n"))
        .hasMessageContaining(
            "t.yaml:1:4: malformed YAML: an alias to an anchor not defined before it");
    assertThatThrownBy(() -> read("a: 1\n---\nb: 2\n"))
        .hasMessageContaining("more than one YAML document");
    assertThatThrownBy(() -> read(""))
        .hasMessage("t.yaml:1:1: empty file: expected a YAML mapping or list");
    assertThatThrownBy(() -> read("? [a]\n: b\n"))
        .hasMessageContaining("a mapping or list used as a mapping key");
    assertThatThrownBy(() -> read("a:\n  Privileged: true\n  Privileged: false\n"))
        .hasMessage("t.yaml:3:3: the key Privileged appears twice in the same mapping");
  }

  @Test
  void deepNestingIsRefused() {
    assertThatThrownBy(() -> read("a: " + "[".repeat(200) + "]".repeat(200) + "\n"))
        .hasMessageContaining("refused: nested too deeply");
  }

  @Test
  void aFileNamedNeitherJsonNorYamlIsToldByItsFirstCharacter() throws InputException {
    assertThat(reader.read("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), "x.template").root())
        .isInstanceOf(ObjectNode.class);
    assertThat(reader.read("a: !Ref B".getBytes(StandardCharsets.UTF_8), "x.template").root())
        .isInstanceOf(ObjectNode.class);
  }
}
