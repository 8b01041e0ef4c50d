"""Seeds moto for the Config rule's tests (boto3, us-east-1).

The rule's own account: family "web" with two ACTIVE revisions (the latest privileged, with a
planted secret), a cluster without Container Insights running a service on web:1, and BULK
families of one revision each (so a scheduled run has more than 100 evaluations to send). A
member account (111111111111, reached by assuming a role, as moto keys state by the assumed
role's account): one cluster.
"""
import sys

import boto3

ENDPOINT = sys.argv[1]
SECRET = sys.argv[2]
BULK = int(sys.argv[3])
MEMBER = "111111111111"


def client(service, **credentials):
    if not credentials:
        credentials = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", **credentials)


ecs = client("ecs")
for privileged in (False, True):
    ecs.register_task_definition(
        family="web",
        containerDefinitions=[{"name": "app", "image": "nginx:1.27", "memory": 128, "privileged": privileged,
                               "environment": [{"name": "DB_PASSWORD", "value": SECRET}]}],
        tags=[{"key": "team", "value": "web"}])
for n in range(BULK):
    ecs.register_task_definition(
        family=f"bulk-{n:03d}",
        containerDefinitions=[{"name": "app", "image": "nginx:1.27", "memory": 128}])
ecs.create_cluster(clusterName="prod")
ecs.create_service(cluster="prod", serviceName="api", taskDefinition="web:1", desiredCount=1, launchType="EC2")

assumed = client("sts").assume_role(
    RoleArn=f"arn:aws:iam::{MEMBER}:role/ecsguard-member", RoleSessionName="seed")["Credentials"]
member = client("ecs", aws_access_key_id=assumed["AccessKeyId"],
                aws_secret_access_key=assumed["SecretAccessKey"], aws_session_token=assumed["SessionToken"])
member.create_cluster(clusterName="member-cluster")
print(member.list_clusters()["clusterArns"][0])
