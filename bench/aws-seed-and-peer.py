#!/usr/bin/env python3
"""The Python half of bench/aws: seeds the ECS emulator, runs the peers' describe-every-revision
scan, and writes the summary. Standard library and boto3 only.

  aws-seed-and-peer.py wait URL                   until the emulator answers (30 s at most)
  aws-seed-and-peer.py seed URL SEED.json         500 families x 5 ACTIVE revisions, clusters, 200 services
  aws-seed-and-peer.py peer URL PEER.json         list and describe everything, every revision included
  aws-seed-and-peer.py summary SEED.json PEER.json --peer-ms MS --peer-log LOG [--ecsguard-...]
                                                  the figures, ratios and checks, from both runs

The emulator is moto in server mode. Credentials are fake and static; the account is moto's default.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import random
import re
import sys
import threading
import time
import urllib.error
import urllib.request

REGION = "us-east-1"
ACCOUNT = "123456789012"
FAMILIES = 500
REVISIONS = 5
# Deregistered revisions live in families of their own, every revision deregistered: moto answers
# DescribeTaskDefinition by family name with the last revision even when it is INACTIVE (AWS, with
# the latest ACTIVE one), so a live family whose last revision is deregistered would test moto.
RETIRED_FAMILIES = 6
RETIRED_REVISIONS = 2
SERVICES = 200
SEED_THREADS = 8
# Names none of which ends another: moto's ListServices matches "<cluster>:" anywhere in its keys.
CLUSTERS = [
    ("payments", [{"name": "containerInsights", "value": "enabled"}]),
    ("storefront", [{"name": "containerInsights", "value": "disabled"}]),
    ("batch-jobs", [{"name": "containerInsights", "value": "enhanced"}]),
    ("internal-tools", None),
]
TASK_DEFINITION = "AWS::ECS::TaskDefinition"


def client(endpoint, service="ecs"):
    import boto3
    from botocore.config import Config
    return boto3.session.Session().client(
        service, endpoint_url=endpoint, region_name=REGION,
        aws_access_key_id="testing", aws_secret_access_key="testing",
        config=Config(retries={"mode": "standard"}, max_pool_connections=SEED_THREADS + 2))


# --- wait -----------------------------------------------------------------------------------------

def wait(args):
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(args.endpoint + "/moto-api/", timeout=2):
                return
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline:
                sys.exit(f"aws-seed-and-peer: no answer from {args.endpoint} within 30 s")
            time.sleep(0.1)


# --- seed -----------------------------------------------------------------------------------------

def containers(rng, family, revision, network_mode):
    """1-3 container definitions of the kind real task definitions hold."""
    result = []
    for index in range(rng.choice([1, 1, 2, 2, 3])):
        name = "app" if index == 0 else rng.choice(["sidecar", "proxy", "log-router", "worker"]) + str(index)
        container = {
            "name": name,
            "image": f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/{family}/{name}:1.{revision}.{rng.randrange(20)}",
            "essential": index == 0,
            "cpu": rng.choice([128, 256, 512]),
            "memory": rng.choice([256, 512, 1024, 2048]),
            "environment": [{"name": "APP_ENV", "value": "production"}, {"name": "LOG_LEVEL", "value": "info"}],
        }
        if index == 0:
            port = rng.choice([80, 8080, 3000, 9000])
            mapping = {"containerPort": port, "protocol": "tcp"}
            if network_mode == "bridge":
                mapping["hostPort"] = 0
            container["portMappings"] = [mapping]
        roll = rng.random()
        if roll < 0.06:
            # Names only matter to the controls; the values are placeholders.
            container["environment"].append({"name": "AWS_SECRET_ACCESS_KEY", "value": "placeholder-not-a-key"})
            container["environment"].append({"name": "AWS_ACCESS_KEY_ID", "value": "placeholder-not-a-key"})
        elif roll < 0.10:
            container["environment"].append({"name": "ECS_ENGINE_AUTH_DATA", "value": "placeholder"})
        if rng.random() < 0.08 and network_mode != "awsvpc":
            container["privileged"] = True
        if rng.random() < 0.4:
            container["user"] = rng.choice(["1000", "1000:1000", "nobody", "root", "0"])
        if rng.random() < 0.5:
            container["readonlyRootFilesystem"] = rng.random() < 0.7
        if rng.random() < 0.85:
            container["logConfiguration"] = {
                "logDriver": "awslogs",
                "options": {"awslogs-group": f"/ecs/{family}", "awslogs-region": REGION, "awslogs-stream-prefix": name},
            }
        result.append(container)
    return result


def family_plan(index):
    rng = random.Random(f"family-{index}")
    team = rng.choice(["payments", "search", "checkout", "identity", "catalog", "ml", "data", "platform"])
    app = rng.choice(["api", "worker", "web", "cron", "consumer", "gateway", "indexer", "reporter"])
    family = f"{team}-{app}-{index:03d}"
    network_mode = rng.choice(["bridge", "bridge", "awsvpc", "awsvpc", "host"])
    return rng, family, network_mode


def register_family(ecs, index, revisions, retired=False):
    rng, family, network_mode = family_plan(index)
    if retired:
        family = "retired-" + family
    arns = []
    for revision in range(1, revisions + 1):
        request = {
            "family": family,
            "networkMode": network_mode,
            "containerDefinitions": containers(rng, family, revision, network_mode),
            "requiresCompatibilities": ["FARGATE"] if network_mode == "awsvpc" and rng.random() < 0.5 else ["EC2"],
            "cpu": "512",
            "memory": "2048",
        }
        if rng.random() < 0.5:
            request["executionRoleArn"] = f"arn:aws:iam::{ACCOUNT}:role/{family}-execution"
            request["taskRoleArn"] = f"arn:aws:iam::{ACCOUNT}:role/{family}-task"
        if rng.random() < 0.3:
            request["pidMode"] = "host" if rng.random() < 0.3 and network_mode != "awsvpc" else "task"
        if rng.random() < 0.4:
            request["tags"] = [{"key": "team", "value": family.split("-")[0]}, {"key": "revision", "value": str(revision)}]
        arns.append(ecs.register_task_definition(**request)["taskDefinition"]["taskDefinitionArn"])
    if retired:
        for arn in arns:
            ecs.deregister_task_definition(taskDefinition=arn)
    return family, network_mode, arns


def in_threads(endpoint, function, items):
    """function(ecs, item) for every item, on SEED_THREADS threads with a client each."""
    local = threading.local()

    def call(item):
        if not hasattr(local, "ecs"):
            local.ecs = client(endpoint)
        return function(local.ecs, item)

    with concurrent.futures.ThreadPoolExecutor(SEED_THREADS) as pool:
        return list(pool.map(call, items))


def seed(args):
    started = time.monotonic()
    ecs = client(args.endpoint)
    ec2 = client(args.endpoint, "ec2")
    vpc = ec2.describe_vpcs(Filters=[{"Name": "isDefault", "Values": ["true"]}])["Vpcs"][0]["VpcId"]
    subnets = [s["SubnetId"] for s in ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["Subnets"]]
    groups = [g["GroupId"] for g in ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["SecurityGroups"]]
    for name, settings in CLUSTERS:
        request = {"clusterName": name, "tags": [{"key": "env", "value": "production"}]}
        if settings:
            request["settings"] = settings
        ecs.create_cluster(**request)

    families = in_threads(args.endpoint, lambda ecs, i: register_family(ecs, i, REVISIONS), range(FAMILIES))
    retired = in_threads(args.endpoint, lambda ecs, i: register_family(ecs, FAMILIES + i, RETIRED_REVISIONS, retired=True),
                         range(RETIRED_FAMILIES))
    task_definitions_done = time.monotonic()

    def create_service(ecs, index):
        rng = random.Random(f"service-{index}")
        cluster = CLUSTERS[index % len(CLUSTERS)][0]
        family, network_mode, arns = families[rng.randrange(FAMILIES)]
        request = {
            "cluster": cluster,
            "serviceName": f"{family}-svc-{index:03d}",
            # Most run the latest revision; some lag behind, as real services do.
            "taskDefinition": arns[-1] if rng.random() < 0.8 else arns[rng.randrange(REVISIONS - 1)],
            "desiredCount": rng.choice([1, 2, 3, 6]),
            "launchType": "EC2",
        }
        if network_mode == "awsvpc":
            request["networkConfiguration"] = {"awsvpcConfiguration": {
                "subnets": rng.sample(subnets, min(2, len(subnets))),
                "securityGroups": groups[:1],
                "assignPublicIp": "ENABLED" if rng.random() < 0.15 else "DISABLED",
            }}
        if rng.random() < 0.5:
            request["tags"] = [{"key": "service", "value": family}]
            request["propagateTags"] = "SERVICE"
        return ecs.create_service(**request)["service"]["serviceArn"]

    services = in_threads(args.endpoint, create_service, range(SERVICES))
    finished = time.monotonic()
    latest = {family: arns[-1] for family, _, arns in families}
    summary = {
        "families": FAMILIES,
        "activeRevisions": FAMILIES * REVISIONS,
        "retiredFamilies": RETIRED_FAMILIES,
        "deregisteredRevisions": sum(len(arns) for _, _, arns in retired),
        "clusters": len(CLUSTERS),
        "services": len(services),
        "threads": SEED_THREADS,
        "taskDefinitionSeconds": task_definitions_done - started,
        "seconds": finished - started,
        "latestActive": latest,
    }
    with open(args.out, "w") as out:
        json.dump(summary, out)
    print(f"seeded {FAMILIES} families x {REVISIONS} ACTIVE revisions, {summary['deregisteredRevisions']} deregistered "
          f"revisions in {RETIRED_FAMILIES} retired families, {len(CLUSTERS)} clusters, {len(services)} services "
          f"in {summary['seconds']:.1f} s ({SEED_THREADS} threads)")


# --- peer -----------------------------------------------------------------------------------------

def pages(call, key, **request):
    """Every item of a listing, following nextToken (moto never returns one; AWS does)."""
    items = []
    while True:
        response = call(**request)
        items.extend(response.get(key, []))
        token = response.get("nextToken")
        if not token:
            return items
        request["nextToken"] = token


def batches(items, size):
    return [items[i:i + size] for i in range(0, len(items), size)]


def peer(args):
    """What the peers do: every cluster, every service, and a DescribeTaskDefinition for every
    revision ListTaskDefinitions names. One thread, as ecsguard reads one region."""
    ecs = client(args.endpoint)
    calls = collections.Counter()
    attempts = collections.Counter()
    ecs.meta.events.register("before-call.ecs", lambda model, **_: calls.update([model.name]))
    ecs.meta.events.register("before-send.ecs", lambda request, **_: attempts.update(["http"]))
    started = time.monotonic()

    cluster_arns = pages(ecs.list_clusters, "clusterArns", maxResults=100)
    clusters = []
    for batch in batches(cluster_arns, 100):
        clusters += ecs.describe_clusters(clusters=batch, include=["SETTINGS", "TAGS"])["clusters"]
    services = []
    for cluster in cluster_arns:
        arns = pages(ecs.list_services, "serviceArns", cluster=cluster, maxResults=100)
        for batch in batches(arns, 10):
            services += ecs.describe_services(cluster=cluster, services=batch, include=["TAGS"])["services"]
    revision_arns = pages(ecs.list_task_definitions, "taskDefinitionArns", maxResults=100)
    task_definitions = []
    for arn in revision_arns:
        task_definitions.append(ecs.describe_task_definition(taskDefinition=arn, include=["TAGS"])["taskDefinition"])

    seconds = time.monotonic() - started
    result = {
        "calls": dict(sorted(calls.items())),
        "httpRequests": attempts["http"],
        "seconds": seconds,
        "clusters": len(clusters),
        "services": len(services),
        # moto's ListServices also names services of clusters whose name ends with this one's
        "servicesOfOtherClusters": sum(1 for s in services if s["clusterArn"] not in cluster_arns),
        "taskDefinitions": len(task_definitions),
        "taskDefinitionFamilies": len({t["family"] for t in task_definitions}),
    }
    with open(args.out, "w") as out:
        json.dump(result, out)
    print(f"peer: {sum(calls.values())} calls, {seconds:.2f} s in process, "
          f"{len(task_definitions)} task definitions described")


# --- summary --------------------------------------------------------------------------------------

def operation(name):
    """ecs:DescribeServices and DescribeServices are the same operation."""
    return name.split(":", 1)[1] if ":" in name else name


def read_report(path):
    """ecsguard's JSON report, or None with the reason it cannot be read as a live-scan report."""
    if not path or not os.path.isfile(path) or os.path.getsize(path) == 0:
        return None, "no report written"
    try:
        with open(path) as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        return None, f"report is not JSON ({e.__class__.__name__})"
    if not isinstance(report, dict) or not isinstance(report.get("apiCalls"), dict):
        return None, "report has no apiCalls"
    return report, None


def check_task_definitions(report, latest):
    """ecsguard must judge each family once, at its latest ACTIVE revision. Returns lines. The older
    revisions services run are described too (for ECSG.11/12), but not judged: NOT_APPLICABLE."""
    ids = {f.get("resourceId") for f in report.get("findings", [])
           if f.get("resourceType") == TASK_DEFINITION and f.get("status") != "NOT_APPLICABLE"}
    expected = set(latest.values())
    missing = sorted(expected - ids)
    extra = sorted(ids - expected)
    wrong_revision = [arn for arn in extra if arn and arn.rsplit(":", 1)[0] in {e.rsplit(":", 1)[0] for e in expected}]
    verdict = "OK" if not missing and not extra else "MISMATCH"
    lines = [f"  ecsguard: {len(ids)} distinct task definitions; expected the latest ACTIVE revision (:{REVISIONS}) "
             f"of each of the {len(expected)} families, once: {verdict}"]
    if missing:
        lines.append(f"    {len(missing)} families missing, e.g. {', '.join(missing[:3])}")
    if wrong_revision:
        lines.append(f"    {len(wrong_revision)} at another revision, e.g. {', '.join(wrong_revision[:3])}")
    if len(extra) > len(wrong_revision):
        others = [a for a in extra if a not in wrong_revision]
        lines.append(f"    {len(others)} not seeded as latest ACTIVE, e.g. {', '.join(map(str, others[:3]))}")
    return verdict, lines


ACCESS_LINE = re.compile(r'\[[^]]* (\d\d):(\d\d):(\d\d)\] "[A-Z]+ [^ ]* HTTP/[0-9.]+" (\d{3}) ')


def served(path):
    """What the emulator's log says it answered: requests, those with a 5xx status, and the
    seconds (its log's resolution) from the first such answer to the last."""
    requests, failed = 0, []
    with open(path, errors="replace") as log:
        for line in log:
            match = ACCESS_LINE.search(line)
            if match:
                requests += 1
                h, m, sec, status = map(int, match.groups())
                if status >= 500:
                    failed.append(h * 3600 + m * 60 + sec)
    span = (failed[-1] - failed[0]) % 86400 if failed else 0
    return requests, len(failed), span


def seen(log, calls):
    """The emulator's count of requests, against the count the client kept."""
    requests, failed, span = served(log)
    line = f"the emulator answered {requests} requests"
    line += ", as many" if requests == calls else f" ({requests - calls:+d}: retries, or calls not counted)"
    if failed:
        line += f"; {failed} with HTTP 5xx, over {span} s (+-1 s): retries and their backoff are in the wall time"
    return line


def times(ratio):
    return f"{1 / ratio:.1f}x faster" if ratio <= 1 else f"{ratio:.1f}x slower"


def calls_lines(calls):
    width = max([len(name) for name in calls] + [10])
    return [f"    {name:<{width}} {count:>6}" for name, count in sorted(calls.items())]


def summary(args):
    with open(args.seed) as f:
        seeded = json.load(f)
    with open(args.peer) as f:
        peer_result = json.load(f)
    out = []
    out.append(f"seeding   {seeded['families']} families x {REVISIONS} ACTIVE revisions = {seeded['activeRevisions']}, "
               f"+{seeded['deregisteredRevisions']} deregistered revisions ({seeded['retiredFamilies']} retired families), "
               f"{seeded['clusters']} clusters, {seeded['services']} services")
    out.append(f"          {seeded['seconds']:.1f} s with {seeded['threads']} threads "
               f"(task definitions {seeded['taskDefinitionSeconds']:.1f} s); not part of any figure below")
    out.append("")
    peer_total = sum(peer_result["calls"].values())
    out.append(f"peer      describe every revision (boto3, one thread): {peer_total} calls")
    out += calls_lines(peer_result["calls"])
    out.append(f"          wall time {args.peer_ms} ms for the process ({peer_result['seconds'] * 1000:.0f} ms of calls, "
               f"the rest is Python and boto3 starting)")
    out.append(f"          {seen(args.peer_log, peer_total)}")
    out.append(f"          read {peer_result['clusters']} clusters, {peer_result['services']} services, "
               f"{peer_result['taskDefinitions']} task definitions ({peer_result['taskDefinitionFamilies']} families)")
    out.append("")

    report, why = read_report(args.ecsguard_report)
    if report is None:
        out.append(f"ecsguard  --aws not available yet (exit {args.ecsguard_rc}; {why}): {args.ecsguard_said or 'no message'}")
        out.append("          no ratios; the peer figures above stand alone")
        verdict = None
    else:
        ecsguard_calls = {operation(k): v for k, v in report["apiCalls"].items()}
        total = sum(ecsguard_calls.values())
        out.append(f"ecsguard  ./ecsguard scan --aws --region {REGION} --format json (exit {args.ecsguard_rc}): {total} calls")
        out += calls_lines(report["apiCalls"])
        out.append(f"          wall time {args.ecsguard_ms} ms for the process (JVM start included)")
        out.append(f"          {seen(args.ecsguard_log, total)}")
        s = report.get("summary", {})
        out.append(f"          report: {len(report.get('findings', []))} findings, summary "
                   + ", ".join(f"{k} {v}" for k, v in s.items() if isinstance(v, (int, float))))
        out.append("")
        out.append("ratios    ecsguard/peer, from this one run")
        out.append(f"          calls     {total}/{peer_total} = {total / peer_total:.4f}: "
                   f"{peer_total / max(total, 1):.1f}x fewer calls")
        ecsguard_requests, failed, span = served(args.ecsguard_log)
        peer_requests = served(args.peer_log)[0]
        out.append(f"          requests  {ecsguard_requests}/{peer_requests} = {ecsguard_requests / peer_requests:.4f}, "
                   "as the emulator counted them")
        out.append(f"          wall time {args.ecsguard_ms}/{args.peer_ms} ms = {args.ecsguard_ms / args.peer_ms:.3f}: "
                   f"{times(args.ecsguard_ms / args.peer_ms)}")
        if failed and args.ecsguard_ms > span * 1000:
            rest = args.ecsguard_ms - span * 1000
            out.append(f"          less the {span} s between its first and last HTTP 5xx answer (estimate, +-1 s): "
                       f"{rest}/{args.peer_ms} ms = {rest / args.peer_ms:.3f}: {times(rest / args.peer_ms)}")
        for name in sorted(set(ecsguard_calls) | set(peer_result["calls"])):
            e, p = ecsguard_calls.get(name, 0), peer_result["calls"].get(name, 0)
            out.append(f"          {name:<28} ecsguard {e:>5}  peer {p:>5}")
        verdict, lines = check_task_definitions(report, seeded["latestActive"])
        out.append("")
        out.append("task definitions reported")
        out.append(f"  peer:     {peer_result['taskDefinitions']} (every ACTIVE revision)")
        out += lines
    if report is None:
        out.append("task definitions reported")
        out.append(f"  peer:     {peer_result['taskDefinitions']} (every ACTIVE revision); ecsguard: no report")
    out.append("")
    out.append("note      moto answers every listing in one page; on AWS, ListTaskDefinitions alone takes "
               f"{-(-seeded['activeRevisions'] // 100)} pages")
    out.append(f"          of 100 for the peer, and ListTaskDefinitionFamilies {-(-seeded['families'] // 100)} for ecsguard. "
               "moto's ListTaskDefinitionFamilies also")
    out.append(f"          names the {seeded['retiredFamilies']} retired families (it ignores status=ACTIVE), "
               "and describing one by family name answers its INACTIVE last revision.")
    with open(args.ecsguard_log or os.devnull, errors="replace") as log:
        unimplemented = "describe_capacity_providers" in log.read()   # in moto's traceback
    if report is not None and unimplemented:
        out.append("          moto answers DescribeCapacityProviders without names with HTTP 500 (not implemented), "
                   "which AWS answers.")
    print("\n".join(out))
    if verdict == "MISMATCH":
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("wait")
    p.add_argument("endpoint")
    p.set_defaults(run=wait)
    p = commands.add_parser("seed")
    p.add_argument("endpoint")
    p.add_argument("out")
    p.set_defaults(run=seed)
    p = commands.add_parser("peer")
    p.add_argument("endpoint")
    p.add_argument("out")
    p.set_defaults(run=peer)
    p = commands.add_parser("summary")
    p.add_argument("seed")
    p.add_argument("peer")
    p.add_argument("--peer-ms", type=int, required=True)
    p.add_argument("--peer-log", required=True, help="the emulator's log while the peer ran")
    p.add_argument("--ecsguard-report")
    p.add_argument("--ecsguard-ms", type=int, default=0)
    p.add_argument("--ecsguard-rc", type=int, default=0)
    p.add_argument("--ecsguard-log", help="the emulator's log while ecsguard ran")
    p.add_argument("--ecsguard-said", default="")
    p.set_defaults(run=summary)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
