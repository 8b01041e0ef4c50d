package dev.ecsguard.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HclParserTest {
  @Test
  void aParsedFileKeepsPositionsOfBlocksAttributesAndValues() throws HclException {
    List<Hcl.Item> items = Hcl.parse("main.tf", "# comment\nresource \"aws_ecs_cluster\" \"a\" { // one line\n  name = \"a\" }\n", 10);
    Hcl.Block block = (Hcl.Block) items.get(0);
    assertThat(block.labels()).containsExactly("aws_ecs_cluster", "a");
    assertThat(block.at()).isEqualTo(new Hcl.Position(2, 1));
    Hcl.Attribute name = (Hcl.Attribute) block.body().get(0);
    assertThat(name.at()).isEqualTo(new Hcl.Position(3, 3));
    assertThat(name.value().at()).isEqualTo(new Hcl.Position(3, 10));
  }
}
