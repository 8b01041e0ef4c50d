package dev.ecsguard.model;

import dev.ecsguard.tree.Origin;
import java.util.List;

/**
 * A resource known to exist but whose settings could not be read (access denied, throttled after
 * retries): every value is unknown with the reason, so every control on it is UNKNOWN, never
 * PASSED.
 */
public final class Unreadable {
  private Unreadable() {}

  public static Resource of(ResourceType type, String id, Origin origin, String reason) {
    return switch (type) {
      case TASK_DEFINITION ->
          new TaskDefinition(
              id,
              origin,
              unknown(reason, origin),
              unknown(reason, origin),
              unknown(reason, origin),
              unknown(reason, origin),
              unknown(reason, origin),
              unknown(reason, origin),
              unknown(reason, origin),
              unknown(reason, origin),
              unknown(reason, origin),
              unknown(reason, origin),
              unknown(reason, origin),
              unknown(reason, origin),
              null);
      case SERVICE ->
          new Service(
              id,
              origin,
              unknown(reason, origin),
              unknown(reason, origin),
              unknown(reason, origin),
              unknown(reason, origin),
              unknown(reason, origin),
              unknown(reason, origin),
              List.of(unknown(reason, origin)));
      case CLUSTER -> new Cluster(id, origin, unknown(reason, origin), unknown(reason, origin));
      case TASK_SET ->
          new TaskSet(id, origin, unknown(reason, origin), List.of(unknown(reason, origin)));
      case CAPACITY_PROVIDER ->
          new CapacityProvider(
              id,
              origin,
              unknown(reason, origin),
              unknown(reason, origin),
              unknown(reason, origin));
    };
  }

  private static <T> Value<T> unknown(String reason, Origin origin) {
    return Value.unknown(reason, origin);
  }
}
