package dev.ecsguard.format;

import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suppressions written where the resource is: {@code Metadata: {ecsguard: {suppress: [{control:
 * ECS.5, reason: …}]}}} on a CloudFormation resource, and {@code # ecsguard:ignore ECS.5 reason…}
 * on or above a Terraform resource block. Each covers its own resource only, and needs a reason;
 * one that cannot be used is noted and ignored, so the finding stays FAILED.
 */
public final class InlineSuppressions {
  private static final Pattern COMMENT = Pattern.compile("ecsguard:ignore\\s+(\\S+)\\s*(.*)");

  private InlineSuppressions() {}

  /** From a CloudFormation resource's Metadata. */
  public static List<InlineSuppression> cloudFormation(
      String logicalId, ObjectNode resource, BiConsumer<Node, String> note) {
    List<InlineSuppression> suppressions = new ArrayList<>();
    if (!(resource.get("Metadata") instanceof ObjectNode metadata)
        || !(metadata.get("ecsguard") instanceof ObjectNode ecsguard)) {
      return suppressions;
    }
    if (!(ecsguard.get("suppress") instanceof ArrayNode list)) {
      note.accept(ecsguard, "Metadata.ecsguard has no suppress list; nothing suppressed");
      return suppressions;
    }
    for (Node element : list.elements()) {
      if (element instanceof ObjectNode entry
          && !java.util.Set.of("control", "reason", "expires").containsAll(entry.names())) {
        // A typo must not widen or narrow what is accepted: the entry is not used at all.
        note.accept(
            element,
            "an ecsguard suppression with a setting other than control, reason and expires; ignored, so the finding stands");
        continue;
      }
      String control =
          element instanceof ObjectNode entry && entry.get("control") instanceof ScalarNode c
              ? c.text()
              : null;
      String reason =
          element instanceof ObjectNode entry && entry.get("reason") instanceof ScalarNode r
              ? r.text()
              : null;
      String expires =
          element instanceof ObjectNode entry && entry.get("expires") instanceof ScalarNode e
              ? e.text()
              : null;
      add(
          suppressions,
          control,
          reason,
          expires,
          logicalId,
          "inline Metadata of " + logicalId + " (" + element.file() + ":" + element.line() + ")",
          element,
          note);
    }
    return suppressions;
  }

  /**
   * From a Terraform comment such as {@code ecsguard:ignore ECS.5 the reason} (without the comment
   * marker).
   */
  public static void terraform(
      String comment,
      String address,
      Node where,
      List<InlineSuppression> into,
      BiConsumer<Node, String> note) {
    Matcher matcher = COMMENT.matcher(comment.strip());
    if (matcher.matches()) {
      add(
          into,
          matcher.group(1),
          matcher.group(2),
          null,
          address,
          "inline comment on " + address + " (" + where.file() + ":" + where.line() + ")",
          where,
          note);
    }
  }

  private static void add(
      List<InlineSuppression> into,
      String control,
      String reason,
      String expires,
      String resourceId,
      String source,
      Node where,
      BiConsumer<Node, String> note) {
    if (control == null || reason == null || reason.isBlank()) {
      note.accept(
          where,
          "an ecsguard suppression needs a control and a reason; ignored, so the finding stands");
      return;
    }
    java.time.LocalDate until = null;
    if (expires != null) {
      try {
        until = java.time.LocalDate.parse(expires);
      } catch (java.time.format.DateTimeParseException e) {
        note.accept(
            where,
            "an ecsguard suppression's expires is not a date written YYYY-MM-DD; ignored, so the finding stands");
        return;
      }
    }
    into.add(new InlineSuppression(control, resourceId, reason.strip(), until, source, where));
  }
}
