package dev.ecsguard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scans;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Task definitions the fixtures never show, decided by the controls and by a plain reading of the
 * spec written here independently: the two must agree.
 */
class ContainerControlProperties {
  /** A JSON value as it would be written in a member, or null to leave the member out. */
  record Field(String json) {
    boolean absent() {
      return json == null || json.equals("null") || json.equals("\"\"");
    }

    boolean wrongType(String expectedStart) {
      return !absent() && !json.startsWith(expectedStart);
    }

    String text() {
      return json.substring(1, json.length() - 1);
    }
  }

  record Container(Field privileged, Field readOnly, Field user) {}

  record Task(Field osFamily, List<Container> containers) {
    String json() {
      StringBuilder out = new StringBuilder("{\"family\":\"generated\"");
      if (osFamily.json() != null) {
        out.append(",\"runtimePlatform\":{\"operatingSystemFamily\":")
            .append(osFamily.json())
            .append('}');
      }
      out.append(",\"containerDefinitions\":[");
      for (int i = 0; i < containers.size(); i++) {
        Container container = containers.get(i);
        out.append(i == 0 ? "" : ",").append("{\"name\":\"c").append(i).append('"');
        member(out, "privileged", container.privileged());
        member(out, "readonlyRootFilesystem", container.readOnly());
        member(out, "user", container.user());
        out.append('}');
      }
      return out.append("]}").toString();
    }

    private static void member(StringBuilder out, String name, Field field) {
      if (field.json() != null) {
        out.append(",\"").append(name).append("\":").append(field.json());
      }
    }
  }

  @Provide
  Arbitrary<Task> tasks() {
    Arbitrary<Field> flags =
        Arbitraries.of("true", "false", null, "null", "\"yes\"", "1").map(Field::new);
    Arbitrary<Field> users =
        Arbitraries.of(
                null,
                "\"\"",
                "\"root\"",
                "\"0\"",
                "\"0:0\"",
                "\"1000\"",
                "\"app:app\"",
                "\"ContainerAdministrator\"",
                "\"containeradministrator\"",
                "\"ContainerUser\"",
                "5",
                "[]")
            .map(Field::new);
    Arbitrary<Field> families =
        Arbitraries.of(
                null,
                "\"LINUX\"",
                "\"WINDOWS_SERVER_2022_CORE\"",
                "\"WINDOWS_SERVER_2019_FULL\"",
                "\"linux\"",
                "3")
            .map(Field::new);
    Arbitrary<Container> containers = Combinators.combine(flags, flags, users).as(Container::new);
    return Combinators.combine(families, containers.list().ofMinSize(1).ofMaxSize(4)).as(Task::new);
  }

  /** The spec's rule: FAILED wins, then UNKNOWN, else PASSED. */
  private static Status decide(
      List<Container> containers, Function<Container, Status> perContainer) {
    List<Status> statuses = containers.stream().map(perContainer).toList();
    return statuses.contains(Status.FAILED)
        ? Status.FAILED
        : statuses.contains(Status.UNKNOWN) ? Status.UNKNOWN : Status.PASSED;
  }

  private static Map<String, Status> verdicts(Task task, String... controls) {
    ScanResult result = Scans.json(task.json(), controls);
    assertThat(result.errors()).isEmpty();
    return result.findings().stream()
        .collect(Collectors.toMap(finding -> finding.control().id(), Finding::status));
  }

  @Property
  void ecs4FailsOnlyKnownPrivilegedContainers(@ForAll("tasks") Task task) {
    Status expected =
        decide(
            task.containers(),
            c ->
                c.privileged().json() != null && c.privileged().json().equals("true")
                    ? Status.FAILED
                    : c.privileged().wrongType("t") && c.privileged().wrongType("f")
                        ? Status.UNKNOWN
                        : Status.PASSED);
    assertThat(verdicts(task, "ECS.4")).containsEntry("ECS.4", expected);
  }

  @Property
  void ecs5FailsWritableOrUnsetRootFilesystemsOutsideWindows(@ForAll("tasks") Task task) {
    Status expected;
    if (task.osFamily().wrongType("\"")) {
      expected = Status.UNKNOWN;
    } else if (!task.osFamily().absent() && task.osFamily().text().startsWith("WINDOWS_SERVER")) {
      expected = Status.NOT_APPLICABLE;
    } else {
      expected =
          decide(
              task.containers(),
              c ->
                  c.readOnly().absent() || c.readOnly().json().equals("false")
                      ? Status.FAILED
                      : c.readOnly().json().equals("true") ? Status.PASSED : Status.UNKNOWN);
    }
    assertThat(verdicts(task, "ECS.5")).containsEntry("ECS.5", expected);
  }

  @Property
  void ecs20FailsUnsetRootAndZeroUsersOnLinux(@ForAll("tasks") Task task) {
    Status expected;
    if (task.osFamily().wrongType("\"")) {
      expected = Status.UNKNOWN;
    } else if (!task.osFamily().absent() && task.osFamily().text().startsWith("WINDOWS_SERVER")) {
      expected = Status.NOT_APPLICABLE;
    } else if (!task.osFamily().absent() && !task.osFamily().text().equals("LINUX")) {
      expected = Status.UNKNOWN; // a family AWS does not know: neither in nor out of scope
    } else {
      expected =
          decide(
              task.containers(),
              c ->
                  c.user().absent()
                      ? Status.FAILED
                      : c.user().wrongType("\"")
                          ? Status.UNKNOWN
                          : List.of("root", "0").contains(c.user().text())
                              ? Status.FAILED
                              : Status.PASSED);
    }
    assertThat(verdicts(task, "ECS.20")).containsEntry("ECS.20", expected);
  }

  @Property
  void ecs21FailsUnsetAndAdministratorUsersOnWindows(@ForAll("tasks") Task task) {
    Status expected;
    if (task.osFamily().wrongType("\"")) {
      expected = Status.UNKNOWN;
    } else if (!task.osFamily().absent() && task.osFamily().text().equals("LINUX")) {
      expected = Status.NOT_APPLICABLE;
    } else if (!task.osFamily().absent() && !task.osFamily().text().startsWith("WINDOWS_SERVER")) {
      expected = Status.UNKNOWN;
    } else {
      expected =
          decide(
              task.containers(),
              c ->
                  c.user().absent()
                      ? Status.FAILED
                      : c.user().wrongType("\"")
                          ? Status.UNKNOWN
                          : c.user()
                                  .text()
                                  .toLowerCase(Locale.ROOT)
                                  .equals("containeradministrator")
                              ? Status.FAILED
                              : Status.PASSED);
    }
    assertThat(verdicts(task, "ECS.21")).containsEntry("ECS.21", expected);
  }

  @Property
  void ecs20AndEcs21BothJudgeTaskDefinitionsWithoutAPlatform(@ForAll("tasks") Task task) {
    Task noPlatform = new Task(new Field(null), task.containers());
    assertThat(verdicts(noPlatform, "ECS.20", "ECS.21").values())
        .doesNotContain(Status.NOT_APPLICABLE);
  }
}
