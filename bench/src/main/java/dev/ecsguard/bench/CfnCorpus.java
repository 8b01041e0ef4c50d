package dev.ecsguard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * CloudFormation templates for comparing ecsguard with cfn-guard (bench/cfn-guard): each has
 * several task definitions, services and clusters, and some task sets and capacity providers, with
 * a seeded mix of compliant and non-compliant settings. It includes the spellings on which the two
 * tools are expected to differ: string booleans, {@code 0:0}, Windows task definitions, {@code
 * enhanced} Container Insights, a pinned but current platform version, Fargate through a capacity
 * provider strategy. Deterministic per seed.
 *
 * <p>{@code CfnCorpus OUT_DIR COUNT SEED} writes {@code template-000000.json} and so on.
 */
public final class CfnCorpus {
  private static final String ACCOUNT = "123456789012";
  private static final String REGION = "eu-west-1";
  private static final String[] SIDECARS = {"envoy", "log-router", "xray-daemon"};
  private static final String[] CREDENTIALS = {
    "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "ECS_ENGINE_AUTH_DATA"
  };
  private static final String[] LINUX_USERS = {
    "1000", "1000:1000", "app", "root", "0", "0:0", "nobody:nogroup"
  };

  private final SplittableRandom random;

  public CfnCorpus(long seed) {
    this.random = new SplittableRandom(seed);
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: CfnCorpus OUT_DIR COUNT SEED");
      System.exit(2);
    }
    Path directory = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    Files.createDirectories(directory);
    CfnCorpus corpus = new CfnCorpus(Long.parseLong(args[2]));
    for (int i = 0; i < count; i++) {
      Files.writeString(
          directory.resolve(String.format("template-%06d.json", i)),
          Json.write(corpus.template(i)));
    }
  }

  /** One template, as nested maps and lists in insertion order. */
  public Map<String, Object> template(int index) {
    Map<String, Object> resources = new LinkedHashMap<>();
    String app = "app" + index;
    int clusters = 1 + random.nextInt(2);
    for (int c = 1; c <= clusters; c++) {
      resources.put("Cluster" + c, cluster(app + "-" + c));
    }
    resources.put("LogGroup", resource("AWS::Logs::LogGroup", map("RetentionInDays", 30)));
    List<TaskDefinition> taskDefinitions = new ArrayList<>();
    int count = 2 + random.nextInt(3);
    for (int t = 1; t <= count; t++) {
      TaskDefinition definition = taskDefinition("TaskDefinition" + t, app);
      taskDefinitions.add(definition);
      resources.put(definition.logicalId, definition.resource);
    }
    int services = 1 + random.nextInt(3);
    for (int s = 1; s <= services; s++) {
      TaskDefinition definition = taskDefinitions.get(random.nextInt(taskDefinitions.size()));
      resources.put(
          "Service" + s,
          service(app + "-" + s, "Cluster" + (1 + random.nextInt(clusters)), definition));
    }
    if (random.nextInt(10) < 3) {
      TaskDefinition definition =
          taskDefinitions.stream().filter(d -> d.awsvpc).findFirst().orElse(null);
      if (definition != null) {
        resources.put("ExternalService", externalService(app));
        resources.put("TaskSet", taskSet(definition));
      }
    }
    if (random.nextInt(4) == 0) {
      resources.put("CapacityProvider", capacityProvider(app));
    }
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("AWSTemplateFormatVersion", "2010-09-09");
    template.put(
        "Description", "Generated ECS application " + app + " (ecsguard benchmark corpus)");
    template.put("Resources", resources);
    return template;
  }

  private Map<String, Object> cluster(String name) {
    Map<String, Object> properties = map("ClusterName", name);
    int insights = random.nextInt(10);
    if (insights < 7) {
      String value = insights < 4 ? "enabled" : insights < 6 ? "disabled" : "enhanced";
      properties.put("ClusterSettings", List.of(map("Name", "containerInsights", "Value", value)));
    }
    tags(properties);
    return resource("AWS::ECS::Cluster", properties);
  }

  private record TaskDefinition(
      String logicalId,
      Map<String, Object> resource,
      boolean fargate,
      boolean awsvpc,
      boolean windows) {}

  private TaskDefinition taskDefinition(String logicalId, String app) {
    boolean fargate = random.nextInt(10) < 6;
    boolean windows = random.nextInt(15) == 0;
    Map<String, Object> properties = map("Family", app + "-" + logicalId.toLowerCase(Locale.ROOT));
    String networkMode;
    if (fargate) {
      properties.put("RequiresCompatibilities", List.of("FARGATE"));
      networkMode = "awsvpc";
      properties.put("Cpu", windows ? "1024" : "512");
      properties.put("Memory", windows ? "2048" : "1024");
    } else {
      if (random.nextInt(4) > 0) {
        properties.put("RequiresCompatibilities", List.of("EC2"));
      }
      int mode = random.nextInt(10);
      networkMode = mode < 3 ? "bridge" : mode < 6 ? "awsvpc" : mode < 8 ? "host" : null;
      if (windows && "host".equals(networkMode)) {
        networkMode = null;
      }
      if (!windows && random.nextInt(6) == 0) {
        properties.put("PidMode", random.nextBoolean() ? "host" : "task");
      }
    }
    if (networkMode != null) {
      properties.put("NetworkMode", networkMode);
    }
    if (windows) {
      properties.put(
          "RuntimePlatform",
          map("OperatingSystemFamily", "WINDOWS_SERVER_2022_CORE", "CpuArchitecture", "X86_64"));
    } else if (random.nextBoolean()) {
      properties.put(
          "RuntimePlatform",
          map(
              "OperatingSystemFamily",
              "LINUX",
              "CpuArchitecture",
              random.nextBoolean() ? "ARM64" : "X86_64"));
    }
    properties.put("ExecutionRoleArn", "arn:aws:iam::" + ACCOUNT + ":role/" + app + "-execution");
    properties.put("TaskRoleArn", "arn:aws:iam::" + ACCOUNT + ":role/" + app + "-task");
    boolean efs = random.nextInt(4) == 0;
    List<Object> containers = new ArrayList<>();
    containers.add(container("app", app, true, fargate, windows, efs));
    int sidecars = windows ? 0 : random.nextInt(3);
    for (int s = 0; s < sidecars; s++) {
      containers.add(container(SIDECARS[s], app, false, fargate, false, false));
    }
    properties.put("ContainerDefinitions", containers);
    if (efs) {
      Map<String, Object> configuration =
          map("FilesystemId", "fs-0123456789abcdef" + random.nextInt(10));
      int transit = random.nextInt(3);
      if (transit < 2) {
        configuration.put("TransitEncryption", transit == 0 ? "ENABLED" : "DISABLED");
      }
      properties.put(
          "Volumes", List.of(map("Name", "shared", "EFSVolumeConfiguration", configuration)));
    }
    tags(properties);
    return new TaskDefinition(
        logicalId,
        resource("AWS::ECS::TaskDefinition", properties),
        fargate,
        "awsvpc".equals(networkMode),
        windows);
  }

  private Map<String, Object> container(
      String name, String app, boolean essential, boolean fargate, boolean windows, boolean efs) {
    Map<String, Object> container = map("Name", name);
    container.put(
        "Image",
        map(
            "Fn::Sub",
            "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/"
                + app
                + "/"
                + name
                + ":1."
                + random.nextInt(40)));
    container.put("Essential", essential && random.nextInt(8) == 0 ? "true" : essential);
    int privileged = random.nextInt(20);
    if (!fargate && !windows && privileged < 2) {
      container.put("Privileged", privileged == 0 ? Boolean.TRUE : "true");
    } else if (privileged < 6) {
      container.put("Privileged", privileged == 5 ? "false" : Boolean.FALSE);
    }
    if (!windows) {
      int readOnly = random.nextInt(10);
      if (readOnly < 8) {
        container.put(
            "ReadonlyRootFilesystem",
            readOnly < 4
                ? Boolean.TRUE
                : readOnly < 5 ? "true" : readOnly < 7 ? Boolean.FALSE : "false");
      }
    }
    int user = random.nextInt(10);
    if (user < 8) {
      container.put(
          "User",
          windows
              ? (user < 4 ? "ContainerAdministrator" : "ContainerUser")
              : LINUX_USERS[random.nextInt(LINUX_USERS.length)]);
    }
    if (random.nextInt(4) > 0) {
      container.put("Memory", 256 + 128 * random.nextInt(8));
    } else {
      container.put("MemoryReservation", 128 + 64 * random.nextInt(8));
    }
    container.put(
        "PortMappings",
        List.of(map("ContainerPort", 8080 + random.nextInt(10), "Protocol", "tcp")));
    List<Object> environment = new ArrayList<>();
    int variables = 2 + random.nextInt(6);
    for (int v = 0; v < variables; v++) {
      environment.add(map("Name", "SETTING_" + v, "Value", "value-" + random.nextInt(1000)));
    }
    if (random.nextInt(12) == 0) {
      environment.add(
          map(
              "Name",
              CREDENTIALS[random.nextInt(CREDENTIALS.length)],
              "Value",
              "generated-not-a-real-credential"));
    }
    container.put("Environment", environment);
    container.put(
        "Secrets",
        List.of(
            map(
                "Name",
                "DB_PASSWORD",
                "ValueFrom",
                "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:" + app + "-db")));
    if (efs) {
      container.put(
          "MountPoints",
          List.of(
              map(
                  "SourceVolume",
                  "shared",
                  "ContainerPath",
                  windows ? "C:\\data" : "/data",
                  "ReadOnly",
                  false)));
    }
    if (random.nextInt(8) > 0) {
      container.put(
          "LogConfiguration",
          map(
              "LogDriver",
              "awslogs",
              "Options",
              map(
                  "awslogs-group", map("Ref", "LogGroup"),
                  "awslogs-region", map("Ref", "AWS::Region"),
                  "awslogs-stream-prefix", name)));
    }
    return container;
  }

  private Map<String, Object> service(String name, String cluster, TaskDefinition definition) {
    Map<String, Object> properties =
        map(
            "ServiceName",
            name,
            "Cluster",
            map("Ref", cluster),
            "TaskDefinition",
            map("Ref", definition.logicalId));
    properties.put("DesiredCount", 1 + random.nextInt(4));
    if (definition.fargate) {
      if (random.nextInt(5) == 0) {
        properties.put(
            "CapacityProviderStrategy",
            List.of(map("CapacityProvider", "FARGATE_SPOT", "Weight", 1)));
      } else {
        properties.put("LaunchType", "FARGATE");
      }
      int platform = random.nextInt(10);
      if (platform < 6) {
        properties.put(
            "PlatformVersion",
            platform < 2 ? "LATEST" : platform < 4 ? "1.4.0" : platform < 5 ? "1.3.0" : "1.0.0");
      }
    } else if (random.nextBoolean()) {
      properties.put("LaunchType", "EC2");
    }
    if (definition.awsvpc) {
      Map<String, Object> vpc =
          map(
              "Subnets",
              List.of("subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"),
              "SecurityGroups",
              List.of("sg-0a1b2c3d4e5f60718"));
      int publicIp = random.nextInt(10);
      if (publicIp < 7) {
        vpc.put("AssignPublicIp", publicIp < 3 ? "ENABLED" : "DISABLED");
      }
      properties.put("NetworkConfiguration", map("AwsvpcConfiguration", vpc));
    }
    properties.put("PropagateTags", "SERVICE");
    tags(properties);
    return resource("AWS::ECS::Service", properties);
  }

  private Map<String, Object> externalService(String app) {
    Map<String, Object> properties =
        map(
            "ServiceName",
            app + "-external",
            "Cluster",
            map("Ref", "Cluster1"),
            "DeploymentController",
            map("Type", "EXTERNAL"),
            "DesiredCount",
            2);
    tags(properties);
    return resource("AWS::ECS::Service", properties);
  }

  private Map<String, Object> taskSet(TaskDefinition definition) {
    Map<String, Object> vpc =
        map(
            "Subnets",
            List.of("subnet-0a1b2c3d4e5f60718"),
            "SecurityGroups",
            List.of("sg-0a1b2c3d4e5f60718"));
    vpc.put("AssignPublicIp", random.nextInt(3) == 0 ? "ENABLED" : "DISABLED");
    Map<String, Object> properties =
        map(
            "Cluster",
            map("Ref", "Cluster1"),
            "Service",
            map("Ref", "ExternalService"),
            "TaskDefinition",
            map("Ref", definition.logicalId));
    properties.put("LaunchType", definition.fargate ? "FARGATE" : "EC2");
    properties.put("NetworkConfiguration", map("AwsVpcConfiguration", vpc));
    properties.put("Scale", map("Unit", "PERCENT", "Value", 100));
    return resource("AWS::ECS::TaskSet", properties);
  }

  private Map<String, Object> capacityProvider(String app) {
    Map<String, Object> provider =
        map(
            "AutoScalingGroupArn",
            "arn:aws:autoscaling:"
                + REGION
                + ":"
                + ACCOUNT
                + ":autoScalingGroup:0a1b2c3d-0000-4000-8000-000000000000:autoScalingGroupName/"
                + app);
    boolean managedScaling = random.nextBoolean();
    provider.put(
        "ManagedScaling",
        map("Status", managedScaling ? "ENABLED" : "DISABLED", "TargetCapacity", 90));
    int protection = random.nextInt(3);
    if (protection < 2) {
      provider.put(
          "ManagedTerminationProtection",
          managedScaling && protection == 0 ? "ENABLED" : "DISABLED");
    }
    Map<String, Object> properties = map("AutoScalingGroupProvider", provider);
    tags(properties);
    return resource("AWS::ECS::CapacityProvider", properties);
  }

  private void tags(Map<String, Object> properties) {
    if (random.nextInt(5) > 0) {
      properties.put(
          "Tags",
          List.of(
              map("Key", "team", "Value", "team-" + random.nextInt(40)),
              map("Key", "environment", "Value", "production")));
    }
  }

  private static Map<String, Object> resource(String type, Map<String, Object> properties) {
    return map("Type", type, "Properties", properties);
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** Pretty-printed JSON of maps, lists, strings, numbers and booleans; one value a line. */
  static final class Json {
    private Json() {}

    static String write(Object value) {
      StringBuilder out = new StringBuilder(16_384);
      write(out, value, 0);
      return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
      if (value instanceof Map<?, ?> map) {
        out.append('{');
        String separator = "\n";
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          out.append(separator);
          indent(out, depth + 1);
          string(out, (String) entry.getKey());
          out.append(": ");
          write(out, entry.getValue(), depth + 1);
          separator = ",\n";
        }
        out.append('\n');
        indent(out, depth);
        out.append('}');
      } else if (value instanceof List<?> list) {
        out.append('[');
        String separator = "\n";
        for (Object item : list) {
          out.append(separator);
          indent(out, depth + 1);
          write(out, item, depth + 1);
          separator = ",\n";
        }
        out.append('\n');
        indent(out, depth);
        out.append(']');
      } else if (value instanceof String text) {
        string(out, text);
      } else {
        out.append(value);
      }
    }

    private static void indent(StringBuilder out, int depth) {
      out.append("  ".repeat(depth));
    }

    private static void string(StringBuilder out, String text) {
      out.append('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      out.append('"');
    }
  }
}
