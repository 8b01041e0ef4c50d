package dev.ecsguard.fix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.ecsguard.control.RemedyOptions;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.fix.cloudformation.TemplateFix;
import dev.ecsguard.fix.cloudformation.TextTreeParser;
import dev.ecsguard.fix.ecsapi.EcsApiFix;
import dev.ecsguard.fix.shared.AnchoredDiff;
import dev.ecsguard.fix.shared.CredentialMask;
import dev.ecsguard.fix.shared.FixResult;
import dev.ecsguard.fix.shared.FixedText;
import dev.ecsguard.fix.shared.JacksonTree;
import dev.ecsguard.tree.Document;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Fixes one file (ECS API JSON or a CloudFormation template), by the target its content says: the
 * hardened text, a unified diff against the original, and the proof, a scan of both that names the
 * FAILED findings the fix removes.
 */
public final class FileFix {
  private FileFix() {}

  /**
   * Fixes a CloudFormation template or ECS API JSON, as the content says. {@code original} is the
   * file's text as {@link dev.ecsguard.tree.RegularFiles} reads it, without a byte-order mark.
   */
  public static FixResult fix(String name, String original, RemedyOptions options)
      throws InputException {
    // The scanner's reader first: its limits (size, nesting) and its errors (file, line, column, no
    // tokens echoed).
    Document document =
        new DocumentReader(InputLimits.DEFAULT)
            .read(original.getBytes(StandardCharsets.UTF_8), name);
    FixedText fixed;
    if (TemplateFix.isTemplate(document.root())) {
      fixed = TemplateFix.fix(name, original, options);
    } else if (TextTreeParser.isJson(name, original)) {
      fixed = EcsApiFix.fix(document, original, options);
    } else {
      fixed = null; // YAML that is no template: nothing ECS's API writes
    }
    if (fixed == null) {
      return new FixResult(null, "", Map.of(), Map.of(), List.of());
    }
    // The credentials of both texts, hidden before the diff is made: context lines and steps show
    // none either.
    Document after =
        fixed.text().equals(original)
            ? document
            : new DocumentReader(InputLimits.DEFAULT)
                .read(fixed.text().getBytes(StandardCharsets.UTF_8), name);
    List<JsonNode> documents =
        List.of(
            JacksonTree.of(document.root(), unresolved -> NullNode.getInstance()),
            JacksonTree.of(after.root(), unresolved -> NullNode.getInstance()));
    CredentialMask mask =
        CredentialMask.of(
            documents, !TextTreeParser.isJson(name, original), original, fixed.text());
    String diff = AnchoredDiff.unified(name, mask.apply(original), mask.apply(fixed.text()));
    Map<String, Integer> failedAfter = failed(name, fixed.text());
    return new FixResult(
        fixed.text(),
        diff,
        FixResult.removed(failed(name, original), failedAfter),
        failedAfter,
        fixed.instructions().stream().map(mask).toList());
  }

  /** FAILED findings by control, for the proof. */
  private static Map<String, Integer> failed(String name, String text) throws InputException {
    ScanResult result = new ScanResult();
    new Scanner(Selection.defaults(), InputLimits.DEFAULT)
        .scan(
            new DocumentReader(InputLimits.DEFAULT)
                .read(text.getBytes(StandardCharsets.UTF_8), name),
            result);
    return FixResult.failed(result);
  }
}
