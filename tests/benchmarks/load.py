#!/usr/bin/env python3
"""Load through a real client: N concurrent boto3 worker processes against a running ControlPlane emulator on loopback.

Two timed phases, each a fixed number of calls shared by the workers:
  authorize  AuthorizeSecurityGroupIngress, one new rule (TCP 443 from a new /32) per call
  describe   DescribeSecurityGroups with one GroupId
Prints ops/s and p50/p95/p99 latency (client-side, including boto3's own overhead) per phase.

The run acts as a fresh random account (the emulator takes a 12-digit access key as the account id), so it never
touches other data and needs no quota changes: every group gets at most 50 rules (AWS's default quota is 60).

  python3 tests/benchmarks/load.py --endpoint http://127.0.0.1:4566 --workers 8 --count 2000
"""
import argparse
import ipaddress
import multiprocessing
import random
import statistics
import sys
import time
import urllib.parse

import boto3
from botocore.config import Config

RULES_PER_GROUP = 50
MAX_COUNT = 50_000
MAX_WORKERS = 64


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoint", default="http://127.0.0.1:4566", help="emulator URL (loopback only)")
    parser.add_argument("--workers", type=int, default=8, help=f"concurrent clients (1..{MAX_WORKERS}, default 8)")
    parser.add_argument("--count", type=int, default=2000, help=f"calls per phase (1..{MAX_COUNT}, default 2000)")
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--account", help="12-digit account id to act as (default: a new random one)")
    parser.add_argument("--phases", default="authorize,describe", help="comma-separated: authorize, describe")
    parser.add_argument("--label", default="", help="a label printed with the results (e.g. the store)")
    args = parser.parse_args()
    host = urllib.parse.urlparse(args.endpoint).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        parser.error(f"--endpoint must be a loopback address, not {host!r}: this is a load generator")
    if not 1 <= args.workers <= MAX_WORKERS:
        parser.error(f"--workers must be 1..{MAX_WORKERS}")
    if not 1 <= args.count <= MAX_COUNT:
        parser.error(f"--count must be 1..{MAX_COUNT}")
    if args.account is not None and not (len(args.account) == 12 and args.account.isdigit()):
        parser.error("--account must be 12 digits")
    args.phases = [p.strip() for p in args.phases.split(",") if p.strip()]
    unknown = set(args.phases) - {"authorize", "describe"}
    if unknown:
        parser.error(f"unknown phases: {', '.join(sorted(unknown))}")
    return args


def make_client(args, account):
    # One session per worker process. No retries, so errors show as errors.
    session = boto3.session.Session(aws_access_key_id=account, aws_secret_access_key="secret", region_name=args.region)
    return session.client(
        "ec2",
        endpoint_url=args.endpoint,
        config=Config(retries={"total_max_attempts": 1, "mode": "standard"}, max_pool_connections=4,
                      connect_timeout=5, read_timeout=60),
    )


def cidr(n):
    return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}/32"


def _worker(args, account, phase, groups, index, barrier, results):
    """One worker process: its share of the calls (every `workers`-th index), timed one by one."""
    client = make_client(args, account)
    call = CALLS[phase][1]
    latencies, errors = [], []
    barrier.wait()
    started = time.monotonic()
    for i in range(index, args.count, args.workers):
        t0 = time.perf_counter()
        try:
            call(client, groups, i)
            latencies.append((time.perf_counter() - t0) * 1000)
        except Exception as e:  # noqa: BLE001 - counted and reported, the run goes on
            errors.append(f"{type(e).__name__}: {e}")
    results.put((started, time.monotonic(), latencies, errors))


def run_phase(args, account, phase, groups):
    """Runs the phase's calls on `workers` processes (no GIL between them); returns (elapsed s, latencies ms, errors)."""
    barrier = multiprocessing.Barrier(args.workers)
    results = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=_worker, args=(args, account, phase, groups, w, barrier, results))
               for w in range(args.workers)]
    for w in workers:
        w.start()
    outcomes = [results.get() for _ in workers]
    for w in workers:
        w.join()
    elapsed = max(o[1] for o in outcomes) - min(o[0] for o in outcomes)
    return elapsed, [ms for o in outcomes for ms in o[2]], [e for o in outcomes for e in o[3]]


def authorize(client, groups, i):
    client.authorize_security_group_ingress(
        GroupId=groups[i // RULES_PER_GROUP],
        IpPermissions=[{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": cidr(i)}]}],
    )


def describe(client, groups, i):
    answer = client.describe_security_groups(GroupIds=[groups[i % len(groups)]])
    if len(answer["SecurityGroups"]) != 1:
        raise RuntimeError(f"expected 1 group, got {len(answer['SecurityGroups'])}")


CALLS = {"authorize": ("AuthorizeSecurityGroupIngress", authorize), "describe": ("DescribeSecurityGroups by id", describe)}


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    rank = max(0, min(len(sorted_values) - 1, int(-(-p * len(sorted_values) // 1)) - 1))
    return sorted_values[rank]


def main():
    args = parse_args()
    account = args.account or f"{random.randint(100_000_000_000, 999_999_999_999)}"
    setup = make_client(args, account)

    # Groups for the run (not timed): enough that no group passes RULES_PER_GROUP rules.
    group_count = max(1, -(-args.count // RULES_PER_GROUP))
    suffix = f"{random.randrange(16**6):06x}"
    started = time.perf_counter()
    groups = [
        setup.create_security_group(GroupName=f"load-{suffix}-{i}", Description="load test")["GroupId"]
        for i in range(group_count)
    ]
    setup.authorize_security_group_ingress(
        GroupId=groups[0],
        IpPermissions=[{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "192.0.2.0/24"}]}],
    )
    print(f"# endpoint {args.endpoint}, account {account}, {group_count} groups created in "
          f"{time.perf_counter() - started:.1f} s; {args.workers} workers, {args.count} calls per phase")

    label = f" [{args.label}]" if args.label else ""
    rows = []
    failed = False
    for phase in args.phases:
        title = CALLS[phase][0]
        elapsed, latencies, errors = run_phase(args, account, phase, groups)
        latencies.sort()
        rows.append((title, len(latencies), len(errors), elapsed, len(latencies) / elapsed if elapsed else 0.0,
                     statistics.fmean(latencies) if latencies else float("nan"),
                     percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(latencies, 0.99)))
        if errors:
            failed = True
            print(f"# {phase}: {len(errors)} errors, first: {errors[0]}", file=sys.stderr)

    print(f"\n| Operation{label} | Workers | Calls | Errors | Seconds | ops/s | mean ms | p50 ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for title, ok, errs, elapsed, ops, mean, p50, p95, p99 in rows:
        print(f"| {title} | {args.workers} | {ok} | {errs} | {elapsed:.2f} | {ops:,.0f} | {mean:.2f} | {p50:.2f} | {p95:.2f} | {p99:.2f} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
