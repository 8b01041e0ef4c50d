package dev.ecsguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsguard.tree.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@link ConfigurationReader#find} looks: up from the scanned path, never above its
 * repository.
 */
class ConfigurationLookupTest {
  @TempDir Path dir;
  private Path repository;
  private Path infra;

  @BeforeEach
  void repository() throws Exception {
    repository = Files.createDirectories(dir.resolve("outer/repo"));
    Files.createDirectory(repository.resolve(".git"));
    infra = Files.createDirectories(repository.resolve("infra/ecs"));
    Files.writeString(dir.resolve("outer/.ecsguard.yml"), "failOn: high\n");
  }

  @Test
  void theNearestFileUpToTheRepositoryRootIsFoundFromAFileOrADirectory() throws Exception {
    assertThat(ConfigurationReader.find(infra))
        .as("the one above the repository is not its own")
        .isNull();
    Path atRoot = Files.writeString(repository.resolve(".ecsguard.yml"), "failOn: low\n");
    assertThat(ConfigurationReader.find(infra.resolve("task.json"))).isEqualTo(atRoot);
    assertThat(ConfigurationReader.find(repository)).isEqualTo(atRoot);
    Path nearer = Files.writeString(repository.resolve("infra/.ecsguard.yml"), "failOn: low\n");
    assertThat(ConfigurationReader.find(infra.resolve("../ecs/task.json"))).isEqualTo(nearer);
  }

  @Test
  void outsideAnyRepositoryEveryParentIsLookedIn() throws Exception {
    Path loose = Files.createDirectories(dir.resolve("outer/loose/deep"));
    assertThat(ConfigurationReader.find(loose)).isEqualTo(dir.resolve("outer/.ecsguard.yml"));
  }

  @Test
  void aLinkIsFollowedWithinTheRepositoryOnly() throws Exception {
    Path shared = Files.writeString(repository.resolve("shared.yml"), "failOn: low\n");
    Path link = Files.createSymbolicLink(repository.resolve(".ecsguard.yml"), shared);
    assertThat(ConfigurationReader.find(infra)).isEqualTo(link);

    Files.delete(link);
    Files.createSymbolicLink(link, dir.resolve("outer/.ecsguard.yml"));
    assertThatThrownBy(() -> ConfigurationReader.find(infra))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(link.toString())
        .hasMessageContaining(
            "refused: a link to " + dir.resolve("outer/.ecsguard.yml").toRealPath())
        .hasMessageContaining("--config");
  }
}
