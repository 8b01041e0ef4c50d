"""Seeds a moto server with families that state privileged: false, which ECS.4 passes: quiet fails
nothing, untagged fails only ECS.15, which apply cannot fix (boto3, us-east-1)."""
import sys

import boto3

ecs = boto3.client("ecs", endpoint_url=sys.argv[1], region_name="us-east-1",
                   aws_access_key_id="testing", aws_secret_access_key="testing")
for family, tags in (("quiet", [{"key": "team", "value": "api"}]), ("untagged", [])):
    ecs.register_task_definition(family=family, containerDefinitions=[
        {"name": "api", "image": "nginx:1.27", "memory": 128, "user": "1000", "readonlyRootFilesystem": True, "privileged": False,
         "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "g"}}}],
        **({"tags": tags} if tags else {}))
print("seeded")
