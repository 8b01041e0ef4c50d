package dev.ecsguard.guardrail.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.guardrail.policy.GuardrailPolicy.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GuardrailPolicyTest {
  private static final Path GOLDEN = Path.of("src/test/resources/dev/ecsguard/guardrail/policy");
  private static final Set<String> STATEMENT_MEMBERS =
      Set.of("Sid", "Effect", "Action", "Resource", "Condition");

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kind.class)
  void thePrintedPolicyIsUnchanged(Kind kind) throws IOException {
    String text = GuardrailPolicy.text(GuardrailPolicy.build(kind, List.of()));
    Path file = GOLDEN.resolve(kind.name().toLowerCase(java.util.Locale.ROOT) + ".json");
    if (Boolean.getBoolean("ecsguard.updateGolden")) {
      Files.writeString(file, text);
    }
    assertThat(text)
        .as(
            "%s changed; if that is intended, regenerate with -Decsguard.updateGolden=true and review the diff",
            file)
        .isEqualTo(Files.readString(file));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kind.class)
  void isAPolicyInIamGrammarWithinTheScpLimit(Kind kind) throws IOException {
    String text = GuardrailPolicy.text(GuardrailPolicy.build(kind, List.of()));
    assertThat(text.length()).isLessThan(GuardrailPolicy.SCP_MAX_CHARACTERS);
    JsonNode policy = new ObjectMapper().readTree(text);
    assertThat(fieldNames(policy)).containsExactly("Version", "Statement");
    assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
    assertThat(policy.get("Statement").isArray()).isTrue();
    Set<String> sids = new HashSet<>();
    for (JsonNode statement : policy.get("Statement")) {
      assertThat(STATEMENT_MEMBERS).containsAll(fieldNames(statement));
      assertThat(statement.get("Sid").asText()).matches("[A-Za-z0-9]+");
      assertThat(sids.add(statement.get("Sid").asText())).as("Sids are unique").isTrue();
      assertThat(statement.get("Effect").asText()).isIn("Allow", "Deny");
      assertThat(statement.get("Resource").asText()).isEqualTo("*");
      for (JsonNode action : actions(statement)) {
        assertThat(action.asText()).matches("\\*|(ecs|iam):[A-Z][A-Za-z]+");
      }
      if (statement.has("Condition")) {
        // An SCP takes conditions on Deny statements; every one here denies an explicit value.
        assertThat(statement.get("Effect").asText()).isEqualTo("Deny");
        statement
            .get("Condition")
            .fields()
            .forEachRemaining(
                operator -> {
                  assertThat(operator.getKey()).isIn("Bool", "StringEqualsIgnoreCase");
                  operator
                      .getValue()
                      .fields()
                      .forEachRemaining(
                          key -> assertThat(key.getValue().asText()).isEqualTo("true"));
                });
      }
    }
  }

  @Test
  void theScpHoldsOnlyDenies() {
    ObjectNode policy = GuardrailPolicy.build(Kind.SCP, List.of());
    policy.get("Statement").forEach(s -> assertThat(s.get("Effect").asText()).isEqualTo("Deny"));
    assertThat(policy.get("Statement")).hasSize(GuardrailPolicy.PREVENTIONS.size());
  }

  @Test
  void theBoundaryAllowsTheRestAndKeepsItselfOn() {
    List<String> sids = sids(GuardrailPolicy.build(Kind.BOUNDARY, List.of()));
    assertThat(sids)
        .containsExactly(
            "AllowWithinBoundary",
            "DenyPrivilegedContainersECS4",
            "DenyServicePublicIpECS2",
            "DenyBoundaryChanges");
  }

  @Test
  void controlsChooseTheStatementsInAnyLetterCase() {
    assertThat(sids(GuardrailPolicy.build(Kind.SCP, List.of("ecs.4"))))
        .containsExactly("DenyPrivilegedContainersECS4");
    assertThat(sids(GuardrailPolicy.build(Kind.BOUNDARY, List.of("ECS.2"))))
        .containsExactly("AllowWithinBoundary", "DenyServicePublicIpECS2", "DenyBoundaryChanges");
  }

  @Test
  void aControlNoKeyCarriesIsRefusedWithWhatCan() {
    assertThatThrownBy(() -> GuardrailPolicy.build(Kind.SCP, List.of("ECS.16")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "ECS.16 cannot be prevented by a policy: no ECS condition key carries it (a policy can prevent ECS.4, ECS.2; the hook and the Config rule cover the rest)");
    assertThatThrownBy(() -> GuardrailPolicy.build(Kind.SCP, List.of("ECS.6")))
        .hasMessageStartingWith("unknown control ECS.6");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<JsonNode> actions(JsonNode statement) {
    JsonNode action = statement.get("Action");
    List<JsonNode> actions = new ArrayList<>();
    if (action.isArray()) {
      action.forEach(actions::add);
    } else {
      actions.add(action);
    }
    return actions;
  }

  private static List<String> sids(ObjectNode policy) {
    List<String> sids = new ArrayList<>();
    policy.get("Statement").forEach(s -> sids.add(s.get("Sid").asText()));
    return sids;
  }
}
