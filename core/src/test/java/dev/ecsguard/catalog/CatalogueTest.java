package dev.ecsguard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.Status;
import dev.ecsguard.model.Resource;
import dev.ecsguard.model.Workload;
import dev.ecsguard.report.ControlTable;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules every control keeps: metadata, lesson, fixtures, and a place in the README's table. */
class CatalogueTest {
  private static final List<String> LESSON_SECTIONS =
      List.of("## What it checks", "## Why it matters", "## How to fix it", "## What it is not");

  static Stream<Control<?>> controls() {
    return Catalogue.CONTROLS.stream();
  }

  @Test
  void idsAreUniqueAndCoverSecurityHubsCatalogue() {
    List<String> ids = Catalogue.CONTROLS.stream().map(control -> control.info().id()).toList();
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids)
        .containsAll(
            List.of(
                "ECS.1", "ECS.2", "ECS.3", "ECS.4", "ECS.5", "ECS.8", "ECS.9", "ECS.10", "ECS.12",
                "ECS.13", "ECS.14", "ECS.15", "ECS.16", "ECS.17", "ECS.18", "ECS.19", "ECS.20",
                "ECS.21"))
        .doesNotContain("ECS.6", "ECS.7", "ECS.11");
    assertThat(
            Catalogue.CONTROLS.stream()
                .filter(control -> control.info().retired())
                .map(control -> control.info().id()))
        .containsExactly("ECS.1");
  }

  @Test
  void everyControlClassIsInTheCatalogue() throws IOException, URISyntaxException {
    Path catalog = Path.of(Catalogue.class.getResource("Catalogue.class").toURI()).getParent();
    Path classes = catalog.getParent().getParent().getParent();
    Set<String> registered =
        Catalogue.CONTROLS.stream()
            .map(control -> control.getClass().getName())
            .collect(Collectors.toSet());
    try (Stream<Path> files = Files.walk(catalog)) {
      List<String> annotated =
          files
              .map(file -> classes.relativize(file).toString())
              .filter(name -> name.endsWith(".class") && !name.contains("$"))
              .map(
                  name ->
                      name.substring(0, name.length() - ".class".length())
                          .replace(java.io.File.separatorChar, '.'))
              .filter(name -> load(name).isAnnotationPresent(ControlSpec.class))
              .toList();
      assertThat(registered).containsExactlyInAnyOrderElementsOf(annotated);
    }
  }

  @Test
  void eachControlLivesInThePackageOfTheResourceTypeItJudges() {
    for (Control<?> control : Catalogue.CONTROLS) {
      assertThat(control.getClass().getPackageName())
          .as(control.info().id())
          .isEqualTo(
              Catalogue.class.getPackageName()
                  + "."
                  + control
                      .info()
                      .resourceType()
                      .name()
                      .replace("_", "")
                      .toLowerCase(java.util.Locale.ROOT));
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void metadataIsComplete(Control<?> control) {
    ControlInfo info = control.info();
    assertThat(info.id()).matches("ECS\\.\\d+|ECSG\\.\\d+");
    assertThat(info.title()).isNotBlank().doesNotEndWith(".");
    assertThat(info.remediation()).isNotBlank().endsWith(".");
    assertThat(Modifier.isFinal(control.getClass().getModifiers())).isTrue();
    assertThat(info.configRule().isEmpty()).isEqualTo(!info.fromSecurityHub());
    Class<? extends Resource> modelType = control.resourceClass();
    // Services and task sets alike (Workload) are listed as services: a control has one type.
    String modelName = modelType == Workload.class ? "Service" : modelType.getSimpleName();
    assertThat(modelName.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase())
        .as("resourceType matches the model type the control evaluates")
        .isEqualTo(info.resourceType().name());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void hasALessonWithTheRequiredSectionsAndNoTitle(Control<?> control) {
    String lesson =
        Lessons.of(control)
            .orElseThrow(() -> new AssertionError("no lesson at " + Lessons.resource(control)));
    assertThat(lesson)
        .as("the title comes from the metadata")
        .doesNotStartWith("# ")
        .doesNotContain("\n# ");
    List<String> headings = lesson.lines().filter(line -> line.startsWith("## ")).toList();
    assertThat(headings.subList(0, Math.min(4, headings.size()))).isEqualTo(LESSON_SECTIONS);
    if (!control.info().parameters().isEmpty()) {
      assertThat(headings).contains("## Parameters");
      control
          .info()
          .parameters()
          .forEach(parameter -> assertThat(lesson).contains(parameter.name()));
    }
    if (control.info().retired()) {
      assertThat(lesson).containsIgnoringCase("retired");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void hasFixturesForEveryVerdictItCanGive(Control<?> control) throws IOException {
    String id = control.info().id();
    Set<Status> covered =
        ControlFixturesTest.fixtureFiles(control).stream()
            .map(ControlFixturesTest::expectedStatus)
            .collect(Collectors.toSet());
    assertThat(covered).contains(Status.PASSED, Status.FAILED, Status.UNKNOWN);
    assertThat(covered.contains(Status.NOT_APPLICABLE))
        .as("a not-applicable fixture exactly when the control declares what is out of scope")
        .isEqualTo(!control.info().outOfScope().isEmpty());
    assertThat(ControlFixturesTest.fixtures(control).resolve("messages.json")).exists();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void hasPassedAndFailedFixturesInEveryInputForm(Control<?> control) throws IOException {
    Path folder = ControlFixturesTest.fixtures(control);
    Map<String, String> unreachable = unreachable(folder.resolve("unreachable.json"));
    List<String> missing =
        Stream.of("passed", "failed")
            .flatMap(verdict -> ControlFixturesTest.FORMS.stream().map(form -> verdict + form))
            .filter(
                name ->
                    name.endsWith(".tf")
                        ? !Files.isDirectory(folder.resolve(name))
                        : !Files.isRegularFile(folder.resolve(name)))
            .filter(name -> !unreachable.containsKey(name))
            .toList();
    assertThat(missing)
        .as(
            control.info().id()
                + ": passed and failed fixtures in every input form (a .tf fixture is a module's directory)")
        .isEmpty();
  }

  /**
   * The fixtures a control cannot have, each with why (ECSG.11 cannot fail in a template: what a
   * template or module holds is what it registers, the latest revision); an empty reason is none.
   */
  private static Map<String, String> unreachable(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Map.of();
    }
    Map<String, String> reasons = new java.util.HashMap<>();
    new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(file.toFile())
        .properties()
        .forEach(
            entry -> {
              assertThat(entry.getValue().asText())
                  .as("why " + entry.getKey() + " cannot be")
                  .isNotBlank();
              reasons.put(entry.getKey(), entry.getValue().asText());
            });
    return reasons;
  }

  @Test
  void readmeControlTableIsCurrent() throws IOException {
    Path readme = Path.of("..", "README.md");
    String text = Files.readString(readme);
    Matcher table =
        Pattern.compile("<!-- controls:start -->\n(.*?)<!-- controls:end -->", Pattern.DOTALL)
            .matcher(text);
    assertThat(table.find()).as("README.md has the control table between its markers").isTrue();
    assertThat(table.group(1))
        .as("README's table is stale: paste the output of `./ecsguard controls --format markdown`")
        .isEqualTo(ControlTable.markdown(Catalogue.CONTROLS));
  }
}
