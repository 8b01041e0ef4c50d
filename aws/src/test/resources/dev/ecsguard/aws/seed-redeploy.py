"""Seeds a moto server with services that run an older revision than their family's latest (boto3,
us-east-1): one whose latest revision passes what it fails (a redeploy fixes it), one whose latest
revision fails the same (its family must be fixed first)."""
import sys

import boto3

ENDPOINT = sys.argv[1]
SECRET = sys.argv[2]


def client(service):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1",
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def container(**extra):
    spec = {"name": "api", "image": "nginx:1.27", "memory": 128, "user": "1000", "readonlyRootFilesystem": True,
            "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "g"}}}
    spec.update(extra)
    return spec


ecs = client("ecs")
# web: revision 1 privileged, revision 2 hardened.
for privileged in (True, False):
    ecs.register_task_definition(family="web", containerDefinitions=[container(privileged=privileged)],
                                 tags=[{"key": "team", "value": "web"}])
# stale: both revisions hold an AWS secret key in their environment, which apply cannot move alone.
for image in ("nginx:1.26", "nginx:1.27"):
    ecs.register_task_definition(
        family="stale", tags=[{"key": "team", "value": "web"}],
        containerDefinitions=[container(image=image, environment=[{"name": "AWS_SECRET_ACCESS_KEY", "value": SECRET}])])

ecs.create_cluster(clusterName="prod", settings=[{"name": "containerInsights", "value": "enabled"}],
                   tags=[{"key": "team", "value": "platform"}])
# Untagged services are those the tests' redeploying remedy is asked for (it is given by ECS.13).
ecs.create_service(cluster="prod", serviceName="old", taskDefinition="web:1", desiredCount=0, launchType="EC2")
ecs.create_service(cluster="prod", serviceName="new", taskDefinition="web:2", desiredCount=0, launchType="EC2")
ecs.create_service(cluster="prod", serviceName="behind", taskDefinition="stale:1", desiredCount=0, launchType="EC2")
print("seeded")
