package dev.ecsguard.format;

import dev.ecsguard.tree.Node;
import java.time.LocalDate;

/**
 * A suppression as written beside its resource. Its control is as written: the engine checks it
 * against the catalogue, which formats do not know, and notes one it does not know at {@code
 * where}.
 *
 * @param control the control id as written
 * @param resourceId the resource it covers
 * @param reason why the finding is accepted
 * @param expires the last day it applies, or null
 * @param source where it was written, for reports
 * @param where the node a problem with it is noted at
 */
public record InlineSuppression(
    String control,
    String resourceId,
    String reason,
    LocalDate expires,
    String source,
    Node where) {}
