package dev.ecsguard.guardrail.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.ecsguard.config.Configuration;
import dev.ecsguard.config.ConfigurationReader;
import dev.ecsguard.guardrail.AwsAccess;
import dev.ecsguard.guardrail.EventHandler.Response;
import dev.ecsguard.guardrail.GuardrailContext;
import dev.ecsguard.guardrail.Handler;
import dev.ecsguard.guardrail.NeedsAwsException;
import dev.ecsguard.guardrail.entry.Guardrail;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hook handler on requests in the shapes AWS documents, and its responses. */
class HookHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Values planted in the requests' environments and payloads; no response may hold one. */
  static final List<String> PLANTED =
      List.of(
          "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ3vX9kLmN",
          "hunter2-Planted-Pa55word",
          "AKIAZ7Q3PLANTED4KEY9",
          "ghp_PlantedTokenValue0123456789abcdefABC");

  /** The presigned URL's signature: a credential too, never to be quoted. */
  private static final String SIGNATURE = "X-Amz-Signature=0f1e2d3c4b5a69788796a5b4c3d2e1f0";

  /** The function's own access: no call is made until a handler needs one. */
  private static AwsAccess aws;

  private HttpServer server;

  @BeforeAll
  static void access() throws Exception {
    aws = AwsAccess.forFunction("123456789012", "us-east-1");
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aPrivilegedTaskDefinitionIsBlockedNamingControlAndContainer() throws Exception {
    JsonNode body = handle(event("create-task-definition.json"), Configuration.NONE).body();

    assertThat(body.path("hookStatus").asText()).isEqualTo("FAILED");
    assertThat(body.path("errorCode").asText()).isEqualTo("NonCompliant");
    assertThat(body.path("clientRequestToken").asText())
        .isEqualTo("f8da6d11-b23f-48f4-814c-0fb6a667f50e");
    assertThat(body.path("message").asText())
        .startsWith("ecsguard: ")
        .contains("block 1 ECS resource")
        .contains("ECS.4 on WebTask: Container \"app\" runs privileged")
        .contains("ECS.8 on WebTask: Container \"app\" passes AWS_SECRET_ACCESS_KEY")
        .hasSizeLessThanOrEqualTo(HookResponse.CLOUDFORMATION_MESSAGE);
    JsonNode privileged = annotation(body, "ECS.4");
    assertThat(privileged.path("status").asText()).isEqualTo("FAILED");
    assertThat(privileged.path("statusMessage").asText())
        .isEqualTo("WebTask: Container \"app\" runs privileged (privileged is true)");
    assertThat(privileged.path("severityLevel").asText()).isEqualTo("HIGH");
    assertThat(privileged.path("remediationMessage").asText()).isNotBlank();
    assertThat(privileged.path("remediationLink").asText())
        .isEqualTo(
            "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-4");
    assertThat(annotation(body, "ECS.17").path("status").asText()).isEqualTo("PASSED");
    assertThat(annotation(body, "ECS.18").path("status").asText()).isEqualTo("SKIPPED");
    assertThat(annotation(body, "ECSG.4").has("remediationLink")).isFalse();
    assertNoPlantedValue(body);
  }

  @Test
  void aHardenedUpdatePassesWithEveryControlAnnotated() throws Exception {
    Response response = handle(event("update-task-definition.json"), Configuration.NONE);

    JsonNode body = response.body();
    assertThat(response.failed()).isFalse();
    assertThat(body.path("hookStatus").asText()).isEqualTo("SUCCESS");
    assertThat(body.has("errorCode")).isFalse();
    assertThat(body.path("message").asText()).isEqualTo("ecsguard: nothing blocks 1 ECS resource.");
    assertThat(annotation(body, "ECS.4").path("status").asText()).isEqualTo("PASSED");
    assertThat(body.path("annotations"))
        .allSatisfy(a -> assertThat(a.path("status").asText()).isIn("PASSED", "SKIPPED"));
  }

  @Test
  void aDeletionPassesUnjudged() throws Exception {
    JsonNode body = handle(event("delete-service.json"), Configuration.NONE).body();

    assertThat(body.path("hookStatus").asText()).isEqualTo("SUCCESS");
    assertThat(body.path("clientRequestToken").asText())
        .isEqualTo("5e6f7a8b-9c0d-1e2f-3a4b-5c6d7e8f9a0b");
    assertThat(body.has("annotations")).isFalse();
  }

  @Test
  void anotherResourceTypePasses() throws Exception {
    JsonNode body = handle(event("create-bucket.json"), Configuration.NONE).body();

    assertThat(body.path("hookStatus").asText()).isEqualTo("SUCCESS");
    assertThat(body.path("message").asText()).contains("AWS::S3::Bucket is not an ECS resource");
  }

  @Test
  void cloudControlsServiceWithAPublicIpIsBlockedAndJudgedAloneWithoutTheLinkedControls()
      throws Exception {
    JsonNode body = handle(event("cloud-control-service.json"), Configuration.NONE).body();

    assertThat(body.path("hookStatus").asText()).isEqualTo("FAILED");
    assertThat(body.path("message").asText())
        .contains("ECS.2 on web: The service gives its tasks public IP addresses")
        .doesNotContain("ECSG.11")
        .doesNotContain("ECSG.12")
        .hasSizeLessThanOrEqualTo(HookResponse.CLOUD_CONTROL_MESSAGE);
    // ECSG.11 and ECSG.12 need the revision the service runs: not run on one resource (Decided
    // point 8)
    assertThat(body.path("annotations").findValuesAsText("annotationName"))
        .contains("ECS.2")
        .doesNotContain("ECSG.11", "ECSG.12");
  }

  @Test
  void unknownBlocksOnlyWithFailOnUnknown() throws Exception {
    ObjectNode event = event("update-task-definition.json");
    ((ObjectNode) event.at("/requestData/targetModel/resourceProperties/ContainerDefinitions/0"))
        .put("ReadonlyRootFilesystem", "sometimes");

    JsonNode passing = handle(event, Configuration.NONE).body();
    JsonNode failing = handle(event, configuration("failOnUnknown: true\n")).body();

    assertThat(passing.path("hookStatus").asText()).isEqualTo("SUCCESS");
    assertThat(passing.path("message").asText())
        .startsWith(
            "ecsguard: nothing blocks 1 ECS resource: not judged (UNKNOWN) ECS.5 on ApiTask");
    assertThat(annotation(passing, "ECS.5").path("status").asText()).isEqualTo("SKIPPED");
    assertThat(annotation(passing, "ECS.5").path("statusMessage").asText())
        .startsWith("Could not be judged: ApiTask: ");
    assertThat(failing.path("hookStatus").asText()).isEqualTo("FAILED");
    assertThat(failing.path("errorCode").asText()).isEqualTo("NonCompliant");
    assertThat(failing.path("message").asText()).contains("ECS.5 on ApiTask: Cannot decide");
  }

  @Test
  void failOnAndSuppressionsApplyAsInAScan() throws Exception {
    Configuration configuration =
        configuration(
            """
            failOn: critical
            suppressions:
              - control: ECSG.5
                resource: WebTask
                reason: rotated weekly
            """);

    JsonNode body = handle(event("create-task-definition.json"), configuration).body();

    assertThat(body.path("hookStatus").asText()).isEqualTo("SUCCESS");
    assertThat(body.path("message").asText())
        .startsWith("ecsguard: nothing blocks 1 ECS resource: not blocking (below failOn) ")
        .contains("not blocking (below failOn) ECS.4 on WebTask")
        .doesNotContain("ECSG.5 on");
    assertThat(annotation(body, "ECS.4").path("status").asText()).isEqualTo("FAILED");
    assertThat(annotation(body, "ECSG.5").path("status").asText()).isEqualTo("SKIPPED");
    assertThat(annotation(body, "ECSG.5").path("statusMessage").asText())
        .startsWith("Accepted by a suppression: WebTask");
  }

  @Test
  void theMessageIsTruncatedToEachCallersLimitSayingHowManyMore() throws Exception {
    ObjectNode cloudFormation = manyContainers(event("create-task-definition.json"), 8);
    ObjectNode cloudControl = cloudFormation.deepCopy();
    cloudControl.remove("stackId");

    String long4096 = handle(cloudFormation, Configuration.NONE).body().path("message").asText();
    String long1024 = handle(cloudControl, Configuration.NONE).body().path("message").asText();

    assertThat(long4096)
        .hasSizeLessThanOrEqualTo(HookResponse.CLOUDFORMATION_MESSAGE)
        .hasSizeGreaterThan(HookResponse.CLOUD_CONTROL_MESSAGE)
        .startsWith("ecsguard: 8 findings block 1 ECS resource: ECS.4 on WebTask: ")
        .matches("(?s).*; ECS[G]?\\.[0-9]+ on WebTask: [^;]*[^.] … and [0-9]+ more");
    assertThat(long1024)
        .hasSizeLessThanOrEqualTo(HookResponse.CLOUD_CONTROL_MESSAGE)
        .matches(
            "(?s)ecsguard: 8 findings block 1 ECS resource: ECS.4 on WebTask: .* … and [0-9]+ more");
  }

  @Test
  void truncationKeepsWholeEntriesAndCountsTheRest() {
    List<String> entries = List.of("a".repeat(10), "b".repeat(10), "c".repeat(10));

    assertThat(HookResponse.truncate("head: ", entries, 100))
        .isEqualTo("head: aaaaaaaaaa; bbbbbbbbbb; cccccccccc");
    assertThat(HookResponse.truncate("head: ", entries, 40))
        .isEqualTo("head: aaaaaaaaaa … and 2 more")
        .hasSizeLessThanOrEqualTo(40);
    assertThat(HookResponse.truncate("head: ", entries, 20)).isEqualTo("head: … and 3 more");
    assertThat(HookResponse.truncate("a long head that does not fit: ", entries, 20))
        .hasSize(20)
        .endsWith("… and 3 more");
  }

  @Test
  void unreadableRequestsFailAsInternalFailureNeverSilently() throws Exception {
    ObjectNode noProperties = event("create-task-definition.json");
    ((ObjectNode) noProperties.at("/requestData/targetModel")).remove("resourceProperties");
    ObjectNode noTarget = event("create-task-definition.json");
    noTarget.remove("requestData");

    for (ObjectNode event : List.of(noProperties, noTarget)) {
      Response response = handle(event, Configuration.NONE);
      assertThat(response.failed()).isTrue();
      assertThat(response.body().path("hookStatus").asText()).isEqualTo("FAILED");
      assertThat(response.body().path("errorCode").asText()).isEqualTo("InternalFailure");
      assertThat(response.body().path("clientRequestToken").asText())
          .isEqualTo("f8da6d11-b23f-48f4-814c-0fb6a667f50e");
      assertThat(response.body().path("message").asText())
          .startsWith("ecsguard could not judge this request: ")
          .doesNotContain("\n");
    }
  }

  @Test
  void aStackIsJudgedWholeFromItsPayload() throws Exception {
    String template = resource("stack-template.yaml");
    ObjectNode payload =
        JSON.createObjectNode().put("template", template).put("previousTemplate", "");

    JsonNode body =
        handle(payloadEvent("stack.json", serve(200, payload)), Configuration.NONE).body();

    assertThat(body.path("hookStatus").asText()).isEqualTo("FAILED");
    assertThat(body.path("clientRequestToken").asText())
        .isEqualTo("7d8e9f0a-1b2c-3d4e-5f6a-7b8c9d0e1f2a");
    assertThat(body.path("message").asText())
        .contains("block 2 ECS resources")
        .contains("ECS.4 on WebTask: Container \"app\" runs privileged")
        .contains("ECS.2 on WebService");
    // The service and the task definition it runs are one template: nothing is left UNKNOWN.
    assertThat(body.path("message").asText()).doesNotContain("UNKNOWN");
    assertThat(body.toString()).doesNotContain(SIGNATURE);
    assertNoPlantedValue(body);
  }

  @Test
  void aChangeSetIsJudgedByItsChangedEcsResources() throws Exception {
    JsonNode payload = JSON.readTree(resource("change-set-payload.json"));

    JsonNode body =
        handle(payloadEvent("change-set.json", serve(200, payload)), Configuration.NONE).body();

    assertThat(body.path("hookStatus").asText()).isEqualTo("FAILED");
    assertThat(body.path("message").asText())
        .contains("block 1 ECS resource")
        .contains("ECSG.2 on WorkerTask: Container \"worker\" adds the capability SYS_ADMIN")
        // Unchanged (LegacyTask) and removed (OldTask) resources are not this change's doing.
        .doesNotContain("LegacyTask")
        .doesNotContain("OldTask");
    assertNoPlantedValue(body);
  }

  @Test
  void aPayloadThatCannotBeFetchedIsAnInternalFailureThatNeverQuotesTheUrl() throws Exception {
    JsonNode body =
        handle(payloadEvent("stack.json", serve(403, JSON.createObjectNode())), Configuration.NONE)
            .body();

    assertThat(body.path("hookStatus").asText()).isEqualTo("FAILED");
    assertThat(body.path("errorCode").asText()).isEqualTo("InternalFailure");
    assertThat(body.path("message").asText())
        .isEqualTo(
            "ecsguard could not judge this request: fetching the hook's payload answered HTTP 403");
    assertThat(body.toString()).doesNotContain(SIGNATURE).doesNotContain("127.0.0.1");
  }

  @Test
  void onlyHttpsPayloadsAreFetchedAndOnlyUpToTheBound() throws Exception {
    JsonNode plainHttp =
        handle(
                payloadEvent("stack.json", "http://example.com/payload?" + SIGNATURE),
                Configuration.NONE)
            .body();
    ObjectNode huge = JSON.createObjectNode().put("template", "x".repeat(HookPayload.MAX_BYTES));
    JsonNode tooLarge =
        handle(payloadEvent("change-set.json", serve(200, huge)), Configuration.NONE).body();

    assertThat(plainHttp.path("errorCode").asText()).isEqualTo("InternalFailure");
    assertThat(plainHttp.path("message").asText())
        .isEqualTo(
            "ecsguard could not judge this request: requestData.payload is not an https URL");
    server.stop(0);
    JsonNode unstated =
        handle(
                payloadEvent(
                    "stack.json",
                    serve(200, JSON.writeValueAsBytes(huge.put("template", "")), false)),
                Configuration.NONE)
            .body();

    assertThat(tooLarge.path("errorCode").asText()).isEqualTo("InternalFailure");
    assertThat(tooLarge.path("message").asText())
        .endsWith("the hook's payload is larger than 16777216 bytes or does not say its length");
    assertThat(unstated.path("message").asText()).isEqualTo(tooLarge.path("message").asText());
  }

  @Test
  void aChangeSetPayloadWithoutChangesIsJudgedWhole() throws Exception {
    ObjectNode payload = JSON.createObjectNode().put("template", resource("stack-template.yaml"));

    JsonNode body =
        handle(payloadEvent("change-set.json", serve(200, payload)), Configuration.NONE).body();

    assertThat(body.path("hookStatus").asText()).isEqualTo("FAILED");
    assertThat(body.path("message").asText())
        .contains("ECS.4 on WebTask")
        .contains("ECS.2 on WebService");
  }

  @Test
  void aStackPayloadNeedsAwsAccessWhereNoneIsAllowed() throws Exception {
    ObjectNode event = event("stack.json");

    assertThatThrownBy(
            () ->
                Guardrail.handle(
                    Handler.HOOK,
                    event,
                    new GuardrailContext(
                        Configuration.NONE, null, LocalDate.of(2026, 12, 6), Map.of())))
        .isInstanceOf(NeedsAwsException.class)
        .hasMessage("a STACK hook's template payload needs AWS calls; run with --aws to make them");
  }

  private static Response handle(JsonNode event, Configuration configuration) throws Exception {
    assertThat(Handler.of(event)).isEqualTo(Handler.HOOK);
    return Guardrail.handle(
        Handler.HOOK,
        event,
        new GuardrailContext(configuration, aws, LocalDate.of(2026, 12, 6), Map.of()));
  }

  static ObjectNode event(String name) throws IOException {
    return (ObjectNode) JSON.readTree(resource(name));
  }

  static String resource(String name) throws IOException {
    try (InputStream in = HookHandlerTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static void assertNoPlantedValue(JsonNode body) {
    String text = body.toString();
    PLANTED.forEach(value -> assertThat(text).doesNotContain(value));
  }

  private static JsonNode annotation(JsonNode body, String control) {
    return StreamSupport.stream(body.path("annotations").spliterator(), false)
        .filter(annotation -> annotation.path("annotationName").asText().equals(control))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no annotation for " + control + " in " + body));
  }

  private static Configuration configuration(String yaml) throws Exception {
    return ConfigurationReader.read(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), ".ecsguard.yml");
  }

  /** {@code count} containers, each failing several controls: more than a message can name. */
  private static ObjectNode manyContainers(ObjectNode event, int count) {
    ArrayNode containers =
        (ArrayNode) event.at("/requestData/targetModel/resourceProperties/ContainerDefinitions");
    JsonNode first = containers.get(0);
    IntStream.range(1, count)
        .forEach(i -> containers.add(((ObjectNode) first.deepCopy()).put("Name", "app-" + i)));
    return event;
  }

  /** {@code name}'s event with its payload at a presigned-looking URL this test serves. */
  private ObjectNode payloadEvent(String name, String url) throws IOException {
    ObjectNode event = event(name);
    ((ObjectNode) event.path("requestData")).put("payload", url);
    return event;
  }

  /** Serves {@code payload} with {@code status}; the URL, signed as S3's are. */
  private String serve(int status, JsonNode payload) throws IOException {
    return serve(status, JSON.writeValueAsBytes(payload), true);
  }

  /** Serves {@code bytes}, chunked when it does not state their length. */
  private String serve(int status, byte[] bytes, boolean statesLength) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(status, statesLength ? bytes.length : 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return "http://127.0.0.1:"
        + server.getAddress().getPort()
        + "/hooks/payload.json?X-Amz-Algorithm=AWS4-HMAC-SHA256&"
        + SIGNATURE;
  }
}
