package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecsguard guardrail invoke --handler hook EVENT.json}: the hook's own code on the guardrail
 * module's test events, its response printed, the exit code 0 when it passes and 1 when it blocks.
 */
class GuardrailInvokeHookTest {
  private static final Path EVENTS =
      Path.of("../guardrail/src/test/resources/dev/ecsguard/guardrail/hook");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aBlockedRequestPrintsTheFailedResponseAndExitsOne() throws Exception {
    Run run = invoke("create-task-definition.json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    JsonNode response = JSON.readTree(run.out());
    assertThat(response.path("hookStatus").asText()).isEqualTo("FAILED");
    assertThat(response.path("errorCode").asText()).isEqualTo("NonCompliant");
    assertThat(response.path("clientRequestToken").asText())
        .isEqualTo("f8da6d11-b23f-48f4-814c-0fb6a667f50e");
    assertThat(response.path("message").asText())
        .contains("ECS.4 on WebTask: Container \"app\" runs privileged");
    assertThat(run.out())
        .doesNotContain("wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ3vX9kLmN")
        .doesNotContain("hunter2-Planted-Pa55word");
  }

  @Test
  void aCompliantRequestPrintsSuccessAndExitsZero() throws Exception {
    Run run = invoke("update-task-definition.json");

    assertThat(run.exitCode()).isEqualTo(0);
    JsonNode response = JSON.readTree(run.out());
    assertThat(response.path("hookStatus").asText()).isEqualTo("SUCCESS");
    assertThat(response.has("errorCode")).isFalse();
    assertThat(response.path("annotations").size()).isGreaterThan(10);
  }

  @Test
  void theConfigurationDecidesWhatBlocks() throws Exception {
    Path config = dir.resolve(".ecsguard.yml");
    Files.writeString(config, "failOn: critical\ncontrols:\n  skip: [ECSG.5]\n");

    Run run =
        Run.of(
            "guardrail",
            "invoke",
            "--handler",
            "hook",
            "--config",
            config.toString(),
            EVENTS.resolve("create-task-definition.json").toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(JSON.readTree(run.out()).path("message").asText())
        .startsWith("ecsguard: nothing blocks 1 ECS resource: not blocking (below failOn) ");
  }

  @Test
  void aStackRequestNeedsAwsAndExitsTwoWithoutIt() {
    Run run = invoke("stack.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "ecsguard: a STACK hook's template payload needs AWS calls; run with --aws to make them"
                + System.lineSeparator());
  }

  private static Run invoke(String event) {
    return Run.of(
        "guardrail",
        "invoke",
        "--handler",
        "hook",
        "--no-config",
        EVENTS.resolve(event).toString());
  }
}
