"""Messaging throughput: enqueue messages with `notify` and drain them through real
`cocreate worker` processes to a fake SMS provider on 127.0.0.1, over HTTP.

    .venv/bin/python bench/messaging.py            # 100,000 messages
    .venv/bin/python bench/messaging.py --quick    # 5,000 messages
    .venv/bin/python bench/messaging.py --json     # ends with one JSON line
    .venv/bin/python bench/messaging.py --database-url postgres://…   # an empty database

Figures: messages per second from the first enqueue to the last delivery, the p99 time
from enqueue to delivery, lost (never delivered) and duplicated (a key the provider got
twice) messages, both of which must be 0. The peer, run in the same process against the
same provider, is a bare loop of HTTP POSTs with no database: `ratio` is Cocreate's rate
over the bare rate, so machine noise cancels out.
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
USERS = 1000
ENQUEUE_BATCH = 500


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def configure(data_dir: str, provider_url: str, database_url: str | None) -> dict[str, str]:
    env = {
        "DJANGO_SETTINGS_MODULE": "cocreate.settings",
        "DATA_DIR": data_dir,
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-secret-key-that-is-long-enough-for-django-checks-123",
        "HTTPS": "false",
        "LOG_LEVEL": "WARNING",
        "DIGEST_THRESHOLD": "0",  # the benchmark measures delivery, not digests
        "SMS_PROVIDER_URL": f"{provider_url}/sms",
        "DELIVERY_BATCH": "200",
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    os.environ.update(env)
    return {**os.environ, **env}


def bare_rate(provider_url: str, count: int) -> float:
    """The peer: POST the same JSON to the same provider, no database, one client."""
    import httpx

    with httpx.Client() as client:
        started = time.perf_counter()
        for n in range(count):
            body = json.dumps({"to": "+447400123456", "text": "Hello", "id": f"bare-{n}"})
            client.post(
                f"{provider_url}/bare",
                content=body,
                headers={"Content-Type": "application/json", "Idempotency-Key": f"bare-{n}"},
            )
        return count / (time.perf_counter() - started)


def build_community() -> tuple[Any, list[Any]]:
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django_scopes import scope

    from cocreate.accounts.models import Channel, ContactPreferences, User
    from cocreate.organisations.models import Membership, Organisation

    call_command("migrate", verbosity=0)
    organisation = Organisation.objects.create(slug="bench", name="Bench Events")
    password = make_password(None)
    users = User.objects.bulk_create(
        User(email=f"person{n}@bench.example", name=f"Person {n}", password=password)
        for n in range(USERS)
    )
    ContactPreferences.objects.bulk_create(
        ContactPreferences(user=u, preferred_channel=Channel.SMS, phone="+447400123456")
        for u in users
    )
    with scope(organisation=organisation):
        Membership.objects.bulk_create(Membership(organisation=organisation, user=u) for u in users)
    return organisation, users


def enqueue(organisation: Any, users: list[Any], count: int) -> float:
    from django.db import transaction

    from cocreate.messaging.services import notify

    started = time.perf_counter()
    for start in range(0, count, ENQUEUE_BATCH):
        with transaction.atomic():
            for n in range(start, min(count, start + ENQUEUE_BATCH)):
                notify(
                    recipient=users[n % len(users)],
                    organisation=organisation,
                    kind="role_changed",
                    context={"role": "staff", "old_role": "customer"},
                )
    return count / (time.perf_counter() - started)


def provider_stats(url: str) -> dict[str, Any]:
    import httpx

    return httpx.get(f"{url}/stats", timeout=60).json()


def wait_until_delivered(provider_url: str, count: int, timeout: float) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        stats = provider_stats(provider_url)
        sms = {k for k in stats["delivered"] if not k.startswith("bare-")}
        if len(sms) >= count or time.monotonic() > deadline:
            return stats
        time.sleep(0.5)


def run(count: int, workers: int, database_url: str | None) -> dict[str, Any]:
    data_dir = tempfile.mkdtemp(prefix="cocreate-bench-")
    port = free_port()
    provider_url = f"http://127.0.0.1:{port}"
    env = configure(data_dir, provider_url, database_url)
    python = sys.executable
    provider = subprocess.Popen(
        [python, "-m", "cocreate.messaging.fake_provider", "--port", str(port)],
        stdout=subprocess.DEVNULL,
    )
    pool: list[subprocess.Popen[bytes]] = []
    try:
        time.sleep(0.5)
        import django

        django.setup()
        from django_scopes import scopes_disabled

        from cocreate.messaging.models import Message, Status

        organisation, users = build_community()
        bare = bare_rate(provider_url, 2000)
        worker = [python, "-m", "cocreate", "worker", "--interval", "0.05", "-v", "0"]
        pool = [subprocess.Popen(worker, env=env) for _ in range(workers)]
        first_enqueue = time.time()
        enqueue_rate = enqueue(organisation, users, count)
        stats = wait_until_delivered(provider_url, count, timeout=max(120, count / 50))
        with scopes_disabled():
            created = dict(Message.objects.values_list("idempotency_key", "created_at"))
            undelivered = Message.objects.exclude(status=Status.DELIVERED).count()
    finally:
        for process in pool:
            process.terminate()
        for process in pool:
            process.wait(timeout=30)
        provider.terminate()
    arrivals = {key: at for key, at in stats["delivered"].items() if key in created}
    latencies = sorted(at - created[key].timestamp() for key, at in arrivals.items())
    last = max(arrivals.values()) if arrivals else time.time()
    per_second = len(arrivals) / (last - first_enqueue)
    sms_requests = stats["requests"] - 2000
    return {
        "messages": count,
        "per_second": round(per_second, 1),
        "p50_latency_s": round(latencies[len(latencies) // 2], 3) if latencies else None,
        "p99_latency_s": round(latencies[int(len(latencies) * 0.99) - 1], 3) if latencies else None,
        "lost": count - len(arrivals),
        "undelivered_rows": undelivered,
        "duplicated": sms_requests - len(arrivals),
        "enqueue_per_second": round(enqueue_rate, 1),
        "bare_per_second": round(bare, 1),
        "ratio": round(per_second / bare, 3),
        "workers": workers,
        "database": "postgresql" if database_url else "sqlite",
    }


def table(result: dict[str, Any]) -> str:
    rows = [
        ("messages", result["messages"], ""),
        ("delivered per second", result["per_second"], "enqueue → worker → HTTP provider"),
        ("bare HTTP POSTs per second", result["bare_per_second"], "the peer: no database"),
        ("ratio", result["ratio"], "Cocreate / bare"),
        ("enqueued per second", result["enqueue_per_second"], "notify(), 500 per transaction"),
        ("p50 enqueue → delivery (s)", result["p50_latency_s"], ""),
        ("p99 enqueue → delivery (s)", result["p99_latency_s"], ""),
        ("lost", result["lost"], "must be 0"),
        ("duplicated", result["duplicated"], "must be 0"),
    ]
    width = max(len(r[0]) for r in rows)
    head = f"Messaging, {result['workers']} workers on {result['database']}"
    return "\n".join([head, *(f"  {n:<{width}}  {v!s:>10}  {note}" for n, v, note in rows)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 messages")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    parser.add_argument("--messages", type=int)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database-url", help="an empty PostgreSQL database to use")
    args = parser.parse_args()
    count = args.messages or (5_000 if args.quick else 100_000)
    result = run(count, args.workers, args.database_url)
    print(table(result))
    if args.json:
        print(json.dumps(result))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
