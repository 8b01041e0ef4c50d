"""Seeds a moto server with an estate for apply and rollback: failing families, the services that run
them, a cluster without Container Insights (boto3, us-east-1)."""
import sys

import boto3

ENDPOINT = sys.argv[1]
SECRET = sys.argv[2]


def client(service):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1",
                        aws_access_key_id="testing", aws_secret_access_key="testing")


ecs = client("ecs")
ec2 = client("ec2")
vpc = ec2.describe_vpcs(Filters=[{"Name": "isDefault", "Values": ["true"]}])["Vpcs"][0]["VpcId"]
subnet = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["Subnets"][0]["SubnetId"]
group = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["SecurityGroups"][0]["GroupId"]

# web: two Fargate revisions, both privileged, writable and root; the service runs the older one.
for revision in range(2):
    ecs.register_task_definition(
        family="web", networkMode="awsvpc", requiresCompatibilities=["FARGATE"], cpu="256", memory="512",
        executionRoleArn="arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
        containerDefinitions=[{
            "name": "app", "image": "nginx:1.%d" % revision, "essential": True, "privileged": True,
            "portMappings": [{"containerPort": 80, "protocol": "tcp"}],
            "environment": [{"name": "MODE", "value": "live"}, {"name": "AWS_SECRET_ACCESS_KEY", "value": SECRET}],
            "dockerLabels": {"team": "web"}}],
        tags=[{"key": "team", "value": "web"}])
# legacy: EC2, root, no logging and no execution role; untagged.
ecs.register_task_definition(family="legacy", containerDefinitions=[
    {"name": "worker", "image": "busybox:1.37", "memory": 128, "user": "root", "readonlyRootFilesystem": True}])
# tidy: nothing to fix, in two revisions; its service runs the older one.
for revision in range(2):
    ecs.register_task_definition(family="tidy", containerDefinitions=[
        {"name": "api", "image": "nginx:%d" % revision, "memory": 128, "user": "1000", "readonlyRootFilesystem": True,
         "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "g"}}}],
        tags=[{"key": "team", "value": "api"}])

ecs.create_cluster(clusterName="prod", tags=[{"key": "team", "value": "platform"}])
ecs.create_service(cluster="prod", serviceName="web", taskDefinition="web:1", desiredCount=0,
                   launchType="FARGATE", platformVersion="1.3.0",
                   networkConfiguration={"awsvpcConfiguration": {"subnets": [subnet], "securityGroups": [group],
                                                                 "assignPublicIp": "ENABLED"}},
                   tags=[{"key": "team", "value": "web"}])
ecs.create_service(cluster="prod", serviceName="legacy", taskDefinition="legacy", desiredCount=0, launchType="EC2",
                   tags=[{"key": "team", "value": "batch"}])
ecs.create_service(cluster="prod", serviceName="tidy", taskDefinition="tidy:1", desiredCount=0, launchType="EC2",
                   tags=[{"key": "team", "value": "api"}])
# A capacity provider that scales but does not protect its instances (ECS.19).
ecs.create_capacity_provider(name="spot", autoScalingGroupProvider={
    "autoScalingGroupArn": "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1:autoScalingGroupName/spot",
    "managedScaling": {"status": "ENABLED", "targetCapacity": 100}, "managedTerminationProtection": "DISABLED"},
    tags=[{"key": "team", "value": "platform"}])
print("seeded")
