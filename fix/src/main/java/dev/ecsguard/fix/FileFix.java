package dev.ecsguard.fix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.control.RemedyOptions;
import dev.ecsguard.control.Status;
import dev.ecsguard.fix.cloudformation.TemplateFix;
import dev.ecsguard.fix.cloudformation.TextTreeParser;
import dev.ecsguard.fix.ecsapi.EcsApiFix;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.tree.Document;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fixes one file (ECS API JSON or a CloudFormation template): the hardened text, a unified diff
 * against the original, and the proof, a scan of both that names the FAILED findings the fix
 * removes.
 */
public final class FileFix {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The outcome for one file; {@code fixed} is null when the file holds nothing ecsguard fixes. */
  public record Result(String fixed, String diff, Map<String, Integer> removed, Map<String, Integer> remaining, List<String> instructions) {
    public boolean changed() {
      return fixed != null && !diff.isEmpty();
    }
  }

  private FileFix() {}

  /** A fixed text, with what the fix could not do. */
  public record Fixed(String text, List<String> instructions) {}

  /**
   * Fixes a CloudFormation template or ECS API JSON, as the content says. {@code original} is the
   * file's text as {@link dev.ecsguard.tree.RegularFiles} reads it, without a byte-order mark.
   */
  public static Result fix(String name, String original, RemedyOptions options) throws InputException {
    // The scanner's reader first: its limits (size, nesting) and its errors (file, line, column, no tokens echoed).
    Document document = new DocumentReader(InputLimits.DEFAULT).read(original.getBytes(StandardCharsets.UTF_8), name);
    Fixed fixed;
    if (TemplateFix.isTemplate(document.root())) {
      fixed = TemplateFix.fix(name, original, options);
    } else if (TextTreeParser.isJson(name, original)) {
      fixed = EcsApiFix.fix(document, original, options);
    } else {
      fixed = null; // YAML that is no template: nothing ECS's API writes
    }
    if (fixed == null) {
      return new Result(null, "", Map.of(), Map.of(), List.of());
    }
    // The credentials of both texts, hidden before the diff is made: context lines and steps show none either.
    Document after = fixed.text().equals(original) ? document : new DocumentReader(InputLimits.DEFAULT).read(fixed.text().getBytes(StandardCharsets.UTF_8), name);
    List<JsonNode> documents = List.of(JacksonTree.of(document.root(), unresolved -> NullNode.getInstance()), JacksonTree.of(after.root(), unresolved -> NullNode.getInstance()));
    CredentialMask mask = CredentialMask.of(documents, !TextTreeParser.isJson(name, original), original, fixed.text());
    String diff = diff(name, mask.apply(original), mask.apply(fixed.text()));
    Map<String, Integer> failedAfter = failed(name, fixed.text());
    return new Result(fixed.text(), diff, removed(failed(name, original), failedAfter), failedAfter, fixed.instructions().stream().map(mask).toList());
  }

  /** A unified diff from {@code original} to {@code fixed}; empty when they are the same. */
  public static String diff(String name, String original, String fixed) {
    List<String> before = Arrays.asList(original.split("\n", -1));
    List<String> after = Arrays.asList(fixed.split("\n", -1));
    return original.equals(fixed) ? "" : String.join("\n",
        UnifiedDiffUtils.generateUnifiedDiff(name, name + " (fixed)", before, DiffUtils.diff(before, after, new AnchoredDiff<>()), 3)) + "\n";
  }

  /** The FAILED findings a fix removes: by control, how many fewer there are after it. */
  public static Map<String, Integer> removed(Map<String, Integer> failedBefore, Map<String, Integer> failedAfter) {
    Map<String, Integer> removed = new TreeMap<>(Catalogue.ORDER);
    failedBefore.forEach((control, count) -> {
      int left = failedAfter.getOrDefault(control, 0);
      if (left < count) {
        removed.put(control, count - left);
      }
    });
    return removed;
  }

  /** Two-space indentation and one member per line, as the AWS CLI writes JSON. */
  public static String print(JsonNode node) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)
                .withArrayEmptySeparator("")
                .withObjectEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
    try {
      return JSON.writer(printer).writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree ecsguard built cannot be written", e);
    }
  }

  /** FAILED findings by control, for the proof. */
  private static Map<String, Integer> failed(String name, String text) throws InputException {
    ScanResult result = new ScanResult();
    new Scanner(Selection.defaults(), InputLimits.DEFAULT).scan(new DocumentReader(InputLimits.DEFAULT).read(text.getBytes(StandardCharsets.UTF_8), name), result);
    return failed(result);
  }

  /** FAILED findings by control. */
  public static Map<String, Integer> failed(ScanResult result) {
    Map<String, Integer> failed = new TreeMap<>(Catalogue.ORDER);
    for (Finding finding : result.findings()) {
      if (finding.status() == Status.FAILED) {
        failed.merge(finding.control().id(), 1, Integer::sum);
      }
    }
    return failed;
  }
}
