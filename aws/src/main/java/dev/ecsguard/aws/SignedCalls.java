package dev.ecsguard.aws;

import dev.ecsguard.source.DocumentReader;
import dev.ecsguard.source.InputException;
import dev.ecsguard.source.InputLimits;
import dev.ecsguard.source.ObjectNode;
import dev.ecsguard.source.ArrayNode;
import dev.ecsguard.source.Node;
import dev.ecsguard.source.ScalarNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * The two calls outside ECS and STS that a live scan makes: EC2 DescribeRegions (the regions
 * enabled for an account) and Organizations ListAccounts. The SDK modules for those services are
 * not available from this project's registry, so they are made here as signed HTTP requests with
 * the SDK's own signer and HTTP client.
 */
final class SignedCalls {
  private static final Pattern REGION_NAME = Pattern.compile("<regionName>([a-z0-9-]+)</regionName>");
  private static final Pattern XML_ERROR_CODE = Pattern.compile("<Code>([^<]+)</Code>");

  private final SdkHttpClient http;
  private final URI endpoint;
  private final ApiCalls calls;

  SignedCalls(SdkHttpClient http, URI endpoint, ApiCalls calls) {
    this.http = http;
    this.endpoint = endpoint;
    this.calls = calls;
  }

  /** The regions enabled for the account behind {@code credentials}, asked in {@code region}. */
  List<String> enabledRegions(AwsCredentialsProvider credentials, String region) throws AwsCallException {
    String body = "Action=DescribeRegions&Version=2016-11-15";
    String response = call("ec2", "DescribeRegions", region, credentials, endpointFor("EC2", "https://ec2." + region + ".amazonaws.com"),
        "application/x-www-form-urlencoded; charset=utf-8", null, body);
    List<String> regions = new ArrayList<>();
    Matcher names = REGION_NAME.matcher(response);
    while (names.find()) {
      regions.add(names.group(1));
    }
    if (regions.isEmpty()) {
      throw new AwsCallException("ec2:DescribeRegions", "an answer that names no region");
    }
    regions.sort(null);
    return regions;
  }

  /** The ids of the organization's ACTIVE accounts, every page of them. */
  List<String> activeAccounts(AwsCredentialsProvider credentials) throws AwsCallException {
    List<String> accounts = new ArrayList<>();
    Pages.follow("organizations:ListAccounts", token -> {
      String body = token == null ? "{}" : "{\"NextToken\":\"" + token.replace("\"", "\\\"") + "\"}";
      String response = call("organizations", "ListAccounts", "us-east-1", credentials,
          endpointFor("ORGANIZATIONS", "https://organizations.us-east-1.amazonaws.com"), "application/x-amz-json-1.1",
          "AWSOrganizationsV20161128.ListAccounts", body);
      return json(response, "ListAccounts");
    }, page -> page.get("NextToken") instanceof ScalarNode token ? token.text() : null, page -> {
      if (page.get("Accounts") instanceof ArrayNode list) {
        for (Node element : list.elements()) {
          if (element instanceof ObjectNode account && text(account, "Status").equals("ACTIVE")) {
            accounts.add(text(account, "Id"));
          }
        }
      }
    });
    return accounts;
  }

  /** A REST-JSON call (Security Hub's): POST {@code path} with a JSON body; returns the JSON answer. */
  String restJson(String service, String operation, String region, AwsCredentialsProvider credentials, String path, String body)
      throws AwsCallException {
    URI base = endpointFor(service.toUpperCase(java.util.Locale.ROOT), "https://" + service + "." + region + ".amazonaws.com");
    return call(service, operation, region, credentials, URI.create(base.toString().replaceAll("/+$", "") + path), "application/json", null, body);
  }

  private URI endpointFor(String service, String standard) {
    if (endpoint != null) {
      return endpoint;
    }
    // As the SDK does for its clients: the service's own variable, then the general one (or their system properties).
    String specific = setting("AWS_ENDPOINT_URL_" + service, "aws.endpointUrl" + service.charAt(0) + service.substring(1).toLowerCase(java.util.Locale.ROOT));
    String general = setting("AWS_ENDPOINT_URL", "aws.endpointUrl");
    return URI.create(specific != null ? specific : general != null ? general : standard);
  }

  private static String setting(String variable, String property) {
    String value = System.getProperty(property);
    return value != null && !value.isBlank() ? value : System.getenv(variable);
  }

  private String call(String service, String operation, String region, AwsCredentialsProvider credentials, URI uri, String contentType,
      String target, String body) throws AwsCallException {
    calls.count(operation);
    try {
      SdkHttpFullRequest.Builder request =
          SdkHttpFullRequest.builder()
              .method(SdkHttpMethod.POST)
              .uri(uri)
              .putHeader("Content-Type", contentType);
      if (target != null) {
        request.putHeader("X-Amz-Target", target);
      }
      SignedRequest signed =
          AwsV4HttpSigner.create()
              .sign(
                  r ->
                      r.identity(credentials.resolveCredentials())
                          .request(request.build())
                          .payload(ContentStreamProvider.fromUtf8String(body))
                          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                          .putProperty(AwsV4HttpSigner.REGION_NAME, region));
      HttpExecuteResponse response =
          http.prepareRequest(HttpExecuteRequest.builder().request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build())
              .call();
      String text;
      try (InputStream in = response.responseBody().orElse(null)) {
        text = in == null ? "" : new String(in.readNBytes(16 * 1024 * 1024), StandardCharsets.UTF_8);
      }
      int status = response.httpResponse().statusCode();
      if (status / 100 != 2) {
        throw new AwsCallException(service + ":" + operation, errorCode(text, status));
      }
      return text;
    } catch (IOException | RuntimeException e) {
      throw new AwsCallException(service + ":" + operation, AwsCallException.describe(e));
    }
  }

  private static String errorCode(String body, int status) {
    Matcher xml = XML_ERROR_CODE.matcher(body);
    if (xml.find()) {
      return xml.group(1);
    }
    try {
      ObjectNode json = json(body, "error");
      String type = text(json, "__type");
      if (!type.isEmpty()) {
        return type.substring(type.indexOf('#') + 1);
      }
    } catch (AwsCallException e) {
      // not JSON either: the status says enough
    }
    return "HTTP " + status;
  }

  /** An answer's JSON object; {@code what} names the call in the error. */
  static ObjectNode json(String text, String what) throws AwsCallException {
    try {
      if (new DocumentReader(InputLimits.DEFAULT).read(text.getBytes(StandardCharsets.UTF_8), what + ".json").root() instanceof ObjectNode object) {
        return object;
      }
    } catch (InputException e) {
      // reported below
    }
    throw new AwsCallException(what, "an answer that is not a JSON object");
  }

  /** A member's text, or "" when it is missing or not a value. */
  static String text(ObjectNode object, String name) {
    return object.get(name) instanceof ScalarNode scalar && scalar.text() != null ? scalar.text() : "";
  }
}
