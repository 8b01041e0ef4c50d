package dev.ecsguard.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic register-task-definition inputs: an application container with sidecars (proxy, log
 * router, agent), environment variables, secrets, ports, health checks, volumes and tags, with the
 * mix of compliant and non-compliant settings seen in real accounts. Deterministic per seed.
 */
public final class TaskDefinitionGenerator {
  private static final String[] SIDECARS = {"envoy", "log-router", "datadog-agent", "xray-daemon"};
  private final SplittableRandom random;

  public TaskDefinitionGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  public List<byte[]> generate(int count) {
    List<byte[]> documents = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      documents.add(next(i).getBytes(StandardCharsets.UTF_8));
    }
    return documents;
  }

  public String next(int index) {
    StringBuilder json = new StringBuilder(4096);
    boolean fargate = random.nextInt(3) > 0;
    json.append("{\n  \"family\": \"service-").append(index).append("\",\n");
    json.append("  \"networkMode\": \"")
        .append(fargate ? "awsvpc" : random.nextInt(10) == 0 ? "host" : "bridge")
        .append("\",\n");
    if (random.nextInt(20) == 0) {
      json.append("  \"pidMode\": \"host\",\n");
    }
    json.append("  \"requiresCompatibilities\": [\"")
        .append(fargate ? "FARGATE" : "EC2")
        .append("\"],\n");
    json.append("  \"cpu\": \"1024\", \"memory\": \"2048\",\n");
    if (random.nextBoolean()) {
      json.append(
          "  \"runtimePlatform\": {\"operatingSystemFamily\": \"LINUX\", \"cpuArchitecture\": \"ARM64\"},\n");
    }
    json.append("  \"executionRoleArn\": \"arn:aws:iam::123456789012:role/service-")
        .append(index)
        .append("-execution\",\n");
    json.append("  \"taskRoleArn\": \"arn:aws:iam::123456789012:role/service-")
        .append(index)
        .append("-task\",\n");
    json.append("  \"containerDefinitions\": [\n");
    int sidecars = random.nextInt(4);
    container(json, "app", index, true);
    for (int s = 0; s < sidecars; s++) {
      json.append(",\n");
      container(json, SIDECARS[s], index, false);
    }
    json.append("\n  ],\n  \"volumes\": [\n    {\"name\": \"tmp\"}");
    if (random.nextInt(4) == 0) {
      json.append(
              ",\n    {\"name\": \"shared\", \"efsVolumeConfiguration\": {\"fileSystemId\": \"fs-0123456789abcdef")
          .append(index % 10)
          .append('"')
          .append(random.nextBoolean() ? ", \"transitEncryption\": \"ENABLED\"" : "")
          .append("}}");
    }
    json.append("\n  ],\n  \"tags\": [");
    if (random.nextInt(5) > 0) {
      json.append("{\"key\": \"team\", \"value\": \"team-")
          .append(index % 40)
          .append("\"}, {\"key\": \"environment\", \"value\": \"production\"}");
    }
    return json.append("]\n}\n").toString();
  }

  private void container(StringBuilder json, String name, int index, boolean application) {
    json.append("    {\n      \"name\": \"").append(name).append("\",\n");
    json.append("      \"image\": \"123456789012.dkr.ecr.eu-west-1.amazonaws.com/")
        .append(name)
        .append(":1.")
        .append(index % 97)
        .append(".0\",\n");
    json.append("      \"essential\": ").append(application).append(",\n");
    if (random.nextInt(25) == 0) {
      json.append("      \"privileged\": true,\n");
    }
    if (random.nextInt(3) > 0) {
      json.append("      \"readonlyRootFilesystem\": true,\n");
    }
    int user = random.nextInt(6);
    if (user > 1) {
      json.append("      \"user\": \"").append(user == 2 ? "0" : "1000:1000").append("\",\n");
    }
    json.append("      \"portMappings\": [{\"containerPort\": ")
        .append(8080 + random.nextInt(10))
        .append(", \"protocol\": \"tcp\"}],\n");
    json.append("      \"environment\": [");
    int variables = 5 + random.nextInt(10);
    for (int v = 0; v < variables; v++) {
      json.append(v == 0 ? "" : ", ")
          .append("{\"name\": \"SETTING_")
          .append(v)
          .append("\", \"value\": \"value-")
          .append(random.nextInt(1000))
          .append("\"}");
    }
    if (random.nextInt(30) == 0) {
      json.append(
          ", {\"name\": \"AWS_SECRET_ACCESS_KEY\", \"value\": \"generated-not-a-real-key\"}");
    }
    json.append("],\n");
    json.append(
            "      \"secrets\": [{\"name\": \"DB_PASSWORD\", \"valueFrom\": \"arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-")
        .append(index)
        .append("\"}],\n");
    json.append(
        "      \"mountPoints\": [{\"sourceVolume\": \"tmp\", \"containerPath\": \"/tmp\"}],\n");
    json.append(
        "      \"healthCheck\": {\"command\": [\"CMD-SHELL\", \"curl -f http://localhost:8080/health || exit 1\"], \"interval\": 30, \"retries\": 3},\n");
    if (random.nextInt(8) > 0) {
      json.append(
              "      \"logConfiguration\": {\"logDriver\": \"awslogs\", \"options\": {\"awslogs-group\": \"/ecs/service-")
          .append(index)
          .append("\", \"awslogs-region\": \"eu-west-1\", \"awslogs-stream-prefix\": \"")
          .append(name)
          .append("\"}},\n");
    }
    json.append("      \"memoryReservation\": ")
        .append(128 + random.nextInt(512))
        .append("\n    }");
  }
}
