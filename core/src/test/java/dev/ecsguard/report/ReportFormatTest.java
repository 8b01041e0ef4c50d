package dev.ecsguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.engine.ScanResult;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportFormatTest {
  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void everyFormatHasAHelpLineExtensionsAndAReport(ReportFormat format) throws IOException {
    assertThat(format.description()).isNotBlank().hasSizeLessThanOrEqualTo(56).doesNotContain("\n");
    assertThat(format.extensions())
        .isNotEmpty()
        .allSatisfy(extension -> assertThat(extension).matches("(\\.[a-z0-9]+(-[a-z0-9]+)*)+"));
    StringWriter out = new StringWriter();
    format
        .create(
            new ReportFormat.Options(
                false, true, false, "123456789012", "us-east-1", Instant.EPOCH, null, null))
        .render(new ScanResult(), out);
    assertThat(out.toString()).isNotEmpty();
    assertThat(ReportFormat.named(format.label().toUpperCase())).isSameAs(format);
  }

  @Test
  void noTwoFormatsShareAnExtension() {
    assertThat(Arrays.stream(ReportFormat.values()).flatMap(format -> format.extensions().stream()))
        .doesNotHaveDuplicates();
  }

  @Test
  void anUnknownNameIsNoFormat() {
    assertThat(ReportFormat.named("pdf")).isNull();
  }
}
