package dev.ecsguard.aws.session;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way a paged AWS listing is followed. A token handed back again (by a faulty endpoint or
 * proxy) would page for ever, so it ends the listing as incomplete; the pages read before stay
 * read.
 */
public final class Pages {
  private Pages() {}

  /** One page of a listing, for the token of the previous page's answer (null: the first page). */
  @FunctionalInterface
  public interface Fetch<P> {
    P page(String token) throws AwsCallException;
  }

  /**
   * Gives each page to {@code each}, in order; throws, naming {@code call}, when a token comes back
   * a second time.
   */
  public static <P> void follow(
      String call, Fetch<P> fetch, Function<P, String> nextToken, Consumer<P> each)
      throws AwsCallException {
    Set<String> given = new HashSet<>();
    String token = null;
    do {
      P page = fetch.page(token);
      each.accept(page);
      token = nextToken.apply(page);
      if (token != null && !token.isEmpty() && !given.add(token)) {
        throw new AwsCallException(
            call, "a page token came back twice, so the listing cannot be completed");
      }
    } while (token != null && !token.isEmpty());
  }
}
