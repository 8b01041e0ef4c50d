package dev.ecsguard.format.terraform;

import dev.ecsguard.model.ResourceType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which attribute or nested block of each aws_ecs_* resource holds which ECS API field: the one
 * table that the readers (through {@link TerraformShapes}) and the fix module's Terraform fix use.
 * Readers and the fix name fields as the API does ({@code networkMode}); this gives Terraform's
 * name ({@code network_mode}), what kind of value is written there, and the path to it in a
 * resource's evaluated values, where a nested block is a list ({@code runtime_platform.0}).
 */
public final class TerraformAttributes {
  /**
   * tags_all: the tags with the provider's default tags, when it is known (a plan's; never the
   * source's).
   */
  public static final String ALL_TAGS = "tags_all";

  /** How a Terraform attribute or block holds its API field. */
  public enum Kind {
    /** An attribute with the API field's value. */
    ATTRIBUTE,
    /** A boolean attribute for the API's "ENABLED" or "DISABLED". */
    ENABLED_FLAG,
    /** A nested block written at most once: the API's object. */
    BLOCK,
    /** Nested blocks, repeated: the API's list of objects. */
    BLOCKS,
    /**
     * No block of its own: the API object's members are written in the enclosing block
     * (awsvpcConfiguration's in network_configuration).
     */
    INLINE,
    /** A string of the API's JSON; jsonencode(...) of a value in source gives the value itself. */
    JSON,
    /**
     * A map of tag keys to values: the API's list of {key, value}; {@link #ALL_TAGS} adds the
     * provider's default tags.
     */
    TAGS
  }

  /**
   * One API field: its Terraform name (none for {@link Kind#INLINE}), its kind, and for an object
   * or list of objects, its members.
   */
  public record Field(String api, String terraform, Kind kind, List<Field> members) {
    /**
     * The member named {@code api} by the API; an error when the table has none (a reader or fix
     * naming a field the table lacks).
     */
    public Field member(String api) {
      return find(members, api);
    }

    /**
     * The path, in evaluated values, of the API path {@code apiPath} below this field's object (an
     * element's, for {@link Kind#BLOCKS}).
     */
    public String[] path(String... apiPath) {
      return TerraformAttributes.path(members, apiPath);
    }

    /**
     * Whether a block written in Terraform holds this field: an object's or list's, never an
     * attribute.
     */
    public boolean isBlock() {
      return kind == Kind.BLOCK || kind == Kind.BLOCKS;
    }
  }

  /** The fields of one aws_ecs_* resource type, as the API shapes the resource. */
  public enum Resource {
    TASK_DEFINITION(
        "aws_ecs_task_definition",
        ResourceType.TASK_DEFINITION,
        attribute("family", "family"),
        attribute("networkMode", "network_mode"),
        attribute("pidMode", "pid_mode"),
        attribute("ipcMode", "ipc_mode"),
        attribute("taskRoleArn", "task_role_arn"),
        attribute("executionRoleArn", "execution_role_arn"),
        block(
            "runtimePlatform",
            "runtime_platform",
            attribute("operatingSystemFamily", "operating_system_family")),
        blocks(
            "volumes",
            "volume",
            attribute("name", "name"),
            new Field("host", null, Kind.INLINE, List.of(attribute("sourcePath", "host_path"))),
            block(
                "efsVolumeConfiguration",
                "efs_volume_configuration",
                attribute("transitEncryption", "transit_encryption"))),
        new Field("containerDefinitions", "container_definitions", Kind.JSON, List.of()),
        new Field("tags", "tags", Kind.TAGS, List.of())),
    SERVICE(
        "aws_ecs_service",
        ResourceType.SERVICE,
        attribute("launchType", "launch_type"),
        blocks(
            "capacityProviderStrategy",
            "capacity_provider_strategy",
            attribute("capacityProvider", "capacity_provider")),
        attribute("platformVersion", "platform_version"),
        networkConfiguration(),
        new Field("tags", "tags", Kind.TAGS, List.of())),
    TASK_SET(
        "aws_ecs_task_set",
        ResourceType.TASK_SET,
        attribute("launchType", "launch_type"),
        blocks(
            "capacityProviderStrategy",
            "capacity_provider_strategy",
            attribute("capacityProvider", "capacity_provider")),
        attribute("platformVersion", "platform_version"),
        networkConfiguration()),
    CLUSTER(
        "aws_ecs_cluster",
        ResourceType.CLUSTER,
        blocks("settings", "setting", attribute("name", "name"), attribute("value", "value")),
        new Field("tags", "tags", Kind.TAGS, List.of())),
    CAPACITY_PROVIDER(
        "aws_ecs_capacity_provider",
        ResourceType.CAPACITY_PROVIDER,
        block(
            "autoScalingGroupProvider",
            "auto_scaling_group_provider",
            block("managedScaling", "managed_scaling", attribute("status", "status")),
            attribute("managedTerminationProtection", "managed_termination_protection")),
        new Field("tags", "tags", Kind.TAGS, List.of()));

    private final String terraformType;
    private final ResourceType type;
    private final List<Field> fields;

    Resource(String terraformType, ResourceType type, Field... fields) {
      this.terraformType = terraformType;
      this.type = type;
      this.fields = List.of(fields);
    }

    /** E.g. {@code aws_ecs_task_definition}. */
    public String terraformType() {
      return terraformType;
    }

    public ResourceType type() {
      return type;
    }

    /**
     * Its fields, in the order the fix builds the API's shape and carries changes back (edits at
     * one place keep this order).
     */
    public List<Field> fields() {
      return fields;
    }

    public Field field(String api) {
      return find(fields, api);
    }

    /**
     * The path, in the resource's evaluated values, of the API path {@code apiPath}: {@code
     * runtime_platform, 0, operating_system_family}.
     */
    public String[] path(String... apiPath) {
      return TerraformAttributes.path(fields, apiPath);
    }

    /**
     * The table of this aws_ecs_* {@code type}; null for the types that hold nothing the controls
     * read.
     */
    public static Resource of(String terraformType) {
      return Arrays.stream(values())
          .filter(resource -> resource.terraformType.equals(terraformType))
          .findFirst()
          .orElse(null);
    }
  }

  private TerraformAttributes() {}

  private static Field attribute(String api, String terraform) {
    return new Field(api, terraform, Kind.ATTRIBUTE, List.of());
  }

  private static Field block(String api, String terraform, Field... members) {
    return new Field(api, terraform, Kind.BLOCK, List.of(members));
  }

  private static Field blocks(String api, String terraform, Field... members) {
    return new Field(api, terraform, Kind.BLOCKS, List.of(members));
  }

  /**
   * A service's and a task set's: Terraform writes awsvpcConfiguration's members in
   * network_configuration itself.
   */
  private static Field networkConfiguration() {
    return block(
        "networkConfiguration",
        "network_configuration",
        new Field(
            "awsvpcConfiguration",
            null,
            Kind.INLINE,
            List.of(
                new Field("assignPublicIp", "assign_public_ip", Kind.ENABLED_FLAG, List.of()))));
  }

  private static Field find(List<Field> fields, String api) {
    for (Field field : fields) {
      if (field.api().equals(api)) {
        return field;
      }
    }
    throw new IllegalArgumentException("the Terraform attribute table has no field " + api);
  }

  private static String[] path(List<Field> fields, String... apiPath) {
    List<String> path = new ArrayList<>();
    List<Field> level = fields;
    for (String step : apiPath) {
      Field field = find(level, step);
      if (field.kind() != Kind.INLINE) {
        path.add(field.terraform());
      }
      if (field.kind() == Kind.BLOCK) {
        path.add("0");
      }
      level = field.members();
    }
    return path.toArray(String[]::new);
  }

  /** The API's value for an {@link Kind#ENABLED_FLAG} attribute's. */
  public static String enabled(boolean on) {
    return on ? "ENABLED" : "DISABLED";
  }

  /** An {@link Kind#ENABLED_FLAG} attribute's value for the API's. */
  public static boolean flag(String enabled) {
    return "ENABLED".equals(enabled);
  }
}
