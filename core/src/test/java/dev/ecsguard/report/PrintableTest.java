package dev.ecsguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {
  @Test
  void controlCharactersAndBidiOverridesAreShownEscaped() {
    assertThat(Printable.escape("web\nPASSED  ECS.4")).isEqualTo("web\\nPASSED  ECS.4");
    assertThat(Printable.escape("a\u001b[31mb")).isEqualTo("a\\u001b[31mb");
    assertThat(Printable.escape("x\u202ey\u0085z\u2028")).isEqualTo("x\\u202ey\\u0085z\\u2028");
  }

  @Test
  void ordinaryTextIsUntouched() {
    String text = "container \"web-ü\" runs privileged (privileged is true).";
    assertThat(Printable.escape(text)).isSameAs(text);
  }
}
