package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A usage error names the option but never echoes a value: a misplaced value may be a secret. */
class UsageErrorsTest {
  private static final String SECRET = "hunter2Secret";

  private static Run usageError(String... args) {
    Run run = Run.of(args);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.all()).doesNotContain(SECRET).doesNotContain("AKIAIOSFODNN7EXAMPLE");
    return run;
  }

  @Test
  void aBadOrMisspeltOptionIsNamedWithoutItsValue() {
    assertThat(usageError("scan", "--tf-var", SECRET, ".").err())
        .contains("--tf-var")
        .contains("KEY=VALUE");
    assertThat(usageError("scan", "--tf-vra=password=" + SECRET, ".").err())
        .contains("Unknown option: '--tf-vra=");
    assertThat(usageError("scan", "--max-file-size", SECRET, ".").err())
        .contains("--max-file-size")
        .contains("not a size");
    assertThat(usageError("scan", "--concurrency", SECRET, ".").err())
        .contains("--concurrency")
        .contains("is not an int");
    assertThat(usageError("scan", "--color", SECRET, ".").err())
        .contains("--color")
        .contains("expected one of");
    assertThat(usageError("scan", "-p", SECRET, ".").err()).contains("--param");
    assertThat(usageError("scan", "--format", "x" + SECRET, ".").err())
        .contains("--format")
        .contains("unknown format");
    assertThat(usageError("fix", "--tf-var", "AKIAIOSFODNN7EXAMPLE", ".").err())
        .contains("--tf-var");
    assertThat(usageError("explain", "ECS.4", SECRET).err()).contains("Unmatched argument");
  }

  @Test
  void aCommandBuiltAloneHidesValuesAsTheWholeTreeDoes() {
    // Main.run builds scan alone; a value that is another command's name is one of ecsguard's own
    // words, shown as it was when every command was built.
    assertThat(usageError("scan", "--format", "man", ".").err()).contains("unknown format man");
    assertThat(usageError("--debug", "scan", "--format", "x" + SECRET, ".").err())
        .contains("unknown format");
  }

  @Test
  void aNameValueOptionWithoutANameIsRefusedUnshown() {
    assertThat(usageError("scan", "--tf-var", "=" + SECRET, ".").err())
        .contains("--tf-var needs NAME=VALUE");
    assertThat(usageError("scan", "--cfn-param", "=" + SECRET, ".").err())
        .contains("--cfn-param needs NAME=VALUE");
    assertThat(usageError("fix", "--tf-var", "=" + SECRET, ".").err())
        .contains("--tf-var needs NAME=VALUE");
  }

  @Test
  void aRoleArnThatIsNoneIsRefusedUnshown() {
    assertThat(
            usageError(
                    "scan", "--aws", "--region", "eu-west-1", "--role-arn", "AKIAIOSFODNN7EXAMPLE")
                .err())
        .contains("--role-arn takes a role ARN");
  }

  @Test
  void anOptionNameThatIsAlsoAValueStaysReadable() {
    Run run = usageError("scan", "--format", "json", "--concurrency", "x" + SECRET, ".");
    assertThat(run.err()).contains("Invalid value for option '--concurrency'");
  }

  @Test
  void aMistypedCommandOrOptionGetsSuggestionsFromTheCommandsOwnNames() {
    assertThat(usageError("scna", SECRET).err()).contains("Did you mean: ecsguard scan?");
    assertThat(usageError("scan", "--formt", SECRET, ".").err()).contains("--format");
    // Swapped letters share too few letter pairs for picocli's own suggestions.
    Run swapped = usageError("scan", "--fial-on", "high", ".");
    assertThat(swapped.err()).contains("Possible solutions: --fail-on").doesNotContain("high");
    assertThat(usageError("sacn", ".").err()).contains("Did you mean: ecsguard scan?");
  }

  @Test
  void bareInvocationAndHelpPrintTheUsage() {
    Run bare = Run.of();
    assertThat(bare.exitCode()).isZero();
    assertThat(bare.out()).startsWith("Usage: ecsguard").contains("scan").contains("guardrail");
    Run help = Run.of("help", "scan");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).startsWith("Usage: ecsguard scan");
  }
}
