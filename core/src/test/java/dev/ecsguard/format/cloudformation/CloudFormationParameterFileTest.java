package dev.ecsguard.format.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudFormationParameterFileTest {
  private static final DocumentReader DOCUMENTS = new DocumentReader(InputLimits.DEFAULT);

  @TempDir Path dir;

  private Map<String, String> read(String name, String text) throws IOException, InputException {
    return CloudFormationParameterFile.read(Files.writeString(dir.resolve(name), text), DOCUMENTS);
  }

  @Test
  void theShapesOfAwsToolsAreRead() throws Exception {
    assertThat(
            read(
                "create-stack.json",
                """
                [{"ParameterKey": "Debug", "ParameterValue": "true"},
                 {"ParameterKey": "Subnets", "ParameterValue": "subnet-1,subnet-2"}]"""))
        .containsExactly(Map.entry("Debug", "true"), Map.entry("Subnets", "subnet-1,subnet-2"));
    assertThat(
            read(
                "codepipeline.json",
                "{\"Parameters\": {\"Debug\": \"false\", \"Port\": 8080}, \"Tags\": {\"team\": \"web\"}}"))
        .containsExactly(Map.entry("Debug", "false"), Map.entry("Port", "8080"));
    assertThat(read("overrides.json", "[\"Debug=true\", \"Command=a=b\"]"))
        .containsExactly(Map.entry("Debug", "true"), Map.entry("Command", "a=b"));
    assertThat(read("params.yaml", "- ParameterKey: Debug\n  ParameterValue: 'true'\n"))
        .containsExactly(Map.entry("Debug", "true"));
  }

  @Test
  void aPreviousValueIsRefusedAsAScanCannotKnowIt() {
    assertThatThrownBy(
            () ->
                read(
                    "previous.json",
                    "[\n  {\"ParameterKey\": \"Debug\", \"UsePreviousValue\": true}\n]"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("previous.json:2:")
        .hasMessageContaining("Debug uses UsePreviousValue");
  }

  @Test
  void whatIsNotAParameterFileIsSaidWithItsLineAndNeverItsValues() {
    assertThatThrownBy(() -> read("object.json", "{\"Debug\": \"true\"}"))
        .hasMessageContaining("not a parameter file");
    assertThatThrownBy(() -> read("nokey.json", "[\n  {\"ParameterValue\": \"hunter2\"}\n]"))
        .hasMessageContaining("nokey.json:2:")
        .hasMessageContaining("ParameterKey is missing")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> read("pair.json", "[\"hunter2\"]"))
        .hasMessageContaining("not NAME=VALUE")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> read("list.json", "{\"Parameters\": {\"Debug\": [true]}}"))
        .hasMessageContaining("the value of Debug is not a string");
    assertThatThrownBy(() -> read("broken.json", "[{\"ParameterKey\": "))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("broken.json");
  }
}
