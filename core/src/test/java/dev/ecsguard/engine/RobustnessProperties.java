package dev.ecsguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.Status;
import dev.ecsguard.source.DocumentReader;
import dev.ecsguard.source.InputException;
import dev.ecsguard.source.InputLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
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

  @Provide
  Arbitrary<String> mutatedDocuments() {
    Arbitrary<String> replacements = Arbitraries.of("", "1", "\"x\"", "[]", "{}", "null", "true", "[1,{}]", "{\"a\":[]}", "\"\"");
    return Arbitraries.integers()
        .between(0, TEMPLATE.length() - 1)
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
                          StringBuilder out = new StringBuilder(TEMPLATE);
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
    ScanResult result = new ScanResult();
    Scanner scanner = new Scanner(Selection.of(List.of(), List.of(), Map.of()), InputLimits.DEFAULT);
    try {
      scanner.scan(new DocumentReader(InputLimits.DEFAULT).read(json.getBytes(StandardCharsets.UTF_8), "m.json"), result);
    } catch (InputException e) {
      assertThat(e.getMessage()).startsWith("m.json").doesNotContain("\n");
      return;
    }
    assertThat(result.findings()).allSatisfy(finding -> assertThat(finding.message()).doesNotContain("internal error"));
    assertThat(result.findings())
        .filteredOn(finding -> finding.status() == Status.UNKNOWN)
        .allSatisfy(finding -> assertThat(finding.message()).startsWith("Cannot decide: "));
  }
}
