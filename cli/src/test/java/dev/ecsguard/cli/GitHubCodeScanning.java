package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * What GitHub code scanning requires of a SARIF file beyond the schema, as its documentation
 * ("SARIF support for code scanning", and "SARIF results exceed one or more limits") states it,
 * with what GitHub is known to refuse: a location without a physical one, a URI of another scheme
 * than {@code file:}. Every SARIF report of the tests goes through here, after the schema.
 */
final class GitHubCodeScanning {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An embedded link to a related location: {@code [text](3)}, its own brackets escaped. */
  private static final Pattern LINK = Pattern.compile("(?<!\\\\)\\]\\((\\d+)\\)");

  private GitHubCodeScanning() {}

  static void assertAccepts(String sarif) throws IOException {
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
      gzip.write(sarif.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(gzipped.size()).as("gzip-compressed size (at most 10 MB)").isLessThan(10 << 20);
    JsonNode log = JSON.readTree(sarif);
    assertThat(log.path("$schema").asText()).as("$schema").isNotEmpty();
    assertThat(log.path("version").asText()).isEqualTo("2.1.0");
    assertThat(log.path("runs").size()).as("runs per file").isBetween(1, 20);
    for (JsonNode run : log.get("runs")) {
      assertRun(run);
    }
  }

  private static void assertRun(JsonNode run) {
    JsonNode driver = run.path("tool").path("driver");
    assertThat(driver.path("name").asText()).as("tool.driver.name").isNotEmpty();
    JsonNode rules = driver.path("rules");
    assertThat(rules.isArray()).as("tool.driver.rules").isTrue();
    assertThat(rules.size()).as("rules per run").isLessThanOrEqualTo(25_000);
    Set<String> ruleIds = new HashSet<>();
    for (JsonNode rule : rules) {
      String id = rule.path("id").asText();
      assertThat(ruleIds.add(id)).as("rule id %s given once", id).isTrue();
      assertRule(id, rule);
    }
    // ecsguard leaves the category to the upload (upload-sarif sets automationDetails only when
    // the file has none), so that a workflow's category is never overridden.
    assertThat(run.has("automationDetails")).as("automationDetails").isFalse();
    Set<String> baseIds = new HashSet<>();
    run.path("originalUriBaseIds")
        .properties()
        .forEach(
            base -> {
              baseIds.add(base.getKey());
              String uri = base.getValue().path("uri").asText();
              assertThat(uri).as("base %s", base.getKey()).startsWith("file:///").endsWith("/");
            });
    JsonNode results = run.path("results");
    assertThat(results.isArray()).as("results").isTrue();
    assertThat(results.size()).as("results per run").isLessThanOrEqualTo(25_000);
    for (JsonNode result : results) {
      String id = result.path("ruleId").asText();
      assertThat(ruleIds).as("rule of a result").contains(id);
      if (result.has("ruleIndex")) {
        assertThat(rules.get(result.get("ruleIndex").asInt()).path("id").asText()).isEqualTo(id);
      }
      assertResult(id, result, baseIds);
    }
    for (JsonNode invocation : run.path("invocations")) {
      for (JsonNode notification : invocation.path("toolExecutionNotifications")) {
        assertThat(notification.path("message").path("text").asText()).isNotEmpty();
        for (JsonNode location : notification.path("locations")) {
          assertUri(location.path("physicalLocation").path("artifactLocation"), baseIds);
        }
      }
    }
  }

  private static void assertRule(String id, JsonNode rule) {
    assertThat(id).as("rule id").isNotEmpty();
    assertThat(rule.path("name").asText()).as("name of %s", id).hasSizeLessThanOrEqualTo(255);
    for (String description : new String[] {"shortDescription", "fullDescription"}) {
      assertThat(rule.path(description).path("text").asText())
          .as("%s of %s", description, id)
          .isNotEmpty()
          .hasSizeLessThanOrEqualTo(1024);
    }
    assertThat(rule.path("help").path("text").asText()).as("help.text of %s", id).isNotEmpty();
    if (rule.has("defaultConfiguration")) {
      assertThat(rule.path("defaultConfiguration").path("level").asText())
          .isIn("note", "warning", "error");
    }
    JsonNode properties = rule.path("properties");
    // At most 20 tags, of which GitHub keeps 10.
    assertThat(properties.path("tags").size()).as("tags of %s", id).isLessThanOrEqualTo(10);
    if (properties.has("security-severity")) {
      JsonNode severity = properties.get("security-severity");
      assertThat(severity.isTextual()).as("security-severity of %s is a string", id).isTrue();
      assertThat(Double.parseDouble(severity.asText()))
          .as("security-severity of %s", id)
          .isGreaterThan(0.0)
          .isLessThanOrEqualTo(10.0);
      assertThat(properties.path("tags").toString()).as("tags of %s", id).contains("\"security\"");
    }
  }

  private static void assertResult(String id, JsonNode result, Set<String> baseIds) {
    String message = result.path("message").path("text").asText();
    assertThat(message).as("message of a %s result", id).isNotBlank();
    if (result.has("level")) {
      assertThat(result.get("level").asText()).isIn("none", "note", "warning", "error");
    }
    JsonNode locations = result.path("locations");
    // At least one, or GitHub refuses the file; at most 10, as GitHub documents.
    assertThat(locations.size()).as("locations of a %s result", id).isBetween(1, 10);
    for (JsonNode location : locations) {
      assertPhysicalLocation(location, baseIds);
    }
    Set<Integer> related = new HashSet<>();
    for (JsonNode location : result.path("relatedLocations")) {
      assertThat(related.add(location.path("id").asInt(-1))).as("related location id").isTrue();
      assertPhysicalLocation(location, baseIds);
    }
    assertThat(locations.size() + result.path("relatedLocations").size())
        .as("locations of a result")
        .isLessThanOrEqualTo(1000);
    Matcher link = LINK.matcher(message);
    while (link.find()) {
      assertThat(related).as("link target in %s", message).contains(Integer.valueOf(link.group(1)));
    }
    JsonNode fingerprints = result.path("partialFingerprints");
    assertThat(fingerprints.isObject() && !fingerprints.isEmpty())
        .as("partialFingerprints of a %s result", id)
        .isTrue();
  }

  /** A file and a line: a location without them makes GitHub refuse the whole file. */
  private static void assertPhysicalLocation(JsonNode location, Set<String> baseIds) {
    JsonNode physical = location.path("physicalLocation");
    assertThat(physical.isObject()).as("physicalLocation of %s", location).isTrue();
    assertUri(physical.path("artifactLocation"), baseIds);
    JsonNode region = physical.path("region");
    assertThat(region.path("startLine").asInt())
        .as("region.startLine of %s", location)
        .isPositive();
    if (region.has("startColumn")) {
      assertThat(region.get("startColumn").asInt()).isPositive();
    }
  }

  /**
   * A relative reference from the repository's root, with a base id the run declares, or an
   * absolute {@code file:} URI: GitHub refuses another scheme.
   */
  private static void assertUri(JsonNode artifact, Set<String> baseIds) {
    String uri = artifact.path("uri").asText();
    assertThat(uri).as("artifactLocation.uri").isNotEmpty();
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      throw new AssertionError("not a URI reference: " + uri, e);
    }
    if (parsed.isAbsolute()) {
      assertThat(parsed.getScheme()).as("scheme of %s", uri).isEqualTo("file");
      assertThat(artifact.has("uriBaseId")).as("uriBaseId of absolute %s", uri).isFalse();
    } else {
      assertThat(uri).as("relative URI").doesNotStartWith("/").doesNotStartWith("./");
      assertThat(artifact.path("uriBaseId").asText()).as("uriBaseId of %s", uri).isNotEmpty();
      if (!baseIds.isEmpty()) {
        assertThat(baseIds).contains(artifact.get("uriBaseId").asText());
      }
    }
  }
}
