package dev.ecsguard.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scans;
import dev.ecsguard.format.terraform.TerraformVariables;
import dev.ecsguard.input.InputFormat;
import dev.ecsguard.model.Resource;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Node;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The same task definitions, services and clusters written in every input format of the registry
 * ({@link InputFormat}) get the same verdicts from every control: each format becomes the same
 * model. One resource of each type is compliant ("good"), one is not ("bad"). Each format's fixture
 * is named as the format (ECS_API: {@code ecs-api.json}); a directory format's is a directory of
 * that name.
 */
class ParityTest {
  private static final InputFormat.Options OPTIONS =
      new InputFormat.Options(
          new DocumentReader(InputLimits.DEFAULT),
          InputLimits.DEFAULT,
          Map.of(),
          TerraformVariables.NONE);

  @Test
  void everyFormatGetsTheSameVerdicts() throws URISyntaxException, IOException {
    Map<InputFormat, Map<String, Status>> verdictsByFormat = new TreeMap<>();
    for (InputFormat format : InputFormat.values()) {
      verdictsByFormat.put(format, verdicts(format.name(), fixture(format)));
    }
    Map<String, Status> expected = verdictsByFormat.get(InputFormat.ECS_API);
    assertThat(expected).hasSize(54).containsValue(Status.FAILED).containsValue(Status.PASSED);
    assertThat(
            expected.entrySet().stream()
                .filter(e -> e.getKey().contains(" good "))
                .map(Map.Entry::getValue))
        .doesNotContain(Status.FAILED, Status.UNKNOWN);
    verdictsByFormat.forEach(
        (format, verdicts) -> assertThat(verdicts).as(format.name()).isEqualTo(expected));
  }

  /**
   * The same resources made by a local module that the root calls with arguments, as Terraform
   * source and as the plan of that configuration (resources under {@code module.ecs}, the module
   * call in the plan's configuration): the verdicts of the flat fixtures.
   */
  @Test
  void aModuleCallGetsTheSameVerdictsInSourceAndPlan() throws URISyntaxException, IOException {
    Map<String, Status> expected = verdicts("ECS_API", fixture(InputFormat.ECS_API));
    Path modules = fixture(InputFormat.ECS_API).resolveSibling("terraform-modules");
    assertThat(verdicts("source", modules.resolve("source"))).isEqualTo(expected);
    assertThat(verdicts("plan", modules.resolve("plan.json"))).isEqualTo(expected);
  }

  /** Each finding's status by resource type, good or bad, and control; every one has a line. */
  private static Map<String, Status> verdicts(String what, Path fixture) {
    ScanResult result = Scans.files(List.of(), fixture);
    assertThat(result.errors()).as(what).isEmpty();
    Map<String, Status> verdicts = new TreeMap<>();
    for (Finding finding : result.findings()) {
      verdicts.put(
          finding.resourceType().words()
              + (finding.resourceId().toLowerCase(Locale.ROOT).contains("bad") ? " bad " : " good ")
              + finding.control().id(),
          finding.status());
      assertThat(finding.location().line()).as(what + " " + finding.control().id()).isPositive();
    }
    return verdicts;
  }

  /**
   * Each fixture is read by its own format's reader, as the registry makes it, and its files are
   * those the format reads.
   */
  @Test
  void eachFixtureIsReadByItsFormat() throws URISyntaxException, IOException, InputException {
    for (InputFormat format : InputFormat.values()) {
      Path fixture = fixture(format);
      List<Resource> resources = new ArrayList<>();
      InputReader.Sink sink =
          new InputReader.Sink() {
            @Override
            public void resource(Resource resource, Map<String, String> labels) {
              resources.add(resource);
            }

            @Override
            public void note(Node where, String message) {}
          };
      switch (format.create(OPTIONS)) {
        case InputReader.OfFile reader -> {
          assertThat(format.unit()).isEqualTo(InputFormat.Unit.FILE);
          assertThat(format.reads(fixture)).as(fixture.toString()).isTrue();
          assertThat(
                  reader.read(
                      new DocumentReader(InputLimits.DEFAULT).read(fixture, fixture.toString()),
                      sink))
              .as(format.name())
              .isTrue();
        }
        case InputReader.OfDirectory reader -> {
          assertThat(format.unit()).isEqualTo(InputFormat.Unit.DIRECTORY);
          List<Path> files;
          try (Stream<Path> listed = Files.list(fixture)) {
            files = listed.filter(format::reads).sorted().toList();
          }
          assertThat(files)
              .as(format.name())
              .isNotEmpty()
              .allSatisfy(
                  file -> assertThat(InputFormat.readingDirectoryOf(file)).isEqualTo(format));
          List<InputException> errors = new ArrayList<>();
          reader.read(new InputReader.Directory(fixture, fixture, files), sink, errors::add);
          assertThat(errors).isEmpty();
        }
      }
      assertThat(resources).as(format.name()).isNotEmpty();
    }
  }

  private static Path directory() throws URISyntaxException {
    return Path.of(ParityTest.class.getResource("/dev/ecsguard/parity").toURI());
  }

  /**
   * The format's fixture: {@code NAME.EXTENSION} (a file format), or the directory {@code NAME}.
   */
  private static Path fixture(InputFormat format) throws URISyntaxException, IOException {
    try (Stream<Path> fixtures = Files.list(directory())) {
      List<Path> found =
          fixtures
              .filter(
                  fixture -> fixture.getFileName().toString().split("\\.")[0].equals(name(format)))
              .toList();
      assertThat(found)
          .as("the parity fixture of " + format)
          .singleElement()
          .satisfies(
              fixture ->
                  assertThat(Files.isDirectory(fixture))
                      .isEqualTo(format.unit() == InputFormat.Unit.DIRECTORY));
      return found.get(0);
    }
  }

  private static String name(InputFormat format) {
    return format.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
