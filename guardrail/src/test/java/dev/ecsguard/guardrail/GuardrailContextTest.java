package dev.ecsguard.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsguard.config.Configuration;
import dev.ecsguard.config.ConfigurationReader;
import dev.ecsguard.engine.Engine;
import dev.ecsguard.report.JsonReport;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the guardrail's scans carry of its configuration. */
class GuardrailContextTest {
  @Test
  void theReportNamesWhereTheConfigurationCameFromAsAScanDoes() throws Exception {
    Configuration configuration =
        ConfigurationReader.read(
            new ByteArrayInputStream("failOn: high\n".getBytes(StandardCharsets.UTF_8)),
            "ssm:/ecsguard/config");
    for (Configuration each : List.of(configuration, Configuration.NONE)) {
      GuardrailContext context =
          new GuardrailContext(each, null, LocalDate.of(2026, 12, 6), Map.of());
      StringWriter report = new StringWriter();
      new JsonReport().render(Engine.scan(context.request(List.of()).build()), report);
      assertThat(new ObjectMapper().readTree(report.toString()).get("configuration").textValue())
          .isEqualTo(each.source());
    }
  }
}
