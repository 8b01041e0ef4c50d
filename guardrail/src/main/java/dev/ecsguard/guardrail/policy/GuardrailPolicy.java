package dev.ecsguard.guardrail.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.engine.Selection;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The policy that denies, at the API call and for every client, what ECS's condition keys can
 * express of the controls: a service control policy, or the same denies in a permissions boundary.
 *
 * <p>Each statement denies only an explicit {@code true}: plain {@code Bool} and {@code
 * StringEqualsIgnoreCase}, never their {@code ...IfExists} forms. An {@code IfExists} operator is
 * true when the key is absent, so on a Deny it would refuse every call that leaves the field out
 * (every UpdateService that does not touch the network configuration, say). Without it, a request
 * whose context lacks the key matches nothing and is left to the other policies; AWS does not
 * document when ECS leaves a key out, nor what {@code ecs:privileged} holds when containers
 * disagree, which is why the hook and the Config rule stay behind this policy.
 */
public final class GuardrailPolicy {
  /** AWS Organizations' limit on one service control policy, whitespace included. */
  public static final int SCP_MAX_CHARACTERS = 5120;

  /** A control that one ECS condition key carries, denied on the actions that take the key. */
  record Prevention(
      String controlId,
      String sid,
      List<String> actions,
      String operator,
      String conditionKey,
      String deniedValue) {}

  /**
   * Every control a key carries, as the Service Authorization Reference for Amazon ECS lists the
   * keys: {@code ecs:privileged} (String) on RegisterTaskDefinition and
   * RegisterDaemonTaskDefinition; {@code ecs:auto-assign-public-ip} (Bool) on CreateService and
   * UpdateService only, so ECS.16's CreateTaskSet is out of reach. The String key is compared
   * ignoring case: its spelling of true is not documented.
   */
  static final List<Prevention> PREVENTIONS =
      List.of(
          new Prevention(
              "ECS.4",
              "DenyPrivilegedContainersECS4",
              List.of("ecs:RegisterTaskDefinition", "ecs:RegisterDaemonTaskDefinition"),
              "StringEqualsIgnoreCase",
              "ecs:privileged",
              "true"),
          new Prevention(
              "ECS.2",
              "DenyServicePublicIpECS2",
              List.of("ecs:CreateService", "ecs:UpdateService"),
              "Bool",
              "ecs:auto-assign-public-ip",
              "true"));

  /** The two forms {@code guardrail policy} prints. */
  public enum Kind {
    /** A service control policy: only the denies (FullAWSAccess, or another SCP, allows). */
    SCP,
    /**
     * A permissions boundary: allows everything the identity's own policies allow, except the
     * denies, and keeps the bounded principal from taking a boundary off or replacing it.
     */
    BOUNDARY
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GuardrailPolicy() {}

  /** The ids of the controls a policy can prevent, in the catalogue's order of statements. */
  public static List<String> preventable() {
    return PREVENTIONS.stream().map(Prevention::controlId).toList();
  }

  /**
   * The policy for {@code controlIds} (any letter case; empty: every control a key carries).
   *
   * @throws IllegalArgumentException for an unknown id, or one no condition key carries
   */
  public static ObjectNode build(Kind kind, Collection<String> controlIds) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String id : controlIds) {
      String known = Selection.find(id).info().id();
      if (!preventable().contains(known)) {
        throw new IllegalArgumentException(
            known
                + " cannot be prevented by a policy: no ECS condition key carries it (a policy can prevent "
                + String.join(", ", preventable())
                + "; the hook and the Config rule cover the rest)");
      }
      wanted.add(known);
    }
    ArrayNode statements = NODES.arrayNode();
    if (kind == Kind.BOUNDARY) {
      statements.add(statement("AllowWithinBoundary", "Allow", List.of("*")));
    }
    for (Prevention prevention : PREVENTIONS) {
      if (wanted.isEmpty() || wanted.contains(prevention.controlId())) {
        ObjectNode deny = statement(prevention.sid(), "Deny", prevention.actions());
        deny.putObject("Condition")
            .putObject(prevention.operator())
            .put(prevention.conditionKey(), prevention.deniedValue());
        statements.add(deny);
      }
    }
    if (kind == Kind.BOUNDARY) {
      // Removing a boundary can only widen what a principal may do (IAM's API reference says so).
      statements.add(
          statement(
              "DenyBoundaryChanges",
              "Deny",
              List.of(
                  "iam:DeleteRolePermissionsBoundary",
                  "iam:DeleteUserPermissionsBoundary",
                  "iam:PutRolePermissionsBoundary",
                  "iam:PutUserPermissionsBoundary")));
    }
    ObjectNode policy = NODES.objectNode();
    policy.put("Version", "2012-10-17");
    policy.set("Statement", statements);
    return policy;
  }

  /** The policy as AWS's consoles show one: two-space indents, {@code "Key": value}. */
  public static String text(ObjectNode policy) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    try {
      return JSON.writer(printer).writeValueAsString(policy) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode statement(String sid, String effect, List<String> actions) {
    ObjectNode statement = NODES.objectNode();
    statement.put("Sid", sid);
    statement.put("Effect", effect);
    if (actions.size() == 1) {
      statement.put("Action", actions.get(0));
    } else {
      actions.forEach(statement.putArray("Action")::add);
    }
    statement.put("Resource", "*");
    return statement;
  }
}
