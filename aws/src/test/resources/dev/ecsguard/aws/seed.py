"""Seeds a moto server with the ECS estate the live-scan tests expect (boto3, two regions)."""
import sys

import boto3

ENDPOINT = sys.argv[1]
SECRET = sys.argv[2]


def client(service, region):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name=region,
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def container(name, **extra):
    spec = {"name": name, "image": "nginx", "memory": 128}
    spec.update(extra)
    return spec


# us-east-1: a family of three revisions (only the latest privileged), a family whose only
# revision is deregistered, a hardened family, a cluster with a public Fargate service and a
# private EC2 service, and an external-deployment service with a task set.
ecs = client("ecs", "us-east-1")
for revision in range(3):
    ecs.register_task_definition(
        family="web",
        containerDefinitions=[container("app", privileged=(revision == 2),
                                        environment=[{"name": "AWS_SECRET_ACCESS_KEY", "value": SECRET}])],
        tags=[{"key": "team", "value": "web"}])
ecs.register_task_definition(family="retired", containerDefinitions=[container("app", privileged=True)])
ecs.deregister_task_definition(taskDefinition="retired:1")
ecs.register_task_definition(
    family="hardened", networkMode="awsvpc", requiresCompatibilities=["FARGATE"], cpu="256", memory="512",
    runtimePlatform={"operatingSystemFamily": "LINUX"},
    containerDefinitions=[container("api", user="1000:1000", readonlyRootFilesystem=True,
                                    logConfiguration={"logDriver": "awslogs", "options": {"awslogs-group": "g"}})],
    tags=[{"key": "team", "value": "api"}])
ecs.create_cluster(clusterName="prod", settings=[{"name": "containerInsights", "value": "enabled"}],
                   tags=[{"key": "team", "value": "platform"}])
ec2 = client("ec2", "us-east-1")
vpc = ec2.describe_vpcs(Filters=[{"Name": "isDefault", "Values": ["true"]}])["Vpcs"][0]["VpcId"]
subnet = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["Subnets"][0]["SubnetId"]
group = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["SecurityGroups"][0]["GroupId"]
ecs.create_service(cluster="prod", serviceName="public-api", taskDefinition="hardened", desiredCount=1,
                   launchType="FARGATE", platformVersion="1.3.0",
                   networkConfiguration={"awsvpcConfiguration": {"subnets": [subnet], "securityGroups": [group],
                                                                 "assignPublicIp": "ENABLED"}},
                   tags=[{"key": "team", "value": "api"}])
ecs.create_service(cluster="prod", serviceName="worker", taskDefinition="web", desiredCount=1, launchType="EC2")
ecs.create_service(cluster="prod", serviceName="canary", taskDefinition="hardened", desiredCount=0,
                   deploymentController={"type": "EXTERNAL"})
ecs.create_task_set(cluster="prod", service="canary", taskDefinition="hardened", launchType="FARGATE",
                    networkConfiguration={"awsvpcConfiguration": {"subnets": [subnet], "securityGroups": [group],
                                                                  "assignPublicIp": "ENABLED"}})

# eu-west-1: one family and a cluster without Container Insights, so that regions differ.
ecs = client("ecs", "eu-west-1")
ecs.register_task_definition(family="batch", containerDefinitions=[container("job", user="root")])
ecs.create_cluster(clusterName="batch")
for number in range(12):  # more than one DescribeServices batch of 10
    ecs.create_service(cluster="batch", serviceName="job-%02d" % number, taskDefinition="batch", desiredCount=0,
                       launchType="EC2")
print("seeded")
