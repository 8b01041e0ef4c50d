package dev.ecsguard.hcl;

import dev.ecsguard.hcl.HclValues.ListV;
import dev.ecsguard.hcl.HclValues.ObjectV;
import dev.ecsguard.hcl.HclValues.Scalar;
import dev.ecsguard.hcl.HclValues.Unknown;
import dev.ecsguard.hcl.HclValues.V;
import dev.ecsguard.hcl.HclValues.Where;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Terraform's functions that work on values alone, with Terraform's documented semantics (file()
 * and templatefile() read files, and try() and can() see errors, so the evaluator keeps them). A
 * function not here is unknown, naming it; an argument not known yet makes the result unknown with
 * its reason; arguments Terraform refuses make an {@linkplain Unknown#error() error}.
 */
final class HclFunctions {
  private HclFunctions() {}

  /** Counts elements against the evaluation's bound; false once it is over. */
  interface Budget {
    boolean spend(long elements);
  }

  private static final Map<String, Function<Arguments, V>> FUNCTIONS = functions();

  // numbers beyond this many digits are rounded, and beyond this exponent not evaluated, so that
  // a chain of multiplications through locals cannot build numbers of millions of digits
  private static final MathContext PRECISION = MathContext.DECIMAL128;
  private static final int MAX_EXPONENT = 1000;

  /** {@code function} applied to its evaluated {@code arguments}. */
  static V call(String function, List<V> arguments, Where where, Budget budget) {
    Function<Arguments, V> body = FUNCTIONS.get(function);
    if (body == null) {
      return new Unknown(function + "() is not evaluated by ecsguard", where);
    }
    for (V argument : arguments) {
      if (argument instanceof Unknown unknown && unknown.error()) {
        return argument;
      }
    }
    try {
      V result = body.apply(new Arguments(arguments, where, budget));
      if (result instanceof Scalar scalar
          && scalar.text() != null
          && scalar.text().length() > HclValues.MAX_TEXT) {
        return new Unknown(
            function
                + "(): a string longer than "
                + HclValues.MAX_TEXT
                + " characters is not evaluated",
            where);
      }
      return result;
    } catch (Pending pending) {
      return pending.unknown.with(pending.unknown.reason(), where);
    } catch (Refused refused) {
      return Unknown.failed(function + "(): " + refused.getMessage(), where);
    } catch (OverBudget over) {
      return new Unknown(function + "(): " + HclValues.overBudget(), where);
    }
  }

  static V wrongArguments(String function, Where where) {
    return Unknown.failed(function + "() with arguments ecsguard does not understand", where);
  }

  private static Map<String, Function<Arguments, V>> functions() {
    Map<String, Function<Arguments, V>> all = new LinkedHashMap<>();
    // jsonencode's and yamlencode's string is read back as what it encodes: the value itself
    // serves;
    // so does tostring() of one, and jsondecode() of one
    for (String identity :
        List.of("jsonencode", "yamlencode", "tolist", "tomap", "sensitive", "nonsensitive")) {
      all.put(identity, a -> a.exactly(1).value(0));
    }
    all.put(
        "tostring",
        a ->
            a.exactly(1).isNull(0) || !(a.value(0) instanceof Scalar)
                ? a.value(0)
                : a.string(a.text(0)));
    all.put("tonumber", a -> a.exactly(1).isNull(0) ? a.value(0) : a.number(a.decimal(0)));
    all.put("tobool", a -> a.exactly(1).isNull(0) ? a.value(0) : a.bool(a.truth(a.value(0))));
    all.put("toset", a -> a.list(set(a.exactly(1).items(0))));
    all.put(
        "jsondecode",
        a ->
            a.exactly(1).value(0) instanceof Scalar ? new Json(a.text(0), a).decode() : a.value(0));
    // collections
    all.put("length", HclFunctions::length);
    all.put("merge", HclFunctions::merge);
    all.put("concat", a -> a.list(a.items(0, a.size(), List.of())));
    all.put("lookup", HclFunctions::lookup);
    all.put("coalesce", HclFunctions::coalesce);
    all.put("coalescelist", HclFunctions::coalesceList);
    all.put("flatten", a -> a.list(flatten(a.exactly(1).items(0), new ArrayList<>(), a)));
    all.put("compact", HclFunctions::compact);
    all.put("distinct", a -> a.list(distinct(a.exactly(1).items(0))));
    all.put(
        "keys",
        a ->
            a.list(
                List.copyOf(new TreeMap<>(a.exactly(1).members(0)).keySet()).stream()
                    .map(a::string)
                    .toList()));
    all.put("values", a -> a.list(List.copyOf(new TreeMap<>(a.exactly(1).members(0)).values())));
    all.put("zipmap", HclFunctions::zipmap);
    all.put("element", HclFunctions::element);
    all.put("index", HclFunctions::index);
    all.put("contains", HclFunctions::contains);
    all.put("one", HclFunctions::one);
    all.put("reverse", a -> a.list(a.exactly(1).items(0).reversed()));
    all.put("slice", HclFunctions::slice);
    all.put(
        "sort",
        a -> a.list(a.exactly(1).items(0).stream().map(a::text).sorted().map(a::string).toList()));
    all.put("range", HclFunctions::range);
    all.put("setunion", a -> a.list(set(a.items(0, a.size(), List.of()))));
    all.put("setintersection", a -> setOperation(a, true));
    all.put("setsubtract", a -> setOperation(a.exactly(2), false));
    all.put("alltrue", a -> allOrAny(a, true));
    all.put("anytrue", a -> allOrAny(a, false));
    // numbers
    all.put("max", a -> extreme(a, 1));
    all.put("min", a -> extreme(a, -1));
    all.put("sum", HclFunctions::sum);
    all.put("abs", a -> a.number(a.exactly(1).decimal(0).abs()));
    all.put("ceil", a -> a.number(a.exactly(1).decimal(0).setScale(0, RoundingMode.CEILING)));
    all.put("floor", a -> a.number(a.exactly(1).decimal(0).setScale(0, RoundingMode.FLOOR)));
    all.put("signum", a -> a.number(BigDecimal.valueOf(a.exactly(1).decimal(0).signum())));
    // strings
    all.put("format", a -> a.string(format(a.text(0), a.values().subList(1, a.size()), a)));
    all.put("formatlist", HclFunctions::formatList);
    all.put("join", HclFunctions::join);
    all.put("split", HclFunctions::split);
    all.put("replace", HclFunctions::replace);
    all.put("regex", a -> regex(a.exactly(2), false));
    all.put("regexall", a -> regex(a.exactly(2), true));
    all.put("lower", a -> a.string(a.exactly(1).text(0).toLowerCase(Locale.ROOT)));
    all.put("upper", a -> a.string(a.exactly(1).text(0).toUpperCase(Locale.ROOT)));
    all.put("title", a -> a.string(title(a.exactly(1).text(0))));
    all.put("trimspace", a -> a.string(a.exactly(1).text(0).strip()));
    all.put("trim", a -> a.string(trim(a.exactly(2).text(0), a.text(1))));
    all.put("trimprefix", a -> a.string(trimPrefix(a.exactly(2).text(0), a.text(1))));
    all.put("trimsuffix", a -> a.string(trimSuffix(a.exactly(2).text(0), a.text(1))));
    all.put("chomp", a -> a.string(a.exactly(1).text(0).replaceFirst("(?:\r\n?|\n)*\\z", "")));
    all.put("startswith", a -> a.bool(a.exactly(2).text(0).startsWith(a.text(1))));
    all.put("endswith", a -> a.bool(a.exactly(2).text(0).endsWith(a.text(1))));
    all.put("strcontains", a -> a.bool(a.exactly(2).text(0).contains(a.text(1))));
    all.put("strrev", a -> a.string(new StringBuilder(a.exactly(1).text(0)).reverse().toString()));
    all.put("substr", HclFunctions::substr);
    // encodings and hashes
    all.put(
        "base64encode",
        a -> a.string(Base64.getEncoder().encodeToString(utf8(a.exactly(1).text(0)))));
    all.put("base64decode", HclFunctions::base64decode);
    all.put("md5", a -> a.string(digest("MD5", a.exactly(1).text(0))));
    all.put("sha1", a -> a.string(digest("SHA-1", a.exactly(1).text(0))));
    all.put("sha256", a -> a.string(digest("SHA-256", a.exactly(1).text(0))));
    all.put("sha512", a -> a.string(digest("SHA-512", a.exactly(1).text(0))));
    return Map.copyOf(all);
  }

  // ---- collections -----------------------------------------------------------------------------

  private static V length(Arguments a) {
    V value = a.exactly(1).value(0);
    return switch (value) {
      case ListV list -> a.number(list.items().size());
      case ObjectV object -> a.number(object.members().size());
      case Scalar scalar when scalar.text() != null ->
          a.number(scalar.text().codePointCount(0, scalar.text().length()));
      default -> throw new Refused("the argument is null");
    };
  }

  private static V merge(Arguments a) {
    Map<String, V> merged = new LinkedHashMap<>();
    for (int i = 0; i < a.size(); i++) {
      if (!a.isNull(i)) {
        merged.putAll(a.members(i));
      }
    }
    return new ObjectV(merged, a.where);
  }

  private static V lookup(Arguments a) {
    if (a.size() != 2 && a.size() != 3) {
      throw new Refused("takes a map, a key and maybe a default");
    }
    Map<String, V> map = a.members(0);
    V found = map.get(a.text(1));
    if (found != null) {
      return found;
    }
    if (a.size() == 3) {
      return a.value(2);
    }
    throw new Refused("the key is not in the map");
  }

  /** The first argument that is not null nor an empty string. */
  private static V coalesce(Arguments a) {
    for (int i = 0; i < a.size(); i++) {
      V value = a.value(i);
      if (!a.isNull(i) && !(value instanceof Scalar scalar && scalar.text().isEmpty())) {
        return value;
      }
    }
    throw new Refused("every argument is null or an empty string");
  }

  private static V coalesceList(Arguments a) {
    for (int i = 0; i < a.size(); i++) {
      if (!a.items(i).isEmpty()) {
        return a.value(i);
      }
    }
    throw new Refused("of nothing but empty lists");
  }

  private static List<V> flatten(List<V> items, List<V> into, Arguments a) {
    for (V item : items) {
      if (item instanceof Unknown unknown) {
        throw new Pending(unknown); // it may be a list, to flatten
      }
      if (item instanceof ListV list) {
        flatten(list.items(), into, a);
      } else {
        a.spend(1);
        into.add(item);
      }
    }
    return into;
  }

  private static V compact(Arguments a) {
    List<V> kept = new ArrayList<>();
    for (V item : a.exactly(1).items(0)) {
      // A list or object here is what jsonencode() gave (read as the value it encodes): text
      // that is never empty.
      if (item instanceof ListV
          || item instanceof ObjectV
          || (!(item instanceof Scalar scalar && scalar.text() == null)
              && !a.text(item).isEmpty())) {
        kept.add(item);
      }
    }
    return a.list(kept);
  }

  private static List<V> distinct(List<V> items) {
    Map<String, V> seen = new LinkedHashMap<>();
    items.forEach(item -> seen.putIfAbsent(key(item), item));
    return List.copyOf(seen.values());
  }

  /**
   * A set's elements as Terraform orders them: once each, strings in lexical order, numbers by
   * value; other elements as they come.
   */
  private static List<V> set(List<V> items) {
    List<V> unique = distinct(items);
    if (unique.stream()
        .allMatch(item -> item instanceof Scalar s && s.type() == Scalar.Type.STRING)) {
      return unique.stream().sorted(Comparator.comparing(item -> ((Scalar) item).text())).toList();
    }
    if (unique.stream().allMatch(item -> number(item) != null)) {
      return unique.stream().sorted(Comparator.comparing(HclFunctions::number)).toList();
    }
    return unique;
  }

  /** {@code items} as a set holds them (see set()); null when an element is not known. */
  static List<V> setOf(List<V> items) {
    try {
      return set(items);
    } catch (Pending pending) {
      return null;
    }
  }

  private static V setOperation(Arguments a, boolean intersection) {
    List<V> result = a.items(0);
    for (int i = 1; i < a.size(); i++) {
      List<String> other = a.items(i).stream().map(HclFunctions::key).toList();
      result = result.stream().filter(item -> other.contains(key(item)) == intersection).toList();
    }
    return a.list(set(result));
  }

  private static V zipmap(Arguments a) {
    List<V> keys = a.exactly(2).items(0);
    List<V> values = a.items(1);
    if (keys.size() != values.size()) {
      throw new Refused("the lists of keys and values differ in length");
    }
    Map<String, V> map = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      map.put(a.text(keys.get(i)), values.get(i));
    }
    return new ObjectV(map, a.where);
  }

  private static V element(Arguments a) {
    List<V> items = a.exactly(2).items(0);
    int index = a.index(1);
    if (items.isEmpty()) {
      throw new Refused("of an empty list");
    }
    return items.get(index % items.size());
  }

  private static V index(Arguments a) {
    List<V> items = a.exactly(2).items(0);
    for (int i = 0; i < items.size(); i++) {
      if (Boolean.TRUE.equals(equal(items.get(i), a.value(1)))) {
        return a.number(i);
      }
    }
    throw new Refused("the value is not in the list");
  }

  private static V contains(Arguments a) {
    Unknown open = null;
    for (V item : a.exactly(2).items(0)) {
      Boolean equal = equal(item, a.value(1));
      if (equal == null) {
        open = open != null ? open : unknownIn(item, a.value(1));
      } else if (equal) {
        return a.bool(true);
      }
    }
    if (open != null) {
      throw new Pending(open);
    }
    return a.bool(false);
  }

  private static V one(Arguments a) {
    if (a.exactly(1).isNull(0)) {
      return a.value(0);
    }
    List<V> items = a.items(0);
    return switch (items.size()) {
      case 0 -> new Scalar(Scalar.Type.NULL, null, a.where);
      case 1 -> items.get(0);
      default -> throw new Refused("of a list of more than one element");
    };
  }

  private static V slice(Arguments a) {
    List<V> items = a.exactly(3).items(0);
    int start = a.index(1);
    int end = a.index(2);
    if (start > end || end > items.size()) {
      throw new Refused("the indexes are out of the list");
    }
    return a.list(items.subList(start, end));
  }

  private static V range(Arguments a) {
    if (a.size() < 1 || a.size() > 3) {
      throw new Refused("takes one to three numbers");
    }
    BigDecimal start = a.size() == 1 ? BigDecimal.ZERO : a.decimal(0);
    BigDecimal limit = a.size() == 1 ? a.decimal(0) : a.decimal(1);
    BigDecimal step =
        a.size() == 3 ? a.decimal(2) : BigDecimal.valueOf(limit.compareTo(start) >= 0 ? 1 : -1);
    if (step.signum() == 0) {
      throw new Refused("the step is zero");
    }
    BigDecimal span = limit.subtract(start);
    long count =
        span.signum() != step.signum()
            ? 0
            : span.divide(step, 0, RoundingMode.CEILING)
                .min(BigDecimal.valueOf(Long.MAX_VALUE))
                .longValue();
    a.spend(count);
    List<V> items = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      items.add(a.number(start.add(step.multiply(BigDecimal.valueOf(i)))));
    }
    return a.list(items);
  }

  private static V allOrAny(Arguments a, boolean all) {
    Unknown open = null;
    for (V item : a.exactly(1).items(0)) {
      if (item instanceof Unknown unknown) {
        open = open != null ? open : unknown;
      } else if (a.truth(item) != all) {
        return a.bool(!all); // decided by this element
      }
    }
    if (open != null) {
      throw new Pending(open);
    }
    return a.bool(all);
  }

  // ---- numbers ---------------------------------------------------------------------------------

  /** max() ({@code sign} 1) or min() (-1) of numbers. */
  private static V extreme(Arguments a, int sign) {
    if (a.size() == 0) {
      throw new Refused("of no numbers");
    }
    BigDecimal best = a.decimal(0);
    for (int i = 1; i < a.size(); i++) {
      BigDecimal next = a.decimal(i);
      if (Integer.signum(next.compareTo(best)) == sign) {
        best = next;
      }
    }
    return a.number(best);
  }

  private static V sum(Arguments a) {
    List<V> items = a.exactly(1).items(0);
    if (items.isEmpty()) {
      throw new Refused("of an empty list");
    }
    BigDecimal total = BigDecimal.ZERO;
    for (V item : items) {
      total = total.add(a.decimal(item), PRECISION);
    }
    return a.number(total);
  }

  /** A binary operator other than logic and equality: arithmetic and comparison of numbers. */
  static V arithmetic(String operator, V left, V right, Where where) {
    BigDecimal l = number(left);
    BigDecimal r = number(right);
    if (l == null || r == null) {
      return Unknown.failed("the operator " + operator + " on a value that is not a number", where);
    }
    if ((operator.equals("/") || operator.equals("%")) && r.signum() == 0) {
      return Unknown.failed("a division by zero", where);
    }
    return switch (operator) {
      case "<" -> bool(l.compareTo(r) < 0, where);
      case ">" -> bool(l.compareTo(r) > 0, where);
      case "<=" -> bool(l.compareTo(r) <= 0, where);
      case ">=" -> bool(l.compareTo(r) >= 0, where);
      case "+" -> number(l.add(r, PRECISION), where);
      case "-" -> number(l.subtract(r, PRECISION), where);
      case "*" -> number(l.multiply(r, PRECISION), where);
      case "/" -> number(l.divide(r, PRECISION), where);
      case "%" -> number(l.remainder(r, PRECISION), where);
      default -> new Unknown("the operator " + operator + " is not evaluated by ecsguard", where);
    };
  }

  /** A number, also from a string Terraform converts; null otherwise. */
  static BigDecimal number(V value) {
    if (value instanceof Scalar scalar
        && scalar.text() != null
        && (scalar.type() == Scalar.Type.NUMBER || scalar.type() == Scalar.Type.STRING)) {
      try {
        return new BigDecimal(scalar.text().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static V number(BigDecimal number, Where where) {
    BigDecimal exact = number.stripTrailingZeros();
    if (exact.precision() - exact.scale() > MAX_EXPONENT || exact.scale() > MAX_EXPONENT) {
      return new Unknown("a number of over " + MAX_EXPONENT + " digits is not evaluated", where);
    }
    return new Scalar(Scalar.Type.NUMBER, exact.toPlainString(), where);
  }

  private static V bool(boolean value, Where where) {
    return new Scalar(Scalar.Type.BOOL, Boolean.toString(value), where);
  }

  // ---- equality --------------------------------------------------------------------------------

  /**
   * Whether two values are equal as Terraform's == has it (numbers by value, a number never equal
   * to a string); null when an unknown part leaves it open.
   */
  static Boolean equal(V left, V right) {
    if (left instanceof Unknown || right instanceof Unknown) {
      return null;
    }
    if (left instanceof Scalar l && right instanceof Scalar r) {
      if (l.text() == null || r.text() == null) {
        return l.text() == null && r.text() == null;
      }
      if (l.type() == Scalar.Type.NUMBER && r.type() == Scalar.Type.NUMBER) {
        return new BigDecimal(l.text()).compareTo(new BigDecimal(r.text())) == 0;
      }
      return l.type() == r.type() && l.text().equals(r.text());
    }
    if (left instanceof ListV l && right instanceof ListV r) {
      return all(l.items().size() == r.items().size(), l.items(), r.items());
    }
    if (left instanceof ObjectV l && right instanceof ObjectV r) {
      boolean sameKeys = l.members().keySet().equals(r.members().keySet());
      return all(
          sameKeys,
          List.copyOf(l.members().values()),
          sameKeys ? l.members().keySet().stream().map(r.members()::get).toList() : List.of());
    }
    return false;
  }

  private static Boolean all(boolean sameShape, List<V> left, List<V> right) {
    if (!sameShape) {
      return false;
    }
    Boolean result = true;
    for (int i = 0; i < left.size(); i++) {
      Boolean equal = equal(left.get(i), right.get(i));
      if (Boolean.FALSE.equals(equal)) {
        return false;
      }
      result = equal == null ? null : result;
    }
    return result;
  }

  /** The first unknown part of {@code left}, else of {@code right}. */
  static Unknown unknownIn(V left, V right) {
    Unknown found = firstUnknown(left);
    return found != null ? found : firstUnknown(right);
  }

  private static Unknown firstUnknown(V value) {
    return switch (value) {
      case Unknown unknown -> unknown;
      case ListV list ->
          list.items().stream()
              .map(HclFunctions::firstUnknown)
              .filter(Objects::nonNull)
              .findFirst()
              .orElse(null);
      case ObjectV object ->
          object.members().values().stream()
              .map(HclFunctions::firstUnknown)
              .filter(Objects::nonNull)
              .findFirst()
              .orElse(null);
      case Scalar scalar -> null;
    };
  }

  /** A text that is the same for equal values, to find them in a set. */
  private static String key(V value) {
    return switch (value) {
      case Unknown unknown -> throw new Pending(unknown);
      case Scalar scalar when scalar.text() == null -> "n";
      case Scalar scalar when scalar.type() == Scalar.Type.NUMBER ->
          "#" + new BigDecimal(scalar.text()).stripTrailingZeros().toPlainString();
      case Scalar scalar -> scalar.type().name().charAt(0) + json(scalar.text());
      case ListV list ->
          "[" + String.join(",", list.items().stream().map(HclFunctions::key).toList()) + "]";
      case ObjectV object -> {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(object.members())
            .forEach(
                (name, member) ->
                    out.append(json(name)).append(':').append(key(member)).append(','));
        yield out.append('}').toString();
      }
    };
  }

  // ---- strings ---------------------------------------------------------------------------------

  private static final Pattern VERB =
      Pattern.compile(
          "%(?<flags>[-+# 0]*)(?:\\[(?<index>\\d+)])?(?<width>\\d+)?(?:\\.(?<precision>\\d+))?(?<verb>[a-zA-Z%])");

  /** Terraform's format(): Go's verbs %s %d %f %e %g %q %v %t %x %o %b and %%. */
  private static String format(String spec, List<V> values, Arguments a) {
    StringBuilder out = new StringBuilder();
    Matcher verb = VERB.matcher(spec);
    int at = 0;
    int next = 0;
    while (verb.find()) {
      out.append(spec, at, verb.start());
      at = verb.end();
      if (verb.group("verb").equals("%")) {
        out.append('%');
        continue;
      }
      int index = verb.group("index") != null ? Integer.parseInt(verb.group("index")) - 1 : next;
      if (index < 0 || index >= values.size()) {
        throw new Refused("the format has more verbs than arguments");
      }
      next = index + 1;
      out.append(formatOne(verb, values.get(index), a));
    }
    if (spec.indexOf('%', at) >= 0) {
      throw new Refused("a % that is not a verb");
    }
    return out.append(spec.substring(at)).toString();
  }

  private static String formatOne(Matcher verb, V value, Arguments a) {
    String flags = verb.group("flags");
    String width = verb.group("width") == null ? "" : verb.group("width");
    String precision = verb.group("precision") == null ? "" : "." + verb.group("precision");
    if (value instanceof Unknown unknown) {
      throw new Pending(unknown);
    }
    String text =
        switch (verb.group("verb")) {
          case "s" -> a.text(value);
          case "v" ->
              value instanceof Scalar scalar && scalar.text() != null ? a.text(value) : json(value);
          case "q" -> json(a.text(value));
          case "t" -> Boolean.toString(a.truth(value));
          case "d", "x", "X", "o", "b" -> {
            BigInteger integer = integer(a.decimal(value));
            String letter = verb.group("verb");
            yield letter.equals("b")
                ? integer.toString(2)
                : String.format(
                    Locale.ROOT, "%" + flags.replace("#", "") + width + letter, integer);
          }
          case "f", "e", "E", "g", "G" ->
              String.format(
                  Locale.ROOT,
                  "%" + flags.replace("#", "") + width + precision + verb.group("verb"),
                  a.decimal(value));
          default -> throw new Refused("the verb %" + verb.group("verb") + " is not Terraform's");
        };
    int pad = width.isEmpty() ? 0 : Integer.parseInt(width) - text.codePointCount(0, text.length());
    if (pad > HclValues.MAX_TEXT) {
      throw new Refused("a width over " + HclValues.MAX_TEXT);
    }
    if (pad > 0 && "sqvt".contains(verb.group("verb"))) {
      return flags.contains("-") ? text + " ".repeat(pad) : " ".repeat(pad) + text;
    }
    return text;
  }

  private static BigInteger integer(BigDecimal number) {
    try {
      return number.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new Refused("a number that is not whole for an integer verb");
    }
  }

  private static V formatList(Arguments a) {
    String spec = a.text(0);
    int length = -1;
    for (int i = 1; i < a.size(); i++) {
      if (a.value(i) instanceof ListV list) {
        if (length >= 0 && list.items().size() != length) {
          throw new Refused("the lists differ in length");
        }
        length = list.items().size();
      }
    }
    List<V> lines = new ArrayList<>();
    for (int row = 0; row < Math.max(length, 1); row++) {
      if (length == 0) {
        break;
      }
      List<V> values = new ArrayList<>();
      for (int i = 1; i < a.size(); i++) {
        values.add(a.value(i) instanceof ListV list ? list.items().get(row) : a.value(i));
      }
      a.spend(1);
      lines.add(a.string(format(spec, values, a)));
    }
    return a.list(lines);
  }

  private static V join(Arguments a) {
    if (a.size() < 2) {
      throw new Refused("takes a separator and lists");
    }
    String separator = a.text(0);
    List<String> texts = new ArrayList<>();
    for (V item : a.items(1, a.size(), new ArrayList<>())) {
      // A list or object is what jsonencode() gave: its text is the JSON (unknown if any part is).
      texts.add(item instanceof ListV || item instanceof ObjectV ? json(item) : a.text(item));
    }
    return a.string(String.join(separator, texts));
  }

  private static V split(Arguments a) {
    String separator = a.exactly(2).text(0);
    String text = a.text(1);
    List<String> parts =
        separator.isEmpty()
            ? text.codePoints().mapToObj(Character::toString).toList()
            : List.of(text.split(Pattern.quote(separator), -1));
    a.spend(parts.size());
    return a.list(parts.stream().map(a::string).toList());
  }

  private static V replace(Arguments a) {
    String text = a.exactly(3).text(0);
    String search = a.text(1);
    String replacement = a.text(2);
    if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
      try {
        return a.string(
            pattern(search.substring(1, search.length() - 1))
                .matcher(text)
                .replaceAll(replacement));
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw new Refused("the replacement refers to a group the pattern does not have");
      }
    }
    return a.string(text.replace(search, replacement));
  }

  /** regex(): the first match ({@code all}: regexall(), every match). */
  private static V regex(Arguments a, boolean all) {
    Pattern pattern = pattern(a.text(0));
    Matcher matcher = pattern.matcher(a.text(1));
    List<V> matches = new ArrayList<>();
    while (matcher.find()) {
      a.spend(1);
      matches.add(match(matcher, pattern, a));
      if (!all) {
        return matches.get(0);
      }
    }
    if (!all) {
      throw new Refused("the pattern does not match the string");
    }
    return a.list(matches);
  }

  /**
   * A match as Terraform gives it: the text, a list of its groups, or an object of named groups.
   */
  private static V match(Matcher matcher, Pattern pattern, Arguments a) {
    if (!pattern.namedGroups().isEmpty()) {
      Map<String, V> groups = new TreeMap<>();
      pattern
          .namedGroups()
          .forEach((name, group) -> groups.put(name, nullable(matcher.group(group), a)));
      return new ObjectV(new LinkedHashMap<>(groups), a.where);
    }
    if (matcher.groupCount() == 0) {
      return a.string(matcher.group());
    }
    List<V> groups = new ArrayList<>();
    for (int i = 1; i <= matcher.groupCount(); i++) {
      groups.add(nullable(matcher.group(i), a));
    }
    return a.list(groups);
  }

  private static V nullable(String text, Arguments a) {
    return text == null ? new Scalar(Scalar.Type.NULL, null, a.where) : a.string(text);
  }

  /** Terraform's RE2 pattern in Java's syntax (named groups are written {@code (?P<name>…)}). */
  private static Pattern pattern(String regex) {
    try {
      return Pattern.compile(regex.replace("(?P<", "(?<"));
    } catch (PatternSyntaxException e) {
      throw new Refused("the pattern is not a regular expression");
    }
  }

  private static String title(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean wordStart = true;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      out.appendCodePoint(wordStart ? Character.toTitleCase(c) : c);
      wordStart = !Character.isLetterOrDigit(c) && c != '_' && c != '\'';
      i += Character.charCount(c);
    }
    return out.toString();
  }

  private static String trim(String text, String cut) {
    int start = 0;
    int end = text.length();
    while (start < end && cut.indexOf(text.codePointAt(start)) >= 0) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (end > start && cut.indexOf(text.codePointBefore(end)) >= 0) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }

  private static String trimPrefix(String text, String prefix) {
    return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
  }

  private static String trimSuffix(String text, String suffix) {
    return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
  }

  private static V substr(Arguments a) {
    int[] codePoints = a.exactly(3).text(0).codePoints().toArray();
    BigDecimal offsetNumber = a.decimal(1);
    BigDecimal lengthNumber = a.decimal(2);
    long offset = integer(offsetNumber).longValue();
    long length = integer(lengthNumber).longValue();
    if (offset < 0) {
      offset = Math.max(0, codePoints.length + offset);
    }
    if (offset > codePoints.length) {
      throw new Refused("the offset is past the end of the string");
    }
    long end = length < 0 ? codePoints.length : Math.min(codePoints.length, offset + length);
    return a.string(new String(codePoints, (int) offset, (int) (end - offset)));
  }

  // ---- encodings -------------------------------------------------------------------------------

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static V base64decode(Arguments a) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(a.exactly(1).text(0));
    } catch (IllegalArgumentException e) {
      throw new Refused("the string is not Base64");
    }
    try {
      return a.string(
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      throw new Refused("the decoded bytes are not UTF-8");
    }
  }

  private static String digest(String algorithm, String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(utf8(text)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has " + algorithm, e);
    }
  }

  /** {@code value} as JSON text, object keys in lexical order (as Terraform's jsonencode()). */
  private static String json(V value) {
    return switch (value) {
      case Unknown unknown -> throw new Pending(unknown);
      case Scalar scalar when scalar.text() == null -> "null";
      case Scalar scalar when scalar.type() == Scalar.Type.STRING -> json(scalar.text());
      case Scalar scalar when scalar.type() == Scalar.Type.NUMBER ->
          new BigDecimal(scalar.text()).stripTrailingZeros().toPlainString();
      case Scalar scalar -> scalar.text();
      case ListV list ->
          "[" + String.join(",", list.items().stream().map(HclFunctions::json).toList()) + "]";
      case ObjectV object -> {
        List<String> members = new ArrayList<>();
        new TreeMap<>(object.members())
            .forEach((name, member) -> members.add(json(name) + ":" + json(member)));
        yield "{" + String.join(",", members) + "}";
      }
    };
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&' -> out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** jsondecode()'s reader: JSON text to values, nested at most {@link HclValues#MAX_DEPTH}. */
  private static final class Json {
    private static final Pattern JSON_NUMBER =
        Pattern.compile("-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

    private final String text;
    private final Arguments a;
    private int pos;

    Json(String text, Arguments a) {
      this.text = text;
      this.a = a;
    }

    V decode() {
      V value = value(0);
      skip();
      if (pos != text.length()) {
        throw new Refused("text after the JSON value");
      }
      return value;
    }

    private V value(int depth) {
      if (depth > HclValues.MAX_DEPTH) {
        throw new Refused("JSON nested too deep");
      }
      skip();
      if (pos >= text.length()) {
        throw new Refused("the string is not JSON");
      }
      char c = text.charAt(pos);
      a.spend(1);
      if (c == '{') {
        Map<String, V> members = new LinkedHashMap<>();
        pos++;
        if (!next('}')) {
          do {
            skip();
            String name = string();
            if (!next(':')) {
              throw new Refused("the string is not JSON");
            }
            members.put(name, value(depth + 1));
          } while (next(','));
          expect('}');
        }
        return new ObjectV(members, a.where);
      }
      if (c == '[') {
        List<V> items = new ArrayList<>();
        pos++;
        if (!next(']')) {
          do {
            items.add(value(depth + 1));
          } while (next(','));
          expect(']');
        }
        return new ListV(items, a.where);
      }
      if (c == '"') {
        return a.string(string());
      }
      for (String word : List.of("true", "false", "null")) {
        if (text.startsWith(word, pos)) {
          pos += word.length();
          return word.equals("null")
              ? new Scalar(Scalar.Type.NULL, null, a.where)
              : a.bool(word.equals("true"));
        }
      }
      Matcher number = JSON_NUMBER.matcher(text).region(pos, text.length());
      if (!number.lookingAt()) {
        throw new Refused("the string is not JSON");
      }
      pos = number.end();
      return a.number(new BigDecimal(number.group()));
    }

    private String string() {
      if (pos >= text.length() || text.charAt(pos) != '"') {
        throw new Refused("the string is not JSON");
      }
      StringBuilder out = new StringBuilder();
      pos++;
      while (pos < text.length() && text.charAt(pos) != '"') {
        char c = text.charAt(pos++);
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (pos >= text.length()) {
          break;
        }
        char escaped = text.charAt(pos++);
        switch (escaped) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (pos + 4 > text.length()) {
              throw new Refused("the string is not JSON");
            }
            try {
              out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            } catch (NumberFormatException e) {
              throw new Refused("the string is not JSON");
            }
            pos += 4;
          }
          default -> out.append(escaped);
        }
      }
      expect('"');
      return out.toString();
    }

    private boolean next(char c) {
      skip();
      if (pos < text.length() && text.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!next(c)) {
        throw new Refused("the string is not JSON");
      }
    }

    private void skip() {
      while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
    }
  }

  // ---- arguments -------------------------------------------------------------------------------

  /**
   * A call's arguments, read as the types a function takes: a value not known yet stops the
   * function ({@link Pending}), one of the wrong type refuses it ({@link Refused}).
   */
  private record Arguments(List<V> values, Where where, Budget budget) {
    int size() {
      return values.size();
    }

    Arguments exactly(int count) {
      if (values.size() != count) {
        throw new Refused("takes " + count + " argument" + (count == 1 ? "" : "s"));
      }
      return this;
    }

    /** Argument {@code i}, known. */
    V value(int i) {
      if (i >= values.size()) {
        throw new Refused("takes more arguments");
      }
      if (values.get(i) instanceof Unknown unknown) {
        throw new Pending(unknown);
      }
      return values.get(i);
    }

    boolean isNull(int i) {
      return value(i) instanceof Scalar scalar && scalar.text() == null;
    }

    List<V> items(int i) {
      if (value(i) instanceof ListV list) {
        return list.items();
      }
      throw new Refused("argument " + (i + 1) + " is not a list");
    }

    /** The elements of arguments {@code from} to {@code to}, one list after the other. */
    List<V> items(int from, int to, List<V> start) {
      List<V> all = new ArrayList<>(start);
      for (int i = from; i < to; i++) {
        List<V> items = items(i);
        spend(items.size());
        all.addAll(items);
      }
      return all;
    }

    Map<String, V> members(int i) {
      if (value(i) instanceof ObjectV object) {
        return object.members();
      }
      throw new Refused("argument " + (i + 1) + " is not a map or object");
    }

    String text(int i) {
      return text(value(i));
    }

    /** A string, or a number or bool as Terraform converts it. */
    String text(V value) {
      return switch (value) {
        case Unknown unknown -> throw new Pending(unknown);
        case Scalar scalar when scalar.text() == null ->
            throw new Refused("a null where a string is needed");
        case Scalar scalar when scalar.type() == Scalar.Type.NUMBER ->
            new BigDecimal(scalar.text()).stripTrailingZeros().toPlainString();
        case Scalar scalar -> scalar.text();
        default -> throw new Refused("a list or object where a string is needed");
      };
    }

    BigDecimal decimal(int i) {
      return decimal(value(i));
    }

    BigDecimal decimal(V value) {
      if (value instanceof Unknown unknown) {
        throw new Pending(unknown);
      }
      BigDecimal number = HclFunctions.number(value);
      if (number == null) {
        throw new Refused("a value that is not a number where a number is needed");
      }
      return number;
    }

    /** A whole number from 0, to index a list. */
    int index(int i) {
      BigDecimal number = decimal(i);
      if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
        throw new Refused("the index " + number.toPlainString() + " is out of range");
      }
      return integer(number).intValue();
    }

    boolean truth(V value) {
      if (value instanceof Unknown unknown) {
        throw new Pending(unknown);
      }
      if (value instanceof Scalar scalar
          && scalar.text() != null
          && scalar.type() != Scalar.Type.NUMBER
          && (scalar.text().equals("true") || scalar.text().equals("false"))) {
        return scalar.text().equals("true");
      }
      throw new Refused("a value that is not a bool where a bool is needed");
    }

    void spend(long count) {
      if (!budget.spend(count)) {
        throw new OverBudget();
      }
    }

    V string(String text) {
      return new Scalar(Scalar.Type.STRING, text, where);
    }

    V number(long number) {
      return number(BigDecimal.valueOf(number));
    }

    V number(BigDecimal number) {
      return HclFunctions.number(number, where);
    }

    V bool(boolean value) {
      return HclFunctions.bool(value, where);
    }

    V list(List<V> items) {
      return new ListV(items, where);
    }
  }

  /** An argument not known yet: the function's result is unknown for the same reason. */
  private static final class Pending extends RuntimeException {
    final transient Unknown unknown;

    Pending(Unknown unknown) {
      super(null, null, false, false);
      this.unknown = unknown;
    }
  }

  /** Arguments Terraform refuses: the function's result is an error saying why. */
  private static final class Refused extends RuntimeException {
    Refused(String why) {
      super(why, null, false, false);
    }
  }

  /** The evaluation's bound on elements is reached. */
  private static final class OverBudget extends RuntimeException {
    OverBudget() {
      super(null, null, false, false);
    }
  }
}
