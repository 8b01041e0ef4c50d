package dev.ecsguard.aws;

import java.io.IOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * moto's server for one test class, registered as a static {@code @RegisterExtension} field:
 * started with the test credentials before the class's {@code @BeforeAll} methods run, stopped
 * after its last test.
 */
public final class MotoExtension implements BeforeAllCallback, AfterAllCallback {
  private static final String ENDPOINT_PROPERTY = "aws.endpointUrl";

  private final boolean defaultEndpoint;
  private MotoServer server;

  private MotoExtension(boolean defaultEndpoint) {
    this.defaultEndpoint = defaultEndpoint;
  }

  /** Tests hand {@code server().endpoint()} to what they build. */
  public static MotoExtension started() {
    return new MotoExtension(false);
  }

  /**
   * Also the SDK's default endpoint (the system property AWS_ENDPOINT_URL stands for), for code
   * that builds its own clients, as the CLI and the guardrail do.
   */
  public static MotoExtension asDefaultEndpoint() {
    return new MotoExtension(true);
  }

  public MotoServer server() {
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
    server = MotoServer.startWithTestCredentials();
    if (defaultEndpoint) {
      System.setProperty(ENDPOINT_PROPERTY, server.endpoint().toString());
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (defaultEndpoint) {
      System.clearProperty(ENDPOINT_PROPERTY);
    }
    if (server != null) {
      server.close();
    }
  }
}
