"""What the CloudTrail handler's tests do to moto with boto3 (us-east-1, account 123456789012):
  register SECRET          registers privileged-app:1 as register-task-definition.json's call did
  cluster                  creates cluster prod
  service                  creates cluster prod and its service web running privileged-app:1
  others                   creates service canary (EXTERNAL deployments) with a task set running
                           privileged-app:1, and capacity provider ec2-fleet
  topic                    creates an SNS topic with an SQS queue subscribed; prints the topic ARN
  findings                 prints Security Hub's findings (GetFindings) as JSON
  messages                 prints the SNS messages the queue received, as JSON"""
import json
import sys

import boto3

endpoint, command = sys.argv[1], sys.argv[2]
kwargs = dict(endpoint_url=endpoint, region_name="us-east-1",
              aws_access_key_id="testing", aws_secret_access_key="testing")
ecs = boto3.client("ecs", **kwargs)
if command == "register":
    ecs.register_task_definition(family="privileged-app", containerDefinitions=[{
        "name": "app", "image": "public.ecr.aws/nginx/nginx:1.27", "memory": 256, "essential": True,
        "privileged": True, "environment": [{"name": "AWS_SECRET_ACCESS_KEY", "value": sys.argv[3]}]}])
    print("registered")
elif command == "cluster":
    ecs.create_cluster(clusterName="prod")
    print("created")
elif command == "service":
    ecs.create_cluster(clusterName="prod")
    ecs.create_service(cluster="prod", serviceName="web", taskDefinition="privileged-app:1",
                       desiredCount=1, launchType="EC2")
    print("created")
elif command == "others":
    ecs.create_cluster(clusterName="prod")
    ecs.create_service(cluster="prod", serviceName="canary", desiredCount=1,
                       deploymentController={"type": "EXTERNAL"})
    ecs.create_task_set(cluster="prod", service="canary", taskDefinition="privileged-app:1", launchType="EC2")
    ecs.create_capacity_provider(name="ec2-fleet", autoScalingGroupProvider={
        "autoScalingGroupArn": "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:0b6b7b5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b:autoScalingGroupName/ecs-fleet",
        "managedScaling": {"status": "ENABLED", "targetCapacity": 100}, "managedTerminationProtection": "DISABLED"})
    print("created")
elif command == "topic":
    sns, sqs = boto3.client("sns", **kwargs), boto3.client("sqs", **kwargs)
    topic = sns.create_topic(Name="ecsguard-findings")["TopicArn"]
    queue = sqs.create_queue(QueueName="ecsguard-findings")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn, Attributes={"RawMessageDelivery": "true"})
    print(topic)
elif command == "findings":
    print(json.dumps(boto3.client("securityhub", **kwargs).get_findings()["Findings"]))
elif command == "messages":
    sqs = boto3.client("sqs", **kwargs)
    queue = sqs.get_queue_url(QueueName="ecsguard-findings")["QueueUrl"]
    answer = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10, WaitTimeSeconds=1)
    print(json.dumps([message["Body"] for message in answer.get("Messages", [])]))
else:
    sys.exit("unknown command " + command)
