# Puts a stand-in deployment package in moto's S3: the function's code must exist to be created.
import sys

import boto3

s3 = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1",
                  aws_access_key_id="testing", aws_secret_access_key="testing")
s3.create_bucket(Bucket="ecsguard-code")
s3.put_object(Bucket="ecsguard-code", Key="guardrail/1.jar", Body=b"PK\x05\x06" + b"\x00" * 18)
s3.put_object(Bucket="ecsguard-code", Key="guardrail/2.jar", Body=b"PK\x05\x06" + b"\x00" * 18)
print("seeded")
