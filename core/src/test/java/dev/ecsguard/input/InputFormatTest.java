package dev.ecsguard.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.engine.Note;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scans;
import dev.ecsguard.format.InputReader;
import dev.ecsguard.format.terraform.TerraformVariables;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The registry of input formats is what directory search and the scanner use (the CLI's help:
 * ScanCommandTest).
 */
class InputFormatTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(InputFormat.class)
  void everyFormatHasNamesExtensionsAndAReaderOfItsUnit(InputFormat format) {
    assertThat(format.unitName()).isNotBlank().doesNotContain("\n");
    assertThat(format.description()).isNotBlank().doesNotContain("\n");
    assertThat(format.extensions())
        .isNotEmpty()
        .allSatisfy(extension -> assertThat(extension).matches("(\\.[a-z0-9]+)+"));
    InputReader reader =
        format.create(
            new InputFormat.Options(
                new DocumentReader(InputLimits.DEFAULT),
                InputLimits.DEFAULT,
                Map.of(),
                TerraformVariables.NONE));
    assertThat(reader)
        .isInstanceOf(
            format.unit() == InputFormat.Unit.FILE
                ? InputReader.OfFile.class
                : InputReader.OfDirectory.class);
  }

  @Test
  void aDirectoryFormatOwnsItsExtensions() {
    // A file is either a document offered to the file formats or part of a directory unit, never
    // both.
    for (InputFormat format : InputFormat.of(InputFormat.Unit.DIRECTORY)) {
      for (String extension : format.extensions()) {
        assertThat(InputFormat.of(InputFormat.Unit.FILE))
            .allSatisfy(other -> assertThat(other.extensions()).doesNotContain(extension));
      }
    }
  }

  @Test
  void directorySearchTakesExactlyTheFilesOfTheRegistrysExtensions() throws IOException {
    List<String> expected = new ArrayList<>();
    for (String extension : InputFormat.allExtensions()) {
      Files.writeString(dir.resolve("input" + extension.toUpperCase(java.util.Locale.ROOT)), "");
      expected.add("input" + extension.toUpperCase(java.util.Locale.ROOT));
    }
    Files.writeString(dir.resolve("notes.txt"), "");
    Files.writeString(dir.resolve("terraform.tfvars"), "");
    List<String> files = new ArrayList<>();
    InputFiles.visit(
        List.of(dir),
        new InputFiles.Visitor() {
          @Override
          public void file(Path file, Path tree, boolean named) {
            files.add(file.getFileName().toString());
          }

          @Override
          public void skipped(Path path, String why) {}

          @Override
          public void error(InputException error) {}
        });
    assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aDirectoryFormatsFilesAreGatheredIntoOneUnitPerDirectoryAfterTheOthers() throws IOException {
    InputFormat format = InputFormat.of(InputFormat.Unit.DIRECTORY).get(0);
    String extension = format.extensions().get(0);
    Files.createDirectories(dir.resolve("module"));
    Path first = Files.writeString(dir.resolve("module/a" + extension), "");
    Path second = Files.writeString(dir.resolve("module/b" + extension), "");
    Path document = Files.writeString(dir.resolve("z.json"), "{}");
    List<String> visited = new ArrayList<>();
    InputFiles.visitUnits(
        List.of(dir),
        Exclusions.NONE,
        new InputFiles.UnitVisitor() {
          @Override
          public void file(Path file, Path tree, boolean named) {
            visited.add("file " + file);
          }

          @Override
          public void directory(InputFormat in, InputReader.Directory unit) {
            visited.add(in + " " + unit);
          }

          @Override
          public void skipped(Path path, String why) {}

          @Override
          public void error(InputException error) {}
        });
    assertThat(visited)
        .containsExactly(
            "file " + document,
            format
                + " "
                + new InputReader.Directory(dir, dir.resolve("module"), List.of(first, second)));
  }

  @Test
  void whatTheScannerRecognisesNoneOfNamesEveryFileFormat() {
    ScanResult result = Scans.text("{\"name\": \"app\"}", "package.json", Map.of(), Map.of());
    String names =
        InputFormat.listed(
            InputFormat.of(InputFormat.Unit.FILE).stream().map(InputFormat::unitName).toList(),
            "nor");
    assertThat(result.notes())
        .extracting(Note::message)
        .containsExactly(
            "not "
                + names
                + " (no task definition, service, cluster, task set or capacity provider found); skipped");
  }

  @Test
  void terraformJsonSyntaxWithEcsResourcesIsAnErrorNotAFileOfNoConcern() {
    String ecs =
        "{\"resource\": {\"aws_s3_bucket\": {}, \"aws_ecs_task_definition\": {\"app\": {}}}}";
    ScanResult result = Scans.text(ecs, "cdk.tf.json", Map.of(), Map.of());
    assertThat(result.notes()).isEmpty();
    assertThat(result.errors())
        .extracting(InputException::getMessage)
        .containsExactly(
            "cdk.tf.json:1:63: Terraform's JSON syntax (.tf.json) is not read by ecsguard, so the"
                + " aws_ecs_* resources here are not checked; scan the plan JSON (terraform show"
                + " -json) instead");
    ScanResult other =
        Scans.text("{\"resource\": {\"aws_s3_bucket\": {}}}", "main.tf.json", Map.of(), Map.of());
    assertThat(other.errors()).isEmpty();
    assertThat(other.notes()).hasSize(1);
  }
}
