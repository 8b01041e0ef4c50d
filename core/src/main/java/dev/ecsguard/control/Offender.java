package dev.ecsguard.control;

import dev.ecsguard.secrets.Credentials;
import dev.ecsguard.tree.Origin;

/**
 * The element a verdict is about (a container, a volume, a variable; null for the resource itself)
 * and what is wrong with it, or why it could not be read. Both may quote the input, so a
 * credential's format is hidden in them here, once: the sentences made of them need no masking of
 * their own.
 */
public record Offender(String element, Origin origin, String problem) {
  public Offender {
    element = element == null ? null : Credentials.maskFormats(element);
    problem = Credentials.maskFormats(problem);
  }

  /** The offender as a sentence of a FAILED or UNKNOWN message. */
  public String sentence(Status status) {
    StringBuilder sentence =
        new StringBuilder((element == null ? 0 : element.length() + 2) + problem.length() + 1);
    if (element != null) {
      sentence
          .append(Character.toUpperCase(element.charAt(0)))
          .append(element, 1, element.length());
      sentence.append(status == Status.UNKNOWN ? ": " : " ");
    }
    sentence.append(problem); // never capitalised: it may start with a field name
    if (sentence.charAt(sentence.length() - 1) != '.') {
      sentence.append('.');
    }
    return sentence.toString();
  }
}
