package dev.ecsguard.aws.remediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.aws.remediation.Change.RegisterRevision;
import dev.ecsguard.aws.remediation.Change.UpdateCapacityProvider;
import dev.ecsguard.aws.remediation.Change.UpdateCluster;
import dev.ecsguard.aws.remediation.Change.UpdateService;
import dev.ecsguard.fix.shared.AwsCliJson;
import dev.ecsguard.tree.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of a remediation: each change with its account, region, the resource, and the values
 * before and after (revision ARNs for task definitions, never their content, which may hold
 * credentials). Each change is written before its call ({@code started}) and after it ({@code
 * done}, {@code failed} when AWS refused it, or {@code outcome unknown}), the file replaced
 * atomically each time, so that whatever stops the run leaves a valid journal saying what was done.
 * {@code ecsguard rollback} reads it back.
 */
public final class Journal {
  static final String STARTED = "started";
  static final String DONE = "done";
  static final String FAILED = "failed";

  /**
   * The call failed after it may have reached AWS (a 5xx, a timeout): only the resource's state
   * tells whether it was made.
   */
  static final String OUTCOME_UNKNOWN = "outcome unknown";

  static final String ROLLED_BACK = "rolled back";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final ObjectNode root;

  private Journal(Path file, ObjectNode root) {
    this.file = file;
    this.root = root;
  }

  /** A new journal at {@code file}; an existing file is never overwritten. */
  public static Journal create(Path file) throws IOException {
    ObjectNode root =
        JSON.createObjectNode()
            .put("journal", "ecsguard apply")
            .put("version", 1)
            .put("started", Instant.now().toString())
            .put("state", "in progress");
    root.putArray("changes");
    // CREATE_NEW: a file that exists, even one made a moment ago, is never overwritten.
    Files.writeString(
        file,
        AwsCliJson.print(root),
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE_NEW);
    return new Journal(file, root);
  }

  /** A journal written by {@code apply}; anything else is a one-line error naming the file. */
  public static Journal read(Path file) throws InputException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new InputException(
          file.toString(), "not a journal: not JSON (line " + e.getLocation().getLineNr() + ")");
    } catch (IOException e) {
      throw new InputException(
          file.toString(), "cannot read: " + dev.ecsguard.tree.Problems.describe(e));
    }
    if (!(root instanceof ObjectNode object)
        || !"ecsguard apply".equals(root.path("journal").asText())
        || root.path("version").asInt() != 1
        || !(root.get("changes") instanceof ArrayNode changes)) {
      throw new InputException(file.toString(), "not a journal of ecsguard apply (version 1)");
    }
    for (JsonNode change : changes) {
      if (!(change instanceof ObjectNode)
          || !change.path("action").isTextual()
          || !change.path("account").isTextual()
          || !change.path("region").isTextual()) {
        throw new InputException(
            file.toString(),
            "not a journal of ecsguard apply: a change without action, account or region");
      }
    }
    return new Journal(file, object);
  }

  public Path file() {
    return file;
  }

  /** The changes, in the order they were made. */
  List<ObjectNode> changes() {
    List<ObjectNode> changes = new ArrayList<>();
    root.withArray("changes").forEach(change -> changes.add((ObjectNode) change));
    return changes;
  }

  /** Records {@code change} as about to be made. */
  ObjectNode started(Change change) {
    ObjectNode entry =
        root.withArray("changes")
            .addObject()
            .put("state", STARTED)
            .put("account", change.account())
            .put("region", change.region())
            .put("action", Remediation.callOf(change).substring("ecs:".length()))
            .put("description", change.describe());
    switch (change) {
      case RegisterRevision register ->
          entry.put("family", register.family()).put("from", register.from());
      case UpdateService update -> {
        entry.put("cluster", update.cluster()).put("service", update.service());
        entry.set("before", update.before());
        entry.set("after", update.after());
      }
      case UpdateCluster cluster ->
          entry
              .put("cluster", cluster.cluster())
              .put("before", cluster.before())
              .put("after", cluster.after());
      case UpdateCapacityProvider provider ->
          entry
              .put("capacityProvider", provider.capacityProvider())
              .put("before", provider.before())
              .put("after", provider.after());
    }
    save();
    return entry;
  }

  void done(ObjectNode entry) {
    entry.put("state", DONE).put("at", Instant.now().toString());
    save();
  }

  /** {@code mayHaveBeenMade}: whether AWS may have made the change although the call failed. */
  void failed(ObjectNode entry, String error, boolean mayHaveBeenMade) {
    entry
        .put("state", mayHaveBeenMade ? OUTCOME_UNKNOWN : FAILED)
        .put("error", error)
        .put("at", Instant.now().toString());
    save();
  }

  void rolledBack(ObjectNode entry) {
    entry.put("state", ROLLED_BACK).put("rolledBackAt", Instant.now().toString());
    save();
  }

  void complete() {
    root.put("state", "complete").put("finished", Instant.now().toString());
    save();
  }

  void stopped() {
    root.put("state", "stopped").put("finished", Instant.now().toString());
    save();
  }

  /** Written beside itself and moved into place, so that a reader never sees half a journal. */
  void save() {
    try {
      Path directory = file.toAbsolutePath().getParent();
      Path partial = Files.createTempFile(directory, file.getFileName().toString(), ".partial");
      try {
        Files.writeString(partial, AwsCliJson.print(root), StandardCharsets.UTF_8);
        Files.move(
            partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial); // gone after the move; left only when it failed
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the journal " + file + ": " + dev.ecsguard.tree.Problems.describe(e), e);
    }
  }
}
