package dev.ecsguard.cli;

import dev.ecsguard.format.cloudformation.CloudFormationParameterFile;
import dev.ecsguard.report.Printable;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** What scan gives CloudFormation templates' parameters: values, and files of values. */
final class CloudFormationParameterOptions {
  @Option(
      names = "--cfn-param",
      paramLabel = "NAME=VALUE",
      description =
          "Give a CloudFormation parameter (or pseudo parameter, e.g. AWS::Region) a value; it overrides the Default and --cfn-param-file.")
  Map<String, String> values = new LinkedHashMap<>();

  @Option(
      names = "--cfn-param-file",
      paramLabel = "FILE",
      description =
          "Read CloudFormation parameter values from FILE, as aws cloudformation create-stack --parameters and deploy --parameter-overrides take one ([{\"ParameterKey\": …, \"ParameterValue\": …}], a CodePipeline {\"Parameters\": {…}} or [\"NAME=VALUE\"]); repeatable, a later file over an earlier one.")
  List<Path> files = List.of();

  /**
   * The values, the files' first in order and then --cfn-param's; null after saying on {@code err}
   * in one line what is wrong (a value without a name, a file that is not there or not such a
   * file).
   */
  Map<String, String> valuesOrSay(PrintWriter err) {
    String unnamed = NamedValues.unnamed("--cfn-param", values);
    if (unnamed != null) {
      err.println(unnamed);
      return null;
    }
    if (!OptionFiles.regularOrSay("--cfn-param-file", files, err)) {
      return null;
    }
    Map<String, String> all = new LinkedHashMap<>();
    DocumentReader documents = new DocumentReader(InputLimits.DEFAULT);
    for (Path file : files) {
      try {
        all.putAll(CloudFormationParameterFile.read(file, documents));
      } catch (InputException e) {
        err.println(Printable.escape("ecsguard: --cfn-param-file " + e.getMessage()));
        return null;
      }
    }
    all.putAll(values);
    return all;
  }
}
