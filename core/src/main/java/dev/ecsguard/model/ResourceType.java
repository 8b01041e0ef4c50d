package dev.ecsguard.model;

/**
 * The ECS resource types the controls evaluate, named as AWS Config and CloudFormation name them.
 */
public enum ResourceType {
  TASK_DEFINITION("AWS::ECS::TaskDefinition", "task definition"),
  SERVICE("AWS::ECS::Service", "service"),
  CLUSTER("AWS::ECS::Cluster", "cluster"),
  TASK_SET("AWS::ECS::TaskSet", "task set"),
  CAPACITY_PROVIDER("AWS::ECS::CapacityProvider", "capacity provider");

  private final String awsName;
  private final String words;

  ResourceType(String awsName, String words) {
    this.awsName = awsName;
    this.words = words;
  }

  /** E.g. {@code AWS::ECS::TaskDefinition}. */
  public String awsName() {
    return awsName;
  }

  /** E.g. "task definition". */
  public String words() {
    return words;
  }
}
