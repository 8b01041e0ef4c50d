package dev.ecsguard.format.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsguard.format.terraform.TerraformAttributes.Field;
import dev.ecsguard.format.terraform.TerraformAttributes.Kind;
import dev.ecsguard.format.terraform.TerraformAttributes.Resource;
import dev.ecsguard.model.ResourceType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one attribute table: well formed, and the paths the readers take from it. */
class TerraformAttributesTest {
  @Test
  void eachResourceTypeHasOneTableAndEachLevelNamesItsFieldsOnce() {
    Set<ResourceType> types = new HashSet<>();
    for (Resource resource : Resource.values()) {
      assertThat(Resource.of(resource.terraformType())).isSameAs(resource);
      assertThat(TerraformShapes.typeOf(resource.terraformType())).isEqualTo(resource.type());
      types.add(resource.type());
      wellFormed(resource.terraformType(), resource.fields());
    }
    assertThat(types).containsExactlyInAnyOrder(ResourceType.values());
    assertThat(Resource.of("aws_ecs_cluster_capacity_providers")).isNull();
  }

  private static void wellFormed(String where, List<Field> fields) {
    Set<String> api = new HashSet<>();
    Set<String> terraform = new HashSet<>();
    for (Field field : fields) {
      assertThat(api.add(field.api())).as("%s: %s once", where, field.api()).isTrue();
      assertThat(
              field.kind() == Kind.INLINE
                  ? field.terraform() == null
                  : terraform.add(field.terraform()))
          .as("%s: %s", where, field.api())
          .isTrue();
      boolean object = field.isBlock() || field.kind() == Kind.INLINE;
      assertThat(field.members().isEmpty())
          .as("%s: %s has members exactly when it is an object", where, field.api())
          .isEqualTo(!object);
      wellFormed(where + "." + field.api(), field.members());
    }
  }

  @Test
  void pathsStepIntoBlocksAndOverInlineObjects() {
    assertThat(Resource.TASK_DEFINITION.path("runtimePlatform", "operatingSystemFamily"))
        .containsExactly("runtime_platform", "0", "operating_system_family");
    assertThat(
            Resource.TASK_DEFINITION
                .field("volumes")
                .path("efsVolumeConfiguration", "transitEncryption"))
        .containsExactly("efs_volume_configuration", "0", "transit_encryption");
    assertThat(
            Resource.SERVICE.path("networkConfiguration", "awsvpcConfiguration", "assignPublicIp"))
        .containsExactly("network_configuration", "0", "assign_public_ip");
    assertThat(Resource.CLUSTER.path("settings")).containsExactly("setting");
    assertThatThrownBy(() -> Resource.SERVICE.path("platformFamily"))
        .hasMessageContaining("platformFamily");
  }

  @Test
  void flagsAreTheApisEnabledAndDisabled() {
    assertThat(TerraformAttributes.enabled(true)).isEqualTo("ENABLED");
    assertThat(TerraformAttributes.flag(TerraformAttributes.enabled(false))).isFalse();
    assertThat(TerraformAttributes.flag(TerraformAttributes.enabled(true))).isTrue();
  }
}
