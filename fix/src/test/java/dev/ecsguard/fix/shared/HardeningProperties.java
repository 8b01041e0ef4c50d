package dev.ecsguard.fix.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.RemedyOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over generated task definitions: a fix touches only what FAILED controls need, and fixing twice
 * changes nothing.
 */
class HardeningProperties {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> TOUCHED =
      Set.of(
          "privileged",
          "readonlyRootFilesystem",
          "user",
          "logConfiguration",
          "mountPoints",
          "linuxParameters",
          "environment",
          "secrets");
  private static final RemedyOptions OPTIONS =
      new RemedyOptions(
          "1000:1000",
          List.of("NET_ADMIN"),
          "eu-west-1",
          Map.of("AWS_ACCESS_KEY_ID", "arn:aws:secretsmanager:x"),
          false);

  @Provide
  Arbitrary<ObjectNode> taskDefinitions() {
    Arbitrary<ObjectNode> container =
        Combinators.combine(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                Arbitraries.of("", "true", "false"),
                Arbitraries.of("", "root", "0", "1000", "app:app"),
                Arbitraries.integers().between(0, 4096),
                Arbitraries.<List<String>>of(
                    List.of(),
                    List.of("AWS_ACCESS_KEY_ID"),
                    List.of("LOG_LEVEL", "AWS_SECRET_ACCESS_KEY")))
            .as(
                (name, privileged, user, memory, variables) -> {
                  ObjectNode c =
                      NODES
                          .objectNode()
                          .put("name", name)
                          .put("image", "repo/" + name + ":1")
                          .put("memory", memory);
                  if (!privileged.isEmpty()) {
                    c.put("privileged", Boolean.parseBoolean(privileged));
                  }
                  if (!user.isEmpty()) {
                    c.put("user", user);
                  }
                  ArrayNode environment = c.putArray("environment");
                  variables.forEach(
                      v ->
                          environment.add(
                              NODES.objectNode().put("name", v).put("value", "secret-" + v)));
                  c.putObject("dockerLabels").put("team", name);
                  return c;
                });
    return Combinators.combine(
            container.list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.of("awsvpc", "bridge", "host"),
            Arbitraries.of(true, false))
        .as(
            (containers, networkMode, efs) -> {
              ObjectNode task =
                  NODES
                      .objectNode()
                      .put("family", "f")
                      .put("networkMode", networkMode)
                      .put("cpu", "256");
              ArrayNode list = task.putArray("containerDefinitions");
              containers.forEach(list::add);
              if (efs) {
                task.putArray("volumes")
                    .add(
                        NODES
                            .objectNode()
                            .put("name", "data")
                            .set(
                                "efsVolumeConfiguration",
                                NODES.objectNode().put("fileSystemId", "fs-1")));
              }
              task.putArray("tags").add(NODES.objectNode().put("key", "team").put("value", "x"));
              return task;
            });
  }

  @Property(tries = 300)
  void fieldsNoControlNeedsAreKeptAndFixingTwiceChangesNothing(
      @ForAll("taskDefinitions") ObjectNode task) {
    ObjectNode fixed = new Hardening(OPTIONS).taskDefinition(task);
    assertThat(new Hardening(OPTIONS).taskDefinition(fixed)).isEqualTo(fixed);
    task.fieldNames()
        .forEachRemaining(
            field -> {
              if (!field.equals("containerDefinitions") && !field.equals("volumes")) {
                assertThat(fixed.get(field)).as(field).isEqualTo(task.get(field));
              }
            });
    for (int i = 0; i < task.get("containerDefinitions").size(); i++) {
      JsonNode before = task.get("containerDefinitions").get(i);
      JsonNode after = fixed.get("containerDefinitions").get(i);
      before
          .fieldNames()
          .forEachRemaining(
              field -> {
                if (!TOUCHED.contains(field)) {
                  assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
                }
              });
      assertThat(after.path("privileged").asBoolean(false)).isFalse();
      if (before.has("privileged") && !before.get("privileged").asBoolean()) {
        assertThat(after.get("privileged"))
            .as("privileged: false passes ECS.4, so it stays")
            .isEqualTo(before.get("privileged"));
      }
      assertThat(after.get("readonlyRootFilesystem").asBoolean()).isTrue();
      assertThat(after.get("environment").toString()).doesNotContain("AWS_ACCESS_KEY_ID");
    }
  }
}
