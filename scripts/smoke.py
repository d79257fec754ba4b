#!/usr/bin/env python3
"""Black-box smoke test of a running Quorum: the first whole loop over HTTP.

Usage: scripts/smoke.py BASE_URL ADMIN_EMAIL ADMIN_PASSWORD
Creates an org, an API key, a pairwise project, imports tasks (with a malformed line), onboards
an annotator who leases and submits every task (each twice, for idempotency), exports the
preference dataset and compares it row by row with the judgements. Exits non-zero on the first
difference. Uses only the standard library.
"""
import json
import sys
import time
import urllib.error
import urllib.request
import uuid

BASE, ADMIN, PASSWORD = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]


def call(method, path, token=None, body=None, raw=None, headers=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(BASE + path, data=data, method=method)
    request.add_header("Accept", "application/json, application/problem+json, */*")
    request.add_header("Content-Type", "application/x-ndjson" if raw is not None else "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    try:
        with urllib.request.urlopen(request) as response:
            text = response.read().decode()
            is_json = response.headers.get("Content-Type", "").split(";")[0] == "application/json"
            return response.status, (json.loads(text) if text and is_json else text)
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        return e.code, (json.loads(text) if text else None)


def check(condition, message):
    if not condition:
        sys.exit("FAILED: " + message)
    print("ok  " + message)


status, login = call("POST", "/api/v1/auth/login", body={"email": ADMIN, "password": PASSWORD})
check(status == 200, "admin logs in")
admin = login["accessToken"]
status, org = call("POST", "/api/v1/orgs", admin, {"name": "Smoke " + uuid.uuid4().hex[:6]})
check(status == 201, "org created")
status, key = call("POST", f"/api/v1/orgs/{org['id']}/api-keys", admin, {"name": "smoke"})
check(status == 201 and key["key"].startswith("qk_"), "API key shown once")
api_key = key["key"]
status, other = call("POST", "/api/v1/orgs", admin, {"name": "Other"})
_, other_key = call("POST", f"/api/v1/orgs/{other['id']}/api-keys", admin, {})
language = "qaa-x" + uuid.uuid4().hex[:6]
status, project = call("POST", "/api/v1/projects", api_key,
                       {"name": "Smoke pairs", "kind": "pairwise", "requirements": {"languages": [language]}})
check(status == 201 and project["overlap"] == {"min": 1, "max": 1, "agreementTarget": 0.0}, "project with defaults")
pid = project["id"]
check(call("GET", f"/api/v1/projects/{pid}", other_key["key"])[0] == 404, "another org gets 404 for the project")

lines = [json.dumps({"externalId": f"s-{i}", "metadata": {"i": i},
                     "data": {"prompt": f"prompt {i}", "responseA": f"A{i}", "responseB": f"B{i}"}}) for i in range(5)]
lines.insert(2, "{this is not json")
status, result = call("POST", f"/api/v1/projects/{pid}/tasks", api_key, raw="\n".join(lines).encode())
check(status == 202 and result["accepted"] == 5 and result["rejected"][0]["line"] == 3, "import reports the bad line 3")
for _ in range(100):
    if call("GET", f"/api/v1/projects/{pid}", api_key)[1]["progress"]["unitsReady"] == 5:
        break
    time.sleep(0.1)
check(call("GET", f"/api/v1/projects/{pid}", api_key)[1]["progress"]["unitsReady"] == 5, "tasks leasable")

email = f"smoke-{uuid.uuid4().hex[:8]}@example.com"
status, annotator = call("POST", "/api/v1/workforce/annotators", admin,
                         {"email": email, "password": "smoke-password", "name": "Smoke", "languages": [language]})
check(status == 201, "annotator onboarded")
token = call("POST", "/api/v1/auth/login", body={"email": email, "password": "smoke-password"})[1]["accessToken"]
preferred = {}
while True:
    status, lease = call("POST", "/api/v1/annotator/next-task", token)
    if status == 204:
        break
    data = lease["task"]["data"]
    preferred[data["prompt"]] = data["responseB"]  # always the right-hand side, strength 3
    body = {"answer": {"choice": "B", "strength": 3}}
    first = call("POST", f"/api/v1/assignments/{lease['assignmentId']}/submit", token, body, headers={"Idempotency-Key": lease["assignmentId"]})
    second = call("POST", f"/api/v1/assignments/{lease['assignmentId']}/submit", token, body, headers={"Idempotency-Key": lease["assignmentId"]})
    check(first == second and first[0] == 200, f"submit twice gives the same result for {data['prompt']}")
check(len(preferred) == 5, "every task leased once, then 204")

status, export = call("POST", f"/api/v1/projects/{pid}/exports", api_key, {"format": "preference"})
check(status == 202, "export started")
for _ in range(200):
    status, view = call("GET", f"/api/v1/exports/{export['exportId']}", api_key)
    if view["status"] in ("done", "failed"):
        break
    time.sleep(0.1)
check(view["status"] == "done", "export done")
_, train = call("GET", f"/api/v1/exports/{export['exportId']}/files/train.jsonl", api_key)
rows = [json.loads(line) for line in train.splitlines()]
check(len(rows) == 5, "one row per resolved task")
for row in rows:
    check(row["chosen"] == preferred[row["prompt"]] and row["margin"] == 3.0, f"row for {row['prompt']} matches the judgement")
check(call("GET", f"/api/v1/exports/{export['exportId']}", other_key["key"])[0] == 404, "another org gets 404 for the export")
print(f"PASSED  project {pid}, API key {api_key}")
