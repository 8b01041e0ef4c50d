package dev.ecsguard.aws.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.aws.FaultyEndpoint;
import dev.ecsguard.aws.MotoServer;
import java.io.IOException;
import java.net.URI;

/**
 * The account apply and rollback are tested on: moto seeded with seed-apply.py, behind a
 * FaultyEndpoint that fills in what moto lacks (capacity providers described without names, a
 * PRIMARY deployment that follows UpdateService) and injects failures on demand.
 */
public final class ApplyEstate implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MotoServer moto;
  private final FaultyEndpoint endpoint;

  private ApplyEstate(MotoServer moto, FaultyEndpoint endpoint) {
    this.moto = moto;
    this.endpoint = endpoint;
  }

  public static ApplyEstate start() throws IOException, InterruptedException {
    MotoServer moto = MotoServer.startWithTestCredentials();
    FaultyEndpoint endpoint = new FaultyEndpoint(moto.endpoint());
    // moto cannot describe capacity providers without their names (HTTP 500); AWS describes them
    // all, as naming them does here.
    endpoint.rewrite(
        "DescribeCapacityProviders",
        body ->
            body.contains("\"capacityProviders\"")
                ? body
                : body.replaceFirst("\\{", "{\"capacityProviders\":[\"spot\"],"));
    deploymentsDone(endpoint);
    return new ApplyEstate(moto, endpoint);
  }

  /**
   * moto's UpdateService never changes the service's PRIMARY deployment: answered as AWS answers
   * once a deployment is done, with the PRIMARY deployment running the service's revision.
   */
  private static void deploymentsDone(FaultyEndpoint endpoint) {
    endpoint.answer(
        "DescribeServices",
        body -> {
          try {
            JsonNode answer = JSON.readTree(body);
            for (JsonNode service : answer.path("services")) {
              for (JsonNode deployment : service.path("deployments")) {
                if ("PRIMARY".equals(deployment.path("status").asText())) {
                  ((ObjectNode) deployment).set("taskDefinition", service.get("taskDefinition"));
                }
              }
            }
            return JSON.writeValueAsString(answer);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  /**
   * Wipes moto, seeds the estate afresh with {@code secret} as a credential's value, and heals
   * every injected fault.
   */
  public void reseed(String secret) throws IOException, InterruptedException {
    reseedWith("/dev/ecsguard/aws/seed-apply.py", secret);
  }

  /**
   * Wipes moto, seeds it afresh with {@code script} (given {@code arguments}), and heals every
   * injected fault.
   */
  public void reseedWith(String script, String... arguments)
      throws IOException, InterruptedException {
    moto.reset();
    moto.seed(script, arguments);
    endpoint.healAll();
    deploymentsDone(endpoint);
  }

  /** Where ecsguard should call. */
  public URI endpoint() {
    return endpoint.endpoint();
  }

  /** Where the tests look, behind the faults. */
  public URI moto() {
    return moto.endpoint();
  }

  FaultyEndpoint faults() {
    return endpoint;
  }

  @Override
  public void close() {
    endpoint.close();
    moto.close();
  }
}
