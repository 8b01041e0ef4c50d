"""Seeds an organization of two member accounts, each with one task-definition family."""
import sys

import boto3

ENDPOINT = sys.argv[1]


def session_client(service, credentials=None):
    keys = credentials or {"AccessKeyId": "testing", "SecretAccessKey": "testing", "SessionToken": None}
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id=keys["AccessKeyId"],
                        aws_secret_access_key=keys["SecretAccessKey"], aws_session_token=keys.get("SessionToken"))


organizations = session_client("organizations")
organizations.create_organization(FeatureSet="ALL")
members = []
for name in ("payments", "search"):
    status = organizations.create_account(AccountName=name, Email=name + "@example.com")["CreateAccountStatus"]
    members.append(status["AccountId"])
suspended = organizations.create_account(AccountName="closed", Email="closed@example.com")["CreateAccountStatus"]["AccountId"]
organizations.close_account(AccountId=suspended)

sts = session_client("sts")
for account in members:
    role = "arn:aws:iam::%s:role/OrganizationAccountAccessRole" % account
    credentials = sts.assume_role(RoleArn=role, RoleSessionName="seed")["Credentials"]
    ecs = session_client("ecs", credentials)
    ecs.register_task_definition(family="app-" + account,
                                 containerDefinitions=[{"name": "app", "image": "nginx", "memory": 128, "privileged": True}])
print(" ".join(members))
