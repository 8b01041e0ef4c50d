"""Seeds a moto server with services that run older revisions than their family's latest (boto3,
us-east-1): what a live scan must describe once more, and what apply redeploys."""
import sys

import boto3

ENDPOINT = sys.argv[1]


def client(service):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1",
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def container(**extra):
    spec = {"name": "app", "image": "nginx:1.27", "memory": 128}
    spec.update(extra)
    return spec


ecs = client("ecs")
# web: revision 1 privileged, revision 2 fixed. Two services still run revision 1 (one through a
# task set as well), one runs revision 2.
ecs.register_task_definition(family="web", containerDefinitions=[container(privileged=True)],
                             tags=[{"key": "team", "value": "web"}])
ecs.register_task_definition(family="web", containerDefinitions=[container(privileged=False)],
                             tags=[{"key": "team", "value": "web"}])
# gone: its only revision deregistered while a service still runs it.
ecs.register_task_definition(family="gone", containerDefinitions=[container(privileged=True)])
# stale: both revisions privileged; a service runs the older one.
for image in ("nginx:1.26", "nginx:1.27"):
    ecs.register_task_definition(family="stale", containerDefinitions=[container(image=image, privileged=True)])

ecs.create_cluster(clusterName="prod")
for name, revision in (("old-a", "web:1"), ("old-b", "web:1"), ("new", "web:2"), ("ghost", "gone:1"),
                       ("behind", "stale:1")):
    ecs.create_service(cluster="prod", serviceName=name, taskDefinition=revision, desiredCount=0,
                       launchType="EC2", tags=[{"key": "team", "value": "web"}])
ecs.create_service(cluster="prod", serviceName="canary", taskDefinition="web:2", desiredCount=0,
                   deploymentController={"type": "EXTERNAL"}, tags=[{"key": "team", "value": "web"}])
ecs.create_task_set(cluster="prod", service="canary", taskDefinition="web:1", launchType="EC2")
ecs.deregister_task_definition(taskDefinition="gone:1")
print("seeded")
