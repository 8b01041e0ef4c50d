#!/usr/bin/env python3
"""Where cfn-guard (with the Control Tower ct-ecs-pr rules) and ecsguard disagree, per template
resource. Run by bench/cfn-guard; prints markdown.

cfn-guard's structured JSON reports, per file, each rule as compliant, not_compliant or
not_applicable, and under not_compliant the failing clauses with the JSON paths they looked at.
A resource FAILs a rule when a failing clause's path lies under /Resources/<logical id>. Other
resources of the rule's type are PASS when the rule ran in that file, SKIP when it was skipped for
the whole file. cfn-guard does not say which resources its filters left out (a non-Fargate service
for PR.1, a non-host task definition for PR.8): those count as PASS, i.e. "not FAIL".
"""
import argparse
import glob
import json
import os
import re
import sys
from collections import defaultdict

# (rule, ecsguard controls, how the two differ, found by reading the rule and the control's lesson)
PAIRS = [
    ("CT.ECS.PR.1", ["ECS.10"], "PR.1 wants `LATEST` or no version, so a pinned current version (`1.4.0`) fails it; "
     "it only looks at `LaunchType: FARGATE`, ECS.10 also at a FARGATE/FARGATE_SPOT capacity provider strategy"),
    ("CT.ECS.PR.2", ["ECS.12"], "PR.2 accepts only `enabled`; ecsguard also passes `enhanced` (ECS.12.acceptEnhanced)"),
    ("CT.ECS.PR.3", ["ECS.20"], "PR.3 judges every task definition, Windows included (ECS.20: Linux or unset only), and its "
     "root patterns include `0:…` and `root:…`, which ECS.20 lets through"),
    ("CT.ECS.PR.3", ["ECS.20", "ECSG.1", "ECS.21"], "the same rule against all of ecsguard's user controls (a FAIL of any); "
     "ECS.21 also fails `ContainerAdministrator`, which PR.3 lets through"),
    ("CT.ECS.PR.4", ["ECS.17"], "partial: PR.4 requires `awsvpc` (unless the task is EXTERNAL-only), ECS.17 only forbids `host`; "
     "`bridge`, `none` and an unset mode fail PR.4 only"),
    ("CT.ECS.PR.5", ["ECS.9"], "same intent: every container needs a non-empty `LogConfiguration.LogDriver`"),
    ("CT.ECS.PR.6", ["ECS.5"], "PR.6 compares with the boolean `true`, so the string `\"true\"` (which CloudFormation accepts) "
     "fails it; PR.6 also judges Windows task definitions, where ECS.5 is NOT_APPLICABLE"),
    ("CT.ECS.PR.7", [], "no Security Hub control: a container-level `Memory` (hard limit) of at least 4 MiB"),
    ("CT.ECS.PR.8", ["ECS.1"], "ECS.1 is retired by AWS and runs in ecsguard only when named; PR.8 counts only the boolean "
     "`Privileged: true` as the opt-in to privilege, not the string `\"true\"`, and its root users include `0:…` and `root:…`"),
    ("CT.ECS.PR.9", ["ECS.2"], "same: `AssignPublicIp` must be DISABLED or unset in the service's awsvpc configuration"),
    ("CT.ECS.PR.10", ["ECS.3"], "same: `PidMode` `host` fails (PR.10 also fails an empty or non-string `PidMode`)"),
    ("CT.ECS.PR.11", ["ECS.4"], "PR.11 passes only a missing or boolean `false` `Privileged`: the string `\"false\"` fails it"),
    ("CT.ECS.PR.12", ["ECS.8"], "same names: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, ECS_ENGINE_AUTH_DATA"),
]
# Controls no ct-ecs-pr rule corresponds to (ECS.17 only in part, through PR.4).
UNPAIRED = ["ECS.13", "ECS.14", "ECS.15", "ECS.16", "ECS.17", "ECS.18", "ECS.19", "ECS.21", "ECSG.1"]


def containers(props):
    value = props.get("ContainerDefinitions")
    return [c for c in value if isinstance(c, dict)] if isinstance(value, list) else []


def windows(props):
    family = (props.get("RuntimePlatform") or {}).get("OperatingSystemFamily", "")
    return isinstance(family, str) and family.startswith("WINDOWS")


def any_container(props, test):
    return any(test(c) for c in containers(props))


def user_is(container, pattern):
    return isinstance(container.get("User"), str) and re.match(pattern, container["User"]) is not None


def insights(props):
    for setting in props.get("ClusterSettings") or []:
        if isinstance(setting, dict) and setting.get("Name") == "containerInsights":
            return setting.get("Value")
    return None


# Known reasons for a disagreement, by the side that FAILs alone, tried in order on the resource's
# Properties; the first that holds names the cause. They describe the input; they do not re-decide
# either tool's verdict.
def string_flag(name, value):
    return lambda p: any_container(p, lambda c: isinstance(c.get(name), str) and c[name].lower() == value)


CAUSES = {
    "CT.ECS.PR.1": [
        ("cfn-guard", "`PlatformVersion` pinned (ECS.10 passes the current `1.4.0`), not `LATEST`",
         lambda p: p.get("PlatformVersion") not in (None, "LATEST")),
        ("ecsguard", "Fargate through `CapacityProviderStrategy`, no `LaunchType`",
         lambda p: "LaunchType" not in p and "FARGATE" in json.dumps(p.get("CapacityProviderStrategy"))),
    ],
    "CT.ECS.PR.2": [("cfn-guard", "containerInsights `enhanced`", lambda p: insights(p) == "enhanced")],
    "CT.ECS.PR.3": [
        ("cfn-guard", "Windows task definition", windows),
        ("cfn-guard", "`User` `0:…` or `root:…`", lambda p: any_container(p, lambda c: user_is(c, r"^(0|root):"))),
        ("ecsguard", "`User` `ContainerAdministrator`", lambda p: any_container(p, lambda c: user_is(c, r"(?i)^containeradministrator$"))),
    ],
    "CT.ECS.PR.4": [
        ("cfn-guard", "`NetworkMode` not set", lambda p: "NetworkMode" not in p),
        ("cfn-guard", "`NetworkMode` `bridge`", lambda p: p.get("NetworkMode") == "bridge"),
        ("cfn-guard", "`NetworkMode` `none`", lambda p: p.get("NetworkMode") == "none"),
    ],
    "CT.ECS.PR.6": [
        ("cfn-guard", "Windows task definition", windows),
        ("cfn-guard", "`ReadonlyRootFilesystem` the string `\"true\"`", string_flag("ReadonlyRootFilesystem", "true")),
    ],
    "CT.ECS.PR.8": [
        ("cfn-guard", "`Privileged` the string `\"true\"`", string_flag("Privileged", "true")),
        ("cfn-guard", "`User` `0:…` or `root:…` (ECS.1 counts only `root` and `0` as root)",
         lambda p: any_container(p, lambda c: user_is(c, r"^(0|root):"))),
    ],
    "CT.ECS.PR.11": [("cfn-guard", "`Privileged` the string `\"false\"`", string_flag("Privileged", "false"))],
}


def cause_of(rule_id, side, props, ours):
    known = next((label for who, label, test in CAUSES.get(rule_id, []) if who == side and test(props)), None)
    if ours is None:
        return "ecsguard has no finding for it"
    if ours == "UNKNOWN":
        return "ecsguard UNKNOWN" + (f"; {known}" if known else "")
    return known or "other"


def load_rules(rules_dir, metadata_dir):
    """Rule name → CT id from the .guard files; CT id → (evaluated types, related Security Hub ids)."""
    names, meta = {}, {}
    for path in glob.glob(os.path.join(rules_dir, "ct-ecs-pr-*.guard")):
        rule_id = "CT.ECS.PR." + re.search(r"ct-ecs-pr-(\d+)\.guard$", path).group(1)
        with open(path, encoding="utf-8") as f:
            for name in re.findall(r"^rule\s+(\w+)\s+when\b", f.read(), re.M):
                names[name] = rule_id
    for path in glob.glob(os.path.join(metadata_dir, "ct-ecs-pr-*.metadata.json")):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        related = [r["ControlId"].replace("SH.", "") for r in data.get("Relationships", [])]
        meta[data["Id"]] = (data.get("EvaluatedResourceTypes", []), related)
    return names, meta


def paths_in(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "path" and isinstance(value, str):
                found.add(value)
            else:
                paths_in(value, found)
    elif isinstance(node, list):
        for value in node:
            paths_in(value, found)


RESOURCE_PATH = re.compile(r"^/Resources/([^/]+)(?:/|$)")


def cfn_guard_results(report_path, corpus, names):
    """(file, rule id) → ran: bool, and the set of failing logical ids."""
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    ran, failed = {}, defaultdict(set)
    for entry in report:
        file = os.path.relpath(os.path.abspath(entry["name"]), corpus)
        for name in entry.get("compliant", []):
            ran[(file, names[name])] = True
        for item in entry.get("not_compliant", []):
            rule = item["Rule"]
            key = (file, names[rule["name"]])
            ran[key] = True
            paths = set()
            paths_in(rule.get("checks", []), paths)
            for path in paths:
                match = RESOURCE_PATH.match(path)
                if match:
                    failed[key].add(match.group(1))
    return ran, failed


def ecsguard_results(report_paths, corpus):
    """(file, logical id, control) → status, and whether any CloudFormation resource was reported."""
    verdicts = {}
    for path in report_paths:
        try:
            with open(path, encoding="utf-8") as f:
                report = json.load(f)
        except (OSError, ValueError):
            continue
        for finding in report.get("findings", []):
            if not finding.get("file"):
                continue
            file = os.path.relpath(os.path.abspath(finding["file"]), corpus)
            status = finding.get("status") or finding.get("verdict")
            verdicts[(file, finding.get("resourceId"), finding.get("controlId"))] = status
    return verdicts


def combined(statuses):
    """One verdict for several controls: FAILED over UNKNOWN over PASSED over NOT_APPLICABLE."""
    for verdict in ("FAILED", "UNKNOWN", "PASSED", "NOT_APPLICABLE"):
        if verdict in statuses:
            return verdict
    return None


def corpus_resources(corpus):
    """file → {logical id: (type, properties)}."""
    resources = {}
    for path in sorted(glob.glob(os.path.join(corpus, "**", "*.json"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            template = json.load(f)
        resources[os.path.relpath(path, corpus)] = {
            logical_id: (r.get("Type"), r.get("Properties") or {}) for logical_id, r in template.get("Resources", {}).items()}
    return resources


def cell(examples):
    return "<br>".join(f"`{file}` {logical_id}" for file, logical_id in examples) or "—"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--rules", required=True, help="directory of ct-ecs-pr-*.guard")
    parser.add_argument("--metadata", required=True, help="directory of ct-ecs-pr-*.metadata.json")
    parser.add_argument("--cfn-guard", required=True, help="cfn-guard validate --structured -o json output")
    parser.add_argument("--ecsguard", nargs="*", default=[], help="ecsguard --format json reports")
    args = parser.parse_args()
    corpus = os.path.abspath(args.corpus)

    names, meta = load_rules(args.rules, args.metadata)
    resources = corpus_resources(corpus)
    ran, failed = cfn_guard_results(args.cfn_guard, corpus, names)
    verdicts = ecsguard_results(args.ecsguard, corpus)
    cfn_types = {"AWS::ECS::TaskDefinition", "AWS::ECS::Service", "AWS::ECS::Cluster", "AWS::ECS::TaskSet", "AWS::ECS::CapacityProvider"}
    ecs_total = sum(1 for file in resources.values() for t, _ in file.values() if t in cfn_types)
    ecsguard_seen = {(f, r) for f, r, _ in verdicts if f in resources and r in resources[f]}
    out = sys.stdout.write

    def cfn_verdict(file, rule_id, logical_id):
        if logical_id in failed.get((file, rule_id), ()):
            return "FAIL"
        return "PASS" if ran.get((file, rule_id)) else "SKIP"

    def rule_resources(rule_id):
        types = meta[rule_id][0]
        for file, by_id in resources.items():
            for logical_id, (resource_type, props) in by_id.items():
                if resource_type in types:
                    yield file, logical_id, props

    out(f"Corpus: {len(resources)} templates, {ecs_total} ECS resources. "
        f"ecsguard reported on {len(ecsguard_seen)} of them.\n\n")

    out("### cfn-guard verdicts per rule\n\n")
    out("PASS here means not FAIL: cfn-guard does not report which resources a rule's filter left out.\n\n")
    out("| rule | resource type | resources | FAIL | PASS | SKIP (whole file) | AWS relates it to |\n|---|---|---|---|---|---|---|\n")
    for rule_id in sorted(meta, key=lambda r: int(r.rsplit(".", 1)[1])):
        counts = defaultdict(int)
        for file, logical_id, _ in rule_resources(rule_id):
            counts[cfn_verdict(file, rule_id, logical_id)] += 1
        types, related = meta[rule_id]
        out(f"| {rule_id} | {', '.join(types)} | {sum(counts.values())} | {counts['FAIL']} | {counts['PASS']} | "
            f"{counts['SKIP']} | {', '.join(related) or '—'} |\n")

    out("\n### Rule ↔ control agreement\n\n")
    if not ecsguard_seen:
        if verdicts:
            sample = next(iter(verdicts))
            out(f"**ecsguard gave {len(verdicts)} verdicts, but none for a template's logical id** (it said "
                f"`{sample[1]}` in `{sample[0]}`), so nothing could be paired. The mapping below is what is compared.\n\n")
        else:
            out("**ecsguard reported no CloudFormation resource, so there is nothing to compare yet.** "
                "The mapping below is what will be compared once it does.\n\n")
        out("| rule | ecsguard control | how they differ |\n|---|---|---|\n")
        for rule_id, controls, note in PAIRS:
            out(f"| {rule_id} | {', '.join(controls) or '—'} | {note} |\n")
        out(f"\nControls no ct-ecs-pr rule checks: {', '.join(UNPAIRED)} (ECS.17 only in part, through PR.4).\n")
        return

    out("Per resource of the rule's type. Agree: both FAIL, or neither does. ecsguard's verdict for several controls "
        "is FAILED if any is. Unknown: ecsguard UNKNOWN (counted among the disagreements where cfn-guard FAILs).\n\n")
    out("| rule | ecsguard control | resources | agree (both FAIL) | cfn-guard-only FAIL | ecsguard-only FAIL | "
        "ecsguard UNKNOWN | no ecsguard finding | how they differ |\n|---|---|---|---|---|---|---|---|---|\n")
    details = []
    for rule_id, controls, note in PAIRS:
        if not controls:
            continue
        agree = both = unknown = missing = 0
        only = {"cfn-guard": [], "ecsguard": []}
        for file, logical_id, props in rule_resources(rule_id):
            cfn = cfn_verdict(file, rule_id, logical_id)
            ours = combined({verdicts[k] for c in controls if (k := (file, logical_id, c)) in verdicts})
            if ours is None:
                missing += 1
            if ours == "UNKNOWN":
                unknown += 1
            if (cfn == "FAIL") == (ours == "FAILED"):
                agree += 1
                both += cfn == "FAIL"
            else:
                only["cfn-guard" if cfn == "FAIL" else "ecsguard"].append((file, logical_id, props, ours))
        total = agree + len(only["cfn-guard"]) + len(only["ecsguard"])
        out(f"| {rule_id} | {' + '.join(controls)} | {total} | {agree} ({both}) | {len(only['cfn-guard'])} | "
            f"{len(only['ecsguard'])} | {unknown} | {missing} | {note} |\n")
        details.append((rule_id, controls, only))

    out("\n### Disagreements by cause\n\n")
    out("Causes are read from the resource's properties, first match wins; up to 2 examples each.\n\n")
    out("| rule ↔ control | who FAILs | cause | resources | examples |\n|---|---|---|---|---|\n")
    for rule_id, controls, only in details:
        for side, rows in only.items():
            by_cause = defaultdict(list)
            for file, logical_id, props, ours in rows:
                by_cause[cause_of(rule_id, side, props, ours)].append((file, logical_id))
            for cause, found in sorted(by_cause.items(), key=lambda item: -len(item[1])):
                out(f"| {rule_id} ↔ {' + '.join(controls)} | {side} only | {cause} | {len(found)} | {cell(found[:2])} |\n")

    out("\n### ecsguard controls with no ct-ecs-pr rule\n\n| control | resources | FAILED | UNKNOWN | example FAILED |\n|---|---|---|---|---|\n")
    for control in UNPAIRED:
        found = [(f, r, s) for (f, r, c), s in verdicts.items() if c == control and f in resources]
        failing = sorted((f, r) for f, r, s in found if s == "FAILED")
        out(f"| {control} | {len(found)} | {len(failing)} | {sum(1 for *_, s in found if s == 'UNKNOWN')} | {cell(failing[:2])} |\n")


if __name__ == "__main__":
    main()
