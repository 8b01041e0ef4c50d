package dev.ecsguard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.Remedy;
import dev.ecsguard.model.ResourceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every fixable control gives its remedy, which lies beside it; the catalogue finds each once, in
 * its own order.
 */
class RemediesTest {
  /**
   * The controls ecsguard fixes, as the README's table of what {@code fix} does names them (ECS.15
   * with a step for the user only): the README and the catalogue must agree.
   */
  private static final Set<String> FIXABLE = fixableInTheReadme();

  private static Set<String> fixableInTheReadme() {
    try {
      String readme = Files.readString(Path.of("..", "README.md"));
      String table = readme.substring(readme.indexOf("| control | what `fix` does |"));
      table = table.substring(0, table.indexOf("\n\n"));
      return table
          .lines()
          .skip(2)
          .flatMap(row -> Arrays.stream(row.split("\\|")[1].split("/")))
          .map(String::strip)
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyFixableControlHasOneRemedyInTheCatalogue() {
    List<String> fixed =
        Catalogue.remedies().stream().flatMap(remedy -> remedy.controlIds().stream()).toList();
    assertThat(fixed).doesNotHaveDuplicates();
    assertThat(Set.copyOf(fixed)).isEqualTo(FIXABLE);
    Set<String> ids =
        Catalogue.CONTROLS.stream().map(control -> control.info().id()).collect(Collectors.toSet());
    assertThat(ids).containsAll(fixed);
  }

  @Test
  void eachRemedyLiesBesideItsFirstControl() {
    for (Remedy remedy : Catalogue.remedies()) {
      String id = remedy.controlIds().get(0);
      Class<?> control =
          Catalogue.CONTROLS.stream()
              .filter(c -> c.info().id().equals(id))
              .findFirst()
              .orElseThrow()
              .getClass();
      assertThat(remedy.getClass().getPackageName())
          .as(remedy.getClass().getSimpleName())
          .isEqualTo(control.getPackageName());
      assertThat(remedy.getClass().getSimpleName()).isEqualTo(control.getSimpleName() + "Remedy");
    }
  }

  @Test
  void aRemedyTwoControlsGiveIsFoundOnceAndFixesBoth() {
    assertThat(Catalogue.remedies().stream().map(Remedy::controlIds))
        .contains(List.of("ECS.2", "ECS.16", "ECSG.12"), List.of("ECS.20", "ECSG.1"));
  }

  @Test
  void remediesRunInTheCatalogueOrder() {
    List<String> first =
        Catalogue.remedies().stream().map(remedy -> remedy.controlIds().get(0)).toList();
    assertThat(first).isSortedAccordingTo(Catalogue.ORDER);
  }

  @Test
  void remediesByTypeKeepTheCatalogueOrder() {
    assertThat(
            Catalogue.remedies(ResourceType.TASK_SET).stream()
                .flatMap(remedy -> remedy.controlIds().stream())
                .toList())
        .containsExactly(
            "ECS.2", "ECS.16", "ECSG.12",
            "ECS.10"); // a task set's platform version gets ECS.10's fix too
    assertThat(
            Catalogue.remedies().stream()
                .filter(remedy -> remedy.resourceTypes().contains(ResourceType.TASK_DEFINITION))
                .count())
        .isEqualTo(17);
  }
}
