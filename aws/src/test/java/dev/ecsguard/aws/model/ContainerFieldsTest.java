package dev.ecsguard.aws.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.format.ContainerFields;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

/** ecsguard's list of container definition fields is the AWS SDK's, which live scans read with. */
class ContainerFieldsTest {
  @Test
  void theFieldsAreTheSdksContainerDefinitionFields() {
    assertThat(ContainerFields.API_NAMES)
        .containsExactlyInAnyOrderElementsOf(
            ContainerDefinition.builder().build().sdkFields().stream()
                .map(SdkField::locationName)
                .toList());
  }
}
