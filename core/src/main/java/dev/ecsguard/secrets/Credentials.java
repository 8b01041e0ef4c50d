package dev.ecsguard.secrets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises credentials written as literal values in a task definition, by the rules of ECSG.5
 * (environment variables) and ECSG.6 (commands, entry points, health checks, Docker labels): so
 * that no output shows them, and so that those controls can report them. A {@link Credential} names
 * its kind and carries the text to hide; it never prints that text.
 */
public final class Credentials {
  /** What ecsguard shows in place of a credential. */
  public static final String MASK = "(value not shown)";

  /**
   * The variable names ECS.8 flags: exact and case-sensitive, as AWS's rule matches them. ECSG.5
   * leaves them to ECS.8; their values are hidden all the same.
   */
  public static final Set<String> ECS8_NAMES =
      Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ECS_ENGINE_AUTH_DATA");

  /**
   * The kind of a credential, worded for a message: {@code "DB_PASSWORD" holds a literal password}.
   */
  public enum Kind {
    ECS8_NAME("an AWS credential (ECS.8 flags its name)"),
    AWS_ACCESS_KEY_ID("an AWS access key id"),
    PRIVATE_KEY("a PEM private key"),
    GITHUB_TOKEN("a GitHub token"),
    GITLAB_TOKEN("a GitLab token"),
    SLACK_TOKEN("a Slack token"),
    STRIPE_LIVE_KEY("a Stripe live key"),
    GOOGLE_API_KEY("a Google API key"),
    JWT("a JSON Web Token"),
    URL_WITH_PASSWORD("a URL with a password"),
    LITERAL_PASSWORD("a literal password"),
    LITERAL_SECRET("a literal secret"),
    LITERAL_TOKEN("a literal token"),
    LITERAL_API_KEY("a literal API key"),
    LITERAL_PRIVATE_KEY("a literal private key"),
    LITERAL_ACCESS_KEY("a literal access key"),
    LITERAL_CREDENTIAL("a literal credential");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    @Override
    public String toString() {
      return words;
    }
  }

  /**
   * A credential found: its kind, and {@code value}, the exact text to hide (never in {@link
   * #toString()}).
   */
  public record Credential(Kind kind, String value) {
    @Override
    public String toString() {
      return kind.toString();
    }
  }

  /**
   * The settings of a container that ECSG.6 reads as commands, each the path of API fields to a
   * list of arguments.
   */
  public static final List<List<String>> COMMAND_SETTINGS =
      List.of(List.of("command"), List.of("entryPoint"), List.of("healthCheck", "command"));

  /**
   * A value format, and the texts one of which it cannot match without: its pattern runs only on a
   * text that holds one (every finding message and every variable's value passes here).
   */
  private record Format(Kind kind, Pattern pattern, List<String> starts) {
    boolean mayMatch(String text) {
      return containsAny(text, starts);
    }
  }

  private static final List<Format> FORMATS =
      List.of(
          new Format(
              Kind.AWS_ACCESS_KEY_ID,
              Pattern.compile("(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])"),
              List.of("AKIA", "ASIA", "ABIA", "ACCA")),
          // To its END line, or to the end of the value when a value holds the key's first part
          // only.
          new Format(
              Kind.PRIVATE_KEY,
              Pattern.compile(
                  "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?:.*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|.*)",
                  Pattern.DOTALL),
              List.of("PRIVATE KEY")),
          new Format(
              Kind.GITHUB_TOKEN,
              Pattern.compile(
                  "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9])|github_pat_[A-Za-z0-9_]{20,})"),
              List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
          new Format(
              Kind.GITLAB_TOKEN,
              Pattern.compile("(?<![A-Za-z0-9_])glpat-[A-Za-z0-9_-]{20}"),
              List.of("glpat-")),
          new Format(
              Kind.SLACK_TOKEN,
              Pattern.compile("(?<![A-Za-z0-9_])xox[baprs]-[A-Za-z0-9-]+"),
              List.of("xox")),
          new Format(
              Kind.STRIPE_LIVE_KEY,
              Pattern.compile("(?<![A-Za-z0-9_])[sr]k_live_[A-Za-z0-9]+"),
              List.of("k_live_")),
          new Format(
              Kind.GOOGLE_API_KEY,
              Pattern.compile("(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])"),
              List.of("AIza")));

  /** Three base64url parts; whether the first is a JOSE header is decided by decoding it. */
  private static final Pattern JWT =
      Pattern.compile("(?<![A-Za-z0-9_-])(ey[A-Za-z0-9_-]+)\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  /** {@code scheme://user:password@host}; group 1 is the password. */
  private static final Pattern URL_PASSWORD =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s/:@'\"]*:([^\\s/@'\"]+)@[^\\s/@'\"]+");

  private static final Pattern REFERENCE =
      Pattern.compile(
          "\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*|\\{\\{resolve:.*}}|arn:.*|<[^<>]*>",
          Pattern.DOTALL);
  private static final Pattern BOOLEAN_OR_NUMBER =
      Pattern.compile("(?i)true|false|[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[+-]?\\d+)?");
  private static final Pattern FLAG =
      Pattern.compile("(?i)(--(?:password|token|secret|api-key))(?:=(.*))?", Pattern.DOTALL);
  private static final Pattern ASSIGNMENT =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.+)", Pattern.DOTALL);

  /**
   * A name's last words that make it name where a credential is kept, or a setting about one, not
   * hold it: found in public task definitions as {@code POSTGRES_PASSWORD_FILE}, {@code
   * PUBLISHER_TOKEN_URL}, {@code MLFLOW_AWS_SECRET_NAME}, {@code TOKEN_EXPIRY} (README, "False
   * positives of the credential controls").
   */
  private static final Set<String> POINTER_WORDS =
      Set.of(
          "file",
          "path",
          "dir",
          "url",
          "uri",
          "endpoint",
          "name",
          "id",
          "arn",
          "expiry",
          "expiration",
          "ttl",
          "timeout",
          "header");

  /**
   * An absolute or relative file path, without spaces: where a secret-like name's credential is
   * read from ({@code GOOGLE_APPLICATION_CREDENTIALS=/secrets/key.json}), not the credential.
   */
  private static final Pattern FILE_PATH = Pattern.compile("\\.{0,2}/[^\\s:]*[A-Za-z][^\\s:]*");

  private static final int LITERAL_LENGTH = 8;
  private static final int FLAG_VALUE_LENGTH = 4;

  /** How deep scripts quoted in scripts are read ({@code sh -c "su -c '…'"}). */
  private static final int SCRIPT_DEPTH = 3;

  private static final JsonFactory JSON = new JsonFactory();

  private Credentials() {}

  /**
   * ECSG.5: an environment variable whose value is a credential, by its name or by the value's
   * format.
   */
  public static Optional<Credential> inVariable(String name, String value) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    if (name != null && ECS8_NAMES.contains(name)) {
      return Optional.of(new Credential(Kind.ECS8_NAME, value));
    }
    return byFormatOrName(name, value);
  }

  /**
   * ECSG.6: a Docker label whose value has a credential format, or whose key is secret-like with a
   * literal value.
   */
  public static Optional<Credential> inLabel(String key, String value) {
    return value == null || value.isEmpty() ? Optional.empty() : byFormatOrName(key, value);
  }

  /**
   * ECSG.6: the credentials in a command, entry point or health check command, element by element:
   * value formats, {@code --password=x} or {@code --password x} flags with a literal value, and
   * {@code NAME=value} assignments whose NAME is secret-like. A null element is one the input
   * computes: no literal, and no flag's value.
   */
  public static List<Credential> inCommand(List<String> elements) {
    List<Credential> found = new ArrayList<>();
    boolean flagsOrAssignments = false;
    for (String element : elements) {
      flagsOrAssignments |= mayHoldAFlagOrAssignment(element);
    }
    if (!flagsOrAssignments) {
      // Most commands: no flag, no assignment, so only a value format can be in them.
      elements.forEach(element -> found.addAll(inText(element)));
      return found;
    }
    List<String> words = new ArrayList<>();
    Map<Integer, String> nextArgument =
        new HashMap<>(); // a word that ends its element → the next element, one argument however
    // many words
    for (int e = 0; e < elements.size(); e++) {
      String element = elements.get(e);
      if (element == null) {
        words.add(null);
        continue;
      }
      found.addAll(inText(element));
      int before = words.size();
      shellWords(element, SCRIPT_DEPTH, words);
      if (words.size() > before && e + 1 < elements.size() && elements.get(e + 1) != null) {
        List<String> next = new ArrayList<>();
        shellWords(elements.get(e + 1), 0, next);
        nextArgument.put(
            words.size() - 1, next.size() == 1 ? next.get(0) : elements.get(e + 1).strip());
      }
    }
    List<Credential> byPlace = new ArrayList<>(); // by a flag or an assignment
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (word == null) {
        continue;
      }
      if (!word.startsWith("--") && word.indexOf('=') <= 0) {
        continue; // neither a flag nor an assignment: no pattern needs to look
      }
      Matcher flag = FLAG.matcher(word);
      Matcher assignment = ASSIGNMENT.matcher(word);
      if (flag.matches()) {
        String value =
            flag.group(2) != null
                ? flag.group(2)
                : nextArgument.containsKey(i)
                    ? nextArgument.get(i)
                    : i + 1 < words.size() ? words.get(i + 1) : null;
        if (value != null
            && value.length() >= FLAG_VALUE_LENGTH
            && !value.startsWith("-")
            && !isReference(value)) {
          byPlace.add(new Credential(flagKind(flag.group(1)), value));
        }
      } else if (assignment.matches()) {
        String value = assignment.group(2);
        nameKind(assignment.group(1))
            .filter(kind -> isLiteral(value))
            .ifPresent(kind -> byPlace.add(new Credential(kind, value)));
      }
    }
    // A value that holds a format is that format's credential: one credential, named by its format.
    List<Credential> formats = List.copyOf(found);
    for (Credential credential : byPlace) {
      if (formats.stream().noneMatch(format -> credential.value().contains(format.value()))) {
        found.add(credential);
      }
    }
    return found;
  }

  /** Whether a command element may hold a credential flag or a NAME=value assignment. */
  private static boolean mayHoldAFlagOrAssignment(String element) {
    return element != null && (element.contains("--") || element.indexOf('=') >= 0);
  }

  /**
   * ECSG.6: the positions of the computed (null) elements of a command that stand where a flag's
   * value is read ({@code "--password", <computed>}): a credential, if a literal, that no one can
   * see yet.
   */
  public static List<Integer> computedFlagValues(List<String> elements) {
    List<Integer> positions = new ArrayList<>();
    for (int e = 0; e + 1 < elements.size(); e++) {
      if (elements.get(e) == null || elements.get(e + 1) != null) {
        continue;
      }
      List<String> words = new ArrayList<>();
      shellWords(elements.get(e), 0, words);
      if (!words.isEmpty()) {
        Matcher flag = FLAG.matcher(words.get(words.size() - 1));
        if (flag.matches() && flag.group(2) == null) {
          positions.add(e + 1);
        }
      }
    }
    return positions;
  }

  /**
   * The words of {@code text} as a shell splits it, quotes removed: 'single' quotes keep all,
   * "double" quotes and bare text honour backslash escapes; a quote left open runs to the end. A
   * word written wholly in quotes that holds spaces is a script ({@code sh -c "…"}): its own words
   * follow it, to {@code depth} levels.
   */
  private static void shellWords(String text, int depth, List<String> into) {
    StringBuilder word = null;
    int quotedFrom =
        -1; // where the word's leading quote closes: the word is wholly quoted when it ends there
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || Character.isWhitespace(text.charAt(i))) {
        if (word != null) {
          addWord(word.toString(), quotedFrom >= i - 1, depth, into);
          word = null;
        }
        continue;
      }
      char c = text.charAt(i);
      boolean first = word == null;
      if (first) {
        word = new StringBuilder();
        quotedFrom = -1;
      }
      if (c == '\'') {
        int close = text.indexOf('\'', i + 1);
        int end = close < 0 ? text.length() : close;
        word.append(text, i + 1, end);
        i = end;
      } else if (c == '"') {
        for (i++; i < text.length() && text.charAt(i) != '"'; i++) {
          if (text.charAt(i) == '\\'
              && i + 1 < text.length()
              && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
            i++;
          }
          word.append(text.charAt(i));
        }
      } else if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
      } else {
        word.append(c);
      }
      i = Math.min(i, text.length() - 1); // a quote left open runs to the end of the text
      if (first && (c == '\'' || c == '"')) {
        quotedFrom = i;
      }
    }
  }

  private static void addWord(String word, boolean wholeQuoted, int depth, List<String> into) {
    into.add(word);
    if (wholeQuoted && depth > 0 && word.chars().anyMatch(Character::isWhitespace)) {
      shellWords(word, depth - 1, into);
    }
  }

  /**
   * Whether a format may start somewhere in {@code text}: one pass over it, each character that can
   * begin a format confirmed by the whole prefix, because every finding message passes here.
   */
  private static boolean mayHoldAFormat(String text) {
    for (int at = 0, length = text.length(); at < length; at++) {
      char c = text.charAt(at);
      if (c >= FORMAT_STARTS.length || !FORMAT_STARTS[c]) {
        continue; // most characters: one test, not the switch's
      }
      boolean starts =
          switch (c) {
            case 'A' -> startsWithAny(text, at, "AKIA", "ASIA", "ABIA", "ACCA", "AIza");
            case 'P' -> text.startsWith("PRIVATE KEY", at);
            case 'x' -> text.startsWith("xox", at);
            case 'k' -> text.startsWith("k_live_", at);
            // A URL's password needs an @ after the scheme: a plain URL holds none.
            case ':' -> text.startsWith("://", at) && text.indexOf('@', at) >= 0;
            case 'g' ->
                startsWithAny(text, at, "github_pat_", "glpat-")
                    // GitHub's gh?_ prefixes, not every "through" or "high"
                    || (at + 3 < length
                        && text.charAt(at + 1) == 'h'
                        && "pousr".indexOf(text.charAt(at + 2)) >= 0
                        && text.charAt(at + 3) == '_');
            // A JWT starts a token with "ey" (base64url of '{"'); "key" or "they" does not start
            // one.
            case 'e' ->
                at + 1 < length
                    && text.charAt(at + 1) == 'y'
                    && (at == 0 || !isBase64Url(text.charAt(at - 1)));
            default -> false;
          };
      if (starts) {
        return true;
      }
    }
    return false;
  }

  /** The characters {@link #mayHoldAFormat}'s switch looks further at. */
  private static final boolean[] FORMAT_STARTS = new boolean[128];

  static {
    for (char c : "APxk:ge".toCharArray()) {
      FORMAT_STARTS[c] = true;
    }
  }

  private static boolean containsAny(String text, List<String> parts) {
    for (int i = 0; i < parts.size(); i++) { // no iterator: every variable's name passes here
      if (text.contains(parts.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithAny(String text, int at, String... prefixes) {
    for (String prefix : prefixes) {
      if (text.startsWith(prefix, at)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBase64Url(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-';
  }

  /** Every value format in {@code text}, each with the text it takes (a URL's password only). */
  public static List<Credential> inText(String text) {
    if (text == null || !mayHoldAFormat(text)) {
      return List.of();
    }
    List<Credential> found = new ArrayList<>();
    for (Format format : FORMATS) {
      if (!format.mayMatch(text)) {
        continue;
      }
      Matcher matcher = format.pattern().matcher(text);
      while (matcher.find()) {
        found.add(new Credential(format.kind(), matcher.group()));
      }
    }
    if (text.indexOf('.') >= 0 && text.contains("ey")) {
      findJwts(text, found);
    }
    if (text.indexOf('@') >= 0 && text.contains("://")) {
      findUrlPasswords(text, found);
    }
    return found;
  }

  private static void findJwts(String text, List<Credential> found) {
    Matcher jwt = JWT.matcher(text);
    while (jwt.find()) {
      if (isJoseHeader(jwt.group(1))) {
        found.add(new Credential(Kind.JWT, jwt.group()));
      }
    }
  }

  private static void findUrlPasswords(String text, List<Credential> found) {
    Matcher url = URL_PASSWORD.matcher(text);
    while (url.find()) {
      if (!isReference(url.group(1))) {
        found.add(new Credential(Kind.URL_WITH_PASSWORD, url.group(1)));
      }
    }
  }

  /**
   * {@code text} with every value format replaced by {@link #MASK}: for messages, which name no
   * variable.
   */
  public static String maskFormats(String text) {
    for (Credential credential : inText(text)) {
      text = text.replace(credential.value(), MASK);
    }
    return text;
  }

  /**
   * Whether a name is secret-like: one of its {@code _ - .}-separated words ends with PASSWORD,
   * PASSWD, SECRET, TOKEN, APIKEY or CREDENTIAL(S) (so PGPASSWORD and dbPassword are), or two words
   * read API KEY, PRIVATE KEY or ACCESS KEY; case-insensitive. A name whose last word says where a
   * credential is kept rather than holding one ({@code DB_PASSWORD_FILE}, {@code TOKEN_URL}, {@code
   * TLS_SECRET_NAME}: see {@link #POINTER_WORDS}) is not.
   */
  public static boolean isSecretLike(String name) {
    return nameKind(name).isPresent();
  }

  /**
   * Whether a variable's name alone makes its literal value a credential: an ECS.8 name, or a
   * secret-like one.
   */
  public static boolean namesCredential(String name) {
    return ECS8_NAMES.contains(name) || isSecretLike(name);
  }

  /**
   * Whether a value is, entirely, a reference to one kept elsewhere: {@code ${…}}, {@code $NAME},
   * {@code {{resolve:…}}}, {@code arn:…}, {@code <…>}.
   */
  public static boolean isReference(String value) {
    return REFERENCE.matcher(value).matches();
  }

  /**
   * ECSG.5's literal: 8 or more characters, no reference, no boolean, no number; what a secret-like
   * name makes a credential.
   */
  public static boolean isLiteral(String value) {
    return value.length() >= LITERAL_LENGTH
        && !isReference(value)
        && !BOOLEAN_OR_NUMBER.matcher(value).matches()
        && !FILE_PATH.matcher(value).matches();
  }

  private static Optional<Credential> byFormatOrName(String name, String value) {
    List<Credential> formats = inText(value);
    if (!formats.isEmpty()) {
      return Optional.of(new Credential(formats.get(0).kind(), value));
    }
    return name == null
        ? Optional.empty()
        : nameKind(name).filter(kind -> isLiteral(value)).map(kind -> new Credential(kind, value));
  }

  /** The words a secret-like name holds one of; a name with none is ruled out without splitting. */
  private static final List<String> SECRET_WORD_PARTS =
      List.of("passw", "secret", "token", "api", "credential", "private", "access");

  /**
   * {@link #nameKind}'s answers by name: every variable's name is asked, and names repeat from task
   * definition to task definition. Emptied when full, so that many distinct names cannot grow it.
   */
  private static final Map<String, Optional<Kind>> NAME_KINDS = new ConcurrentHashMap<>();

  private static final int NAME_KINDS_KEPT = 1024;

  private static Optional<Kind> nameKind(String name) {
    Optional<Kind> known = NAME_KINDS.get(name);
    if (known == null) {
      if (NAME_KINDS.size() >= NAME_KINDS_KEPT) {
        NAME_KINDS.clear();
      }
      known = nameKindOf(name);
      NAME_KINDS.put(name, known);
    }
    return known;
  }

  private static Optional<Kind> nameKindOf(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!containsAny(lower, SECRET_WORD_PARTS)) {
      return Optional.empty();
    }
    String[] words = lower.split("[_.-]");
    if (words.length > 1 && POINTER_WORDS.contains(words[words.length - 1])) {
      return Optional.empty();
    }
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      boolean keyFollows = i + 1 < words.length && words[i + 1].equals("key");
      if (word.endsWith("password") || word.endsWith("passwd")) {
        return Optional.of(Kind.LITERAL_PASSWORD);
      } else if (word.endsWith("secret")) {
        return Optional.of(Kind.LITERAL_SECRET);
      } else if (word.endsWith("token")) {
        return Optional.of(Kind.LITERAL_TOKEN);
      } else if (word.endsWith("apikey") || (word.endsWith("api") && keyFollows)) {
        return Optional.of(Kind.LITERAL_API_KEY);
      } else if (word.endsWith("credential") || word.endsWith("credentials")) {
        return Optional.of(Kind.LITERAL_CREDENTIAL);
      } else if (word.endsWith("private") && keyFollows) {
        return Optional.of(Kind.LITERAL_PRIVATE_KEY);
      } else if (word.endsWith("access") && keyFollows) {
        return Optional.of(Kind.LITERAL_ACCESS_KEY);
      }
    }
    return Optional.empty();
  }

  private static Kind flagKind(String flag) {
    return switch (flag.toLowerCase(Locale.ROOT)) {
      case "--password" -> Kind.LITERAL_PASSWORD;
      case "--token" -> Kind.LITERAL_TOKEN;
      case "--secret" -> Kind.LITERAL_SECRET;
      default -> Kind.LITERAL_API_KEY;
    };
  }

  /**
   * Whether a base64url part decodes to a JSON object with an {@code alg} member, as a JWT's header
   * does.
   */
  private static boolean isJoseHeader(String part) {
    byte[] header;
    try {
      header = Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      return false;
    }
    try (JsonParser parser = JSON.createParser(header)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      for (JsonToken token = parser.nextToken();
          token == JsonToken.FIELD_NAME;
          token = parser.nextToken()) {
        if (parser.currentName().equals("alg")) {
          return true;
        }
        parser.nextToken();
        parser.skipChildren();
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
