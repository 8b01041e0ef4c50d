"""Registers a privileged task-definition family in one account (through its organization role) and Region."""
import sys

import boto3

ENDPOINT, ACCOUNT, REGION = sys.argv[1], sys.argv[2], sys.argv[3]

sts = boto3.client("sts", endpoint_url=ENDPOINT, region_name="us-east-1",
                   aws_access_key_id="testing", aws_secret_access_key="testing")
credentials = sts.assume_role(RoleArn="arn:aws:iam::%s:role/OrganizationAccountAccessRole" % ACCOUNT,
                              RoleSessionName="seed")["Credentials"]
ecs = boto3.client("ecs", endpoint_url=ENDPOINT, region_name=REGION, aws_access_key_id=credentials["AccessKeyId"],
                   aws_secret_access_key=credentials["SecretAccessKey"], aws_session_token=credentials["SessionToken"])
ecs.register_task_definition(family="app-" + ACCOUNT + "-" + REGION,
                             containerDefinitions=[{"name": "app", "image": "nginx", "memory": 128, "privileged": True}])
