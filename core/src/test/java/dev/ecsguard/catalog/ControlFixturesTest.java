package dev.ecsguard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ecsguard.control.Control;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scans;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every control on its fixtures. A fixture's name is the verdict every resource in it must get
 * ({@code failed.json}, {@code failed.cfn.yaml}, {@code failed.tf/} → FAILED); {@code
 * messages.json} beside them lists, per fixture name, what each FAILED or UNKNOWN message must
 * name.
 */
class ControlFixturesTest {

  /**
   * A control's fixtures: the test resource folder named as its class ({@code
   * catalog/taskdefinition/PrivilegedContainer/}).
   */
  static Path fixtures(Control<?> control) {
    try {
      return Path.of(ControlFixturesTest.class.getResource("/").toURI())
          .resolve(control.getClass().getName().replace('.', '/'));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The input forms a fixture takes, each the end of its name after the verdict: {@code .json} ECS
   * API JSON (register input or describe output), {@code .cfn.yaml} and {@code .cfn.json}
   * CloudFormation, {@code .plan.json} a Terraform plan, and a directory {@code .tf} a Terraform
   * module (its .tf files are read together, so each verdict has its own). Every control has its
   * passed and failed fixtures in each ({@link CatalogueTest}).
   */
  /**
   * Beside the fixtures: what their messages must name, and the forms in which a verdict cannot
   * arise, each with the reason ({@code unreachable.json}: {"failed.cfn.yaml": "why"}).
   */
  static final List<String> NOT_FIXTURES = List.of("messages.json", "unreachable.json");

  static final List<String> FORMS = List.of(".json", ".cfn.yaml", ".cfn.json", ".plan.json", ".tf");

  /** The verdict a fixture's name stands for: its name up to the first dot ({@link #FORMS}). */
  static Status expectedStatus(Path file) {
    String name = file.getFileName().toString();
    return Status.valueOf(
        name.substring(0, name.indexOf('.')).toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  static List<Path> fixtureFiles(Control<?> control) throws IOException {
    Path folder = fixtures(control);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(file -> !NOT_FIXTURES.contains(file.getFileName().toString()))
          .sorted()
          .toList();
    }
  }

  @TestFactory
  Stream<DynamicNode> everyControlDecidesItsFixturesAsTheirNamesSay() {
    return Catalogue.CONTROLS.stream()
        .map(control -> DynamicContainer.dynamicContainer(control.info().id(), casesOf(control)));
  }

  private static Stream<DynamicNode> casesOf(Control<?> control) {
    String id = control.info().id();
    List<DynamicNode> cases = new ArrayList<>();
    try {
      Map<String, Map<String, List<String>>> messages =
          readMessages(fixtures(control).resolve("messages.json"));
      for (Path file : fixtureFiles(control)) {
        Status expected = expectedStatus(file);
        ScanResult result = Scans.files(List.of(id), file);
        cases.add(
            DynamicTest.dynamicTest(
                file.getFileName() + " reads cleanly and holds cases",
                () -> {
                  assertThat(result.errors()).isEmpty();
                  assertThat(result.notes()).isEmpty();
                  assertThat(result.findings())
                      .as("resources of the control's type in " + file)
                      .isNotEmpty();
                }));
        for (Finding finding : result.findings()) {
          List<String> mustName =
              messages
                  .getOrDefault(file.getFileName().toString(), Map.of())
                  .getOrDefault(finding.resourceId(), List.of());
          cases.add(
              DynamicTest.dynamicTest(
                  file.getFileName() + " " + finding.resourceId(),
                  () -> {
                    assertThat(finding.status()).as(finding.message()).isEqualTo(expected);
                    if (!mustName.isEmpty()) {
                      assertThat(finding.message()).contains(mustName);
                    }
                  }));
        }
        for (String resourceId :
            messages.getOrDefault(file.getFileName().toString(), Map.of()).keySet()) {
          cases.add(
              DynamicTest.dynamicTest(
                  "messages.json names a resource of " + file.getFileName() + ": " + resourceId,
                  () ->
                      assertThat(result.findings())
                          .extracting(Finding::resourceId)
                          .contains(resourceId)));
        }
      }
    } catch (IOException e) {
      cases.add(
          DynamicTest.dynamicTest(
              "fixtures readable",
              () -> {
                throw e;
              }));
    }
    return cases.stream();
  }

  /** messages.json: {"failed.json": {"resourceId": ["substring", ...]}}. */
  static Map<String, Map<String, List<String>>> readMessages(Path file) throws IOException {
    Map<String, Map<String, List<String>>> messages = new HashMap<>();
    if (!Files.exists(file)) {
      return messages;
    }
    try (JsonParser json = new JsonFactory().createParser(file.toFile())) {
      expect(json.nextToken(), JsonToken.START_OBJECT);
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        Map<String, List<String>> byResource =
            messages.computeIfAbsent(json.currentName(), name -> new HashMap<>());
        expect(json.nextToken(), JsonToken.START_OBJECT);
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String resource = json.currentName();
          List<String> substrings = new ArrayList<>();
          expect(json.nextToken(), JsonToken.START_ARRAY);
          while (json.nextToken() == JsonToken.VALUE_STRING) {
            substrings.add(json.getText());
          }
          byResource.put(resource, substrings);
        }
      }
    }
    return messages;
  }

  private static void expect(JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new IllegalStateException(
          "messages.json: expected " + expected + " but found " + actual);
    }
  }
}
