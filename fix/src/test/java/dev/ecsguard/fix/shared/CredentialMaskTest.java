package dev.ecsguard.fix.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsguard.control.RemedyOptions;
import dev.ecsguard.fix.FileFix;
import dev.ecsguard.tree.InputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each spelling a shown text gives a credential is hidden; what holds none stays as written. */
class CredentialMaskTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode variable(String name, String value) {
    return JSON.createObjectNode()
        .set(
            "environment",
            JSON.createArrayNode()
                .add(JSON.createObjectNode().put("name", name).put("value", value)));
  }

  @Test
  void yamlSpellingsAreHidden() {
    String text =
        """
        Environment:
          - {Name: DB_PASSWORD, Value: 'it''s-a-secret'}
          - Name: API_TOKEN
            Value: "tok\\x65n-value-1"
          - Name: TLS_PRIVATE_KEY
            Value: >-
              first-half-of-the-key
              second-half-of-the-key
          - {Name: MODE, Value: live-mode-on}
        """;
    CredentialMask mask =
        CredentialMask.of(
            List.of(
                variable("DB_PASSWORD", "it's-a-secret"),
                variable("API_TOKEN", "token-value-1"),
                variable("TLS_PRIVATE_KEY", "first-half-of-the-key second-half-of-the-key"),
                variable("MODE", "live-mode-on")),
            true,
            text);
    assertThat(mask.apply(text))
        .doesNotContain("secret")
        .doesNotContain("value-1")
        .doesNotContain("half")
        .contains("live-mode-on")
        .contains("Value: '(value not shown)'")
        .contains("Value: (value not shown)\n");
  }

  @Test
  void aCredentialWrittenAsAKeyIsHiddenToo() {
    String text = "dockerLabels:\n  AKIAIOSFODNN7EXAMPLE: team-a\n";
    JsonNode labels =
        JSON.createObjectNode()
            .set("dockerLabels", JSON.createObjectNode().put("AKIAIOSFODNN7EXAMPLE", "team-a"));
    assertThat(CredentialMask.of(List.of(labels), true, text).apply(text))
        .doesNotContain("AKIAIOSFODNN7EXAMPLE")
        .contains("team-a");
  }

  @Test
  void jsonInAQuotedStringAndEscapesAreHidden() {
    String text =
        "container_definitions = \"[{\\\"name\\\":\\\"a\\\",\\\"environment\\\":[{\\\"name\\\":\\\"DB_PASSWORD\\\",\\\"value\\\":\\\"p\\\\/w-\\\\u0041bcdefg\\\"}]}]\"";
    CredentialMask mask =
        CredentialMask.of(List.of(variable("DB_PASSWORD", "p/w-Abcdefg")), false, text);
    assertThat(mask.apply(text)).doesNotContain("bcdefg").contains("(value not shown)");
  }

  private static final RemedyOptions OPTIONS =
      new RemedyOptions("1000:1000", List.of(), "eu-west-1", Map.of(), false);

  /**
   * The literals an intrinsic holds under a secret-like name; "abc" and "x" are too short to hide.
   */
  private static final List<String> IN_INTRINSICS =
      List.of(
          "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "SubLiteralPw123",
          "defghijk123",
          "ProdIfPassw0rd",
          "LabelSubPw77");

  @Test
  void literalsInsideAnIntrinsicUnderASecretLikeNameAreHiddenInAYamlTemplate()
      throws InputException {
    String template =
        """
        Resources:
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions:
                - Name: app
                  Image: x
                  Environment:
                    - {Name: AWS_SECRET_ACCESS_KEY, Value: !Sub "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}
                    - {Name: DB_PASSWORD, Value: !Sub "SubLiteralPw123"}
                    - {Name: API_TOKEN, Value: !Join ["", ["abc", "defghijk123"]]}
                    - {Name: ADMIN_PASSWORD, Value: !If [c, "ProdIfPassw0rd", "x"]}
                  Privileged: true
                  DockerLabels:
                    password: !Sub "LabelSubPw77"
                    team: !Sub "data-team"
        """;
    String diff = FileFix.fix("cf.yaml", template, OPTIONS).diff();
    assertThat(diff).contains("Privileged").contains("data-team").contains("\"abc\"");
    IN_INTRINSICS.forEach(secret -> assertThat(diff).as(secret).doesNotContain(secret));
  }

  @Test
  void literalsInsideAnIntrinsicUnderASecretLikeNameAreHiddenInAJsonTemplate()
      throws InputException {
    String template =
        """
        {"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [{"Name": "app", "Image": "x",
          "Environment": [{"Name": "AWS_SECRET_ACCESS_KEY", "Value": {"Fn::Sub": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}},
            {"Name": "DB_PASSWORD", "Value": {"Fn::Sub": "SubLiteralPw123"}},
            {"Name": "API_TOKEN", "Value": {"Fn::Join": ["", ["abc", "defghijk123"]]}},
            {"Name": "ADMIN_PASSWORD", "Value": {"Fn::If": ["c", "ProdIfPassw0rd", "x"]}}],
          "Privileged": true,
          "DockerLabels": {"password": {"Fn::Sub": "LabelSubPw77"}, "team": {"Fn::Sub": "data-team"}}}]}}}}
        """;
    String diff = FileFix.fix("cf.json", template, OPTIONS).diff();
    assertThat(diff).contains("Privileged").contains("data-team");
    IN_INTRINSICS.forEach(secret -> assertThat(diff).as(secret).doesNotContain(secret));
  }

  @Test
  void aQuotedCommandValueWithSpacesIsHiddenWhole() throws InputException {
    String task =
        """
        {"family": "f", "containerDefinitions": [{"name": "a", "image": "x",
          "command": ["mysqld", "--password='correct horse battery'", "--api-key", "Quoted Key Value"],
          "entryPoint": ["sh -c \\"PGPASSWORD=\\\\\\"two words here\\\\\\" psql\\""],
          "privileged": true}]}
        """;
    String diff = FileFix.fix("td.json", task, OPTIONS).diff();
    assertThat(diff).contains("privileged").contains("mysqld");
    for (String secret :
        List.of("correct", "horse battery", "Quoted", "Key Value", "two words", "here")) {
      assertThat(diff).as(secret).doesNotContain(secret);
    }
  }

  @Test
  void anObjectUnderASecretLikeKeyThatIsNoFunctionIsNoSecret() throws Exception {
    String text =
        "Parameters:\n  DbPassword: {Type: String}\nLabels:\n  db.password: !Sub \"LabelPw99\"\n";
    JsonNode template =
        JSON.readTree(
            "{\"Parameters\": {\"DbPassword\": {\"Type\": \"String\"}}, \"Labels\": {\"db.password\": {\"Fn::Sub\": \"LabelPw99\"}}}");
    assertThat(CredentialMask.of(List.of(template), true, text).apply(text))
        .contains("Type: String")
        .doesNotContain("LabelPw99");
  }

  @Test
  void nothingRecognisedLeavesTheTextAsItIs() {
    String text = "{\"name\": \"DB_PASSWORD\", \"value\": \"${DB_PASSWORD}\"}";
    assertThat(
            CredentialMask.of(List.of(variable("DB_PASSWORD", "${DB_PASSWORD}")), false, text)
                .apply(text))
        .isEqualTo(text);
  }
}
