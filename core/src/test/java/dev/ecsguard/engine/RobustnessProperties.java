package dev.ecsguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.Status;
import dev.ecsguard.input.InputFormat;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the input, a scan ends in findings or a clean input error, never an exception. */
class RobustnessProperties {
  private static final String TEMPLATE =
      "{\"family\":\"f\",\"networkMode\":\"host\",\"pidMode\":\"task\",\"runtimePlatform\":{\"operatingSystemFamily\":\"LINUX\"},"
          + "\"containerDefinitions\":[{\"name\":\"a\",\"privileged\":false,\"user\":\"1000\",\"readonlyRootFilesystem\":true,"
          + "\"environment\":[{\"name\":\"AWS_ACCESS_KEY_ID\",\"value\":\"v\"}],\"logConfiguration\":{\"logDriver\":\"awslogs\"}}],"
          + "\"volumes\":[{\"name\":\"v\",\"efsVolumeConfiguration\":{\"transitEncryption\":\"ENABLED\"}}],\"tags\":[{\"key\":\"k\"}],"
          + "\"services\":[{\"serviceName\":\"s\",\"launchType\":\"FARGATE\",\"platformVersion\":\"1.3.0\"}]}";

  private static final String CLOUDFORMATION =
      """
      Parameters:
        P: {Type: String, Default: "x"}
      Conditions:
        C: !Equals [!Ref P, x]
      Resources:
        T:
          Type: AWS::ECS::TaskDefinition
          Properties:
            NetworkMode: !If [C, host, !Ref P]
            ContainerDefinitions:
              - Name: !Sub "${P}-a"
                Privileged: !Select [0, [true, false]]
                User: !FindInMap [M, !Ref P, u]
                Environment: [{Name: AWS_ACCESS_KEY_ID, Value: v}]
              - !If [C, !Ref AWS::NoValue, {Name: b}]
            Volumes: [{Name: v, EFSVolumeConfiguration: {TransitEncryption: !Join ["", [EN, ABLED]]}}]
        S: {Type: AWS::ECS::Service, Properties: {NetworkConfiguration: {AwsvpcConfiguration: {AssignPublicIp: ENABLED}}}}
      Mappings:
        M: {x: {u: root}}
      """;

  private static final String TERRAFORM =
      """
      variable "v" { default = { on = true } }
      locals {
        c = [{ name = "a", privileged = var.v.on, user = "${var.v.on}-x" }]
      }
      resource "aws_ecs_task_definition" "t" {
        family = "t"
        container_definitions = jsonencode(concat(local.c, [{ name = "b" }]))
        volume {
          name = "v"
          efs_volume_configuration { transit_encryption = var.v.on ? "ENABLED" : lookup({}, "x", "DISABLED") }
        }
      }
      """;

  @Provide
  Arbitrary<String> mutatedDocuments() {
    return mutations(
        TEMPLATE,
        Arbitraries.of(
            "", "1", "\"x\"", "[]", "{}", "null", "true", "[1,{}]", "{\"a\":[]}", "\"\""));
  }

  @Provide
  Arbitrary<String> mutatedTemplates() {
    return mutations(
        CLOUDFORMATION,
        Arbitraries.of(
            "",
            "\n",
            "  ",
            "!Ref ",
            "!If [",
            "]",
            "{",
            "*a",
            "&a ",
            "- ",
            ": ",
            "!GetAtt x.y",
            "\"",
            "yes"));
  }

  @Provide
  Arbitrary<String> mutatedModules() {
    return mutations(
        TERRAFORM,
        Arbitraries.of(
            "", "\n", "{", "}", "[", "]", "\"", "${", "<<EOT\n", "var.", "local.c", "(", ")", "?",
            "# ", "/*"));
  }

  private static Arbitrary<String> mutations(String template, Arbitrary<String> replacements) {
    return Arbitraries.integers()
        .between(0, template.length() - 1)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .flatMap(
            cuts ->
                replacements
                    .list()
                    .ofSize(cuts.size())
                    .map(
                        inserts -> {
                          StringBuilder out = new StringBuilder(template);
                          for (int i = 0; i < cuts.size(); i++) {
                            int at = Math.min(cuts.get(i), out.length());
                            int end = Math.min(out.length(), at + (cuts.get(i) % 7));
                            out.replace(at, end, inserts.get(i));
                          }
                          return out.toString();
                        }));
  }

  @Property(tries = 500)
  void anyMutationEndsInFindingsOrAnInputError(@ForAll("mutatedDocuments") String json) {
    scanText(json, "m.json");
  }

  @Property(tries = 300)
  void anyMutatedTemplateEndsInFindingsOrAnInputError(@ForAll("mutatedTemplates") String yaml) {
    scanText(yaml, "m.yaml");
  }

  @Property(tries = 300)
  void anyMutatedModuleEndsInFindingsOrAnInputError(@ForAll("mutatedModules") String hcl)
      throws IOException {
    Path module = Files.createTempDirectory("ecsguard-module");
    try {
      Files.writeString(module.resolve("main.tf"), hcl);
      ScanResult result = new ScanResult();
      new Scanner(Selection.of(List.of(), List.of(), Map.of()), InputLimits.DEFAULT)
          .scan(List.of(module), result);
      assertThat(result.errors())
          .allSatisfy(
              error ->
                  assertThat(error.problem()).startsWith("malformed HCL: ").doesNotContain("\n"));
      assertSound(result);
    } finally {
      Files.deleteIfExists(module.resolve("main.tf"));
      Files.deleteIfExists(module);
    }
  }

  @Provide
  Arbitrary<byte[]> hostileBytes() {
    Arbitrary<byte[]> seeds =
        Arbitraries.of(TEMPLATE, CLOUDFORMATION, TERRAFORM, CLOUDFORMATION_JSON)
            .map(seed -> seed.getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(512),
        // A real input with bytes flipped, dropped or cut short: malformed UTF-8, truncated
        // structures, stray NULs.
        Combinators.combine(
                seeds,
                Arbitraries.integers()
                    .between(0, Integer.MAX_VALUE)
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(6),
                Arbitraries.bytes())
            .as(
                (seed, cuts, value) -> {
                  byte[] out = seed.clone();
                  int length = out.length;
                  for (int cut : cuts) {
                    int at = cut % length;
                    switch (cut % 3) {
                      case 0 -> out[at] = value;
                      case 1 -> out[at] = (byte) (out[at] ^ (1 << (cut % 8)));
                      default -> length = Math.max(1, at);
                    }
                  }
                  return java.util.Arrays.copyOf(out, length);
                }));
  }

  private static final String CLOUDFORMATION_JSON =
      "{\"Resources\":{\"T\":{\"Type\":\"AWS::ECS::TaskDefinition\",\"Properties\":{\"NetworkMode\":{\"Fn::If\":[\"C\",\"host\",{\"Ref\":\"P\"}]},"
          + "\"ContainerDefinitions\":[{\"Name\":{\"Fn::Sub\":\"${P}-a\"},\"Privileged\":true}]}}},"
          + "\"Parameters\":{\"P\":{\"Type\":\"String\",\"Default\":\"x\"}},\"Conditions\":{\"C\":{\"Fn::Equals\":[{\"Ref\":\"P\"},\"x\"]}}}";

  /**
   * Any bytes, in a file of any name ecsguard reads, named or found in a directory: the scan ends
   * within seconds in findings or errors of one line each, naming the file; nothing escapes.
   */
  @Property(tries = 400)
  void anyBytesEndInFindingsOrOneLineErrors(
      @ForAll("hostileBytes") byte[] bytes,
      @ForAll("inputNames") String name,
      @ForAll boolean named)
      throws IOException {
    Path directory = Files.createTempDirectory("ecsguard-fuzz");
    Path file = directory.resolve(name);
    try {
      Files.write(file, bytes);
      ScanResult result = new ScanResult();
      Scanner scanner =
          new Scanner(Selection.of(List.of(), List.of(), Map.of()), InputLimits.DEFAULT);
      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
          java.time.Duration.ofSeconds(10),
          () -> scanner.scan(List.of(named ? file : directory), result));
      assertThat(result.errors())
          .allSatisfy(
              error ->
                  assertThat(error.getMessage())
                      .startsWith(
                          (InputFormat.readingDirectoryOf(file) != null ? directory : file)
                              .toString())
                      .doesNotContain("\n", "\r"));
      assertSound(result);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(directory);
    }
  }

  @Provide
  Arbitrary<String> inputNames() {
    return Arbitraries.of(
        InputFormat.allExtensions().stream()
            .map(extension -> "in" + extension)
            .toList()); // every format's files
  }

  private static void scanText(String text, String name) {
    ScanResult result = new ScanResult();
    Scanner scanner =
        new Scanner(Selection.of(List.of(), List.of(), Map.of()), InputLimits.DEFAULT);
    try {
      scanner.scan(
          new DocumentReader(InputLimits.DEFAULT).read(text.getBytes(StandardCharsets.UTF_8), name),
          result);
    } catch (InputException e) {
      assertThat(e.getMessage()).startsWith(name).doesNotContain("\n");
      return;
    }
    assertSound(result);
  }

  private static void assertSound(ScanResult result) {
    assertThat(result.errors())
        .allSatisfy(error -> assertThat(error.problem()).doesNotContain("internal error"));
    assertThat(result.findings())
        .allSatisfy(finding -> assertThat(finding.message()).doesNotContain("internal error"));
    assertThat(result.findings())
        .filteredOn(finding -> finding.status() == Status.UNKNOWN)
        .allSatisfy(finding -> assertThat(finding.message()).startsWith("Cannot decide: "));
  }
}
