package dev.ecsguard.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryPathsTest {
  @TempDir Path dir;

  @Test
  void aFileIsNamedFromItsRepositoryRootElseAbsolutely() throws Exception {
    Path repository = Files.createDirectories(dir.resolve("repo/infra"));
    Files.createDirectory(dir.resolve("repo/.git"));
    Path task = Files.writeString(repository.resolve("task.json"), "{}");
    RepositoryPaths paths = new RepositoryPaths();
    assertThat(paths.stable(task.toString())).isEqualTo("infra/task.json");
    assertThat(paths.stable(dir.resolve("repo/infra/../infra/task.json").toString()))
        .isEqualTo("infra/task.json");
    Path loose = Files.writeString(dir.resolve("loose.json"), "{}");
    assertThat(paths.stable(loose.toString()))
        .isEqualTo(loose.toAbsolutePath().normalize().toString());
    assertThat(paths.stable("-")).isEqualTo("-");
  }

  @Test
  void aWorktreesGitFileMarksItsRootTooAndAFileOutsideAnyHasNone() throws Exception {
    Files.createDirectories(dir.resolve("outer/.git"));
    Path infra = Files.createDirectories(dir.resolve("outer/worktree/infra"));
    Files.writeString(dir.resolve("outer/worktree/.git"), "gitdir: ../.git/worktrees/worktree\n");
    assertThat(RepositoryPaths.root(infra)).isEqualTo(dir.resolve("outer/worktree"));
    assertThat(RepositoryPaths.root(dir.resolve("outer"))).isEqualTo(dir.resolve("outer"));
    assertThat(RepositoryPaths.root(dir)).isNull();
  }
}
