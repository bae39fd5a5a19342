"""Designs over HTTP: `PUT .../design` from many customers at once, against the production
server (granian, DEBUG off, SQLite in WAL mode), beside a bare Django JSON endpoint
(`/healthz`) served by the same server in the same run.

The offering is a day of 16 sessions in four time slots (bench_offering.py: rooms of 30
to 120 seats, rules for workshops and the stream). Each customer has an API token and two
valid designs; wrk (Debian's package) sends each request for the next customer, with
their other design than last time, so every PUT is a real revision: seats are given back
and taken, versions kept, confirmations written to the outbox. Afterwards the seats are
counted: `oversold` adds every seat beyond an option's capacity and every mismatch
between an option's seat count and its confirmed choices (both must be 0).
"""

import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CUSTOMERS = 2000
CONNECTIONS = 16

LUA = """
local requests = {}
local next_one = 0
function init(args)
  for line in io.lines(args[1]) do
    local token, path, body = line:match("^(%S+) (%S+) (.*)$")
    requests[#requests + 1] = wrk.format("PUT", path, {
      ["Authorization"] = "Bearer " .. token,
      ["Content-Type"] = "application/json",
    }, body)
  end
end
function request()
  next_one = next_one % #requests + 1
  return requests[next_one]
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def need_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing wrk from Debian…", file=sys.stderr)
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
        return "wrk"
    raise SystemExit("The HTTP figures need wrk: sudo apt-get install wrk")


def environment(data_dir: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cocreate.settings",
        "PYTHONPATH": str(ROOT / "src"),
        "DATA_DIR": data_dir,
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-secret-key-that-is-long-enough-for-django-checks-123",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "HTTPS": "false",
        "LOG_LEVEL": "WARNING",
    }


def prepare(env: dict[str, str], requests_file: Path) -> None:
    """Migrate, load the offering and the customers, write wrk's requests."""
    subprocess.run([sys.executable, "-m", "cocreate", "migrate", "-v", "0"], env=env, check=True)
    os.environ.update(
        {
            k: env[k]
            for k in (
                "DJANGO_SETTINGS_MODULE",
                "DATA_DIR",
                "DEBUG",
                "SECRET_KEY",
                "ALLOWED_HOSTS",
                "HTTPS",
            )
        }
    )
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from bench_offering import bench_document
    from django.contrib.auth.hashers import make_password
    from django_scopes import scope

    from cocreate.accounts.models import ApiToken, User
    from cocreate.core.tokens import new_token
    from cocreate.engines import offerings as rules
    from cocreate.offerings import engine, services
    from cocreate.organisations import services as organisation_services
    from cocreate.organisations.models import Membership

    organiser = User.objects.create(email="organiser@bench.example", name="Organiser")
    organisation = organisation_services.organisation_create(
        creator=organiser, name="Bench Events", slug="bench"
    )
    offering = services.offering_import(
        organisation=organisation, actor=organiser, document=bench_document()
    )
    services.offering_transition(offering=offering, actor=organiser, to="open")
    password = make_password(None)
    users = User.objects.bulk_create(
        User(email=f"c{n}@bench.example", name=f"Customer {n}", password=password)
        for n in range(CUSTOMERS)
    )
    with scope(organisation=organisation):
        Membership.objects.bulk_create(Membership(organisation=organisation, user=u) for u in users)
    tokens = [new_token("cc") for _ in users]
    ApiToken.objects.bulk_create(
        ApiToken(user=u, name="bench", prefix=text[:10], digest=digest)
        for u, (text, digest) in zip(users, tokens, strict=True)
    )
    compiled = engine.engine_offering(offering)
    rng = random.Random(11)
    path = f"/api/v1/orgs/bench/offerings/{offering.slug}/design"
    lines: list[list[str]] = [[], []]
    for text, _ in tokens:
        for version in (0, 1):
            design = _design(compiled, rng)
            assert not [v for v in rules.validate(compiled, design, {}, {})], design
            body = json.dumps({"options": sorted(int(o) for o in design.options)})
            lines[version].append(f"{text} {path} {body}")
    # Round one: everyone's first design; round two: everyone changes it; and so on.
    requests_file.write_text("\n".join(lines[0] + lines[1]) + "\n")


def _design(compiled: Any, rng: random.Random) -> Any:
    """A valid design as people make them: a goal or two, a session in two to four of
    the time slots, one way to take part, a way to be reached and maybe a diet."""
    from cocreate.engines import offerings as rules

    by_step: dict[str, list[Any]] = {}
    for option in compiled.options:
        by_step.setdefault(option.dimension, []).append(option)
    steps = [d for d in compiled.dimensions if not d.open_answer]
    goals, sessions, taking_part, reach, food = (by_step[d.id] for d in steps)
    chosen = {o.id for o in rng.sample(goals, rng.randint(1, 2))}
    slots: dict[Any, list[Any]] = {}
    for session in sessions:
        if "workshop" not in session.tags:  # workshops need the in-person rule; keep it simple
            slots.setdefault(session.window.start, []).append(session)
    for start in rng.sample(sorted(slots), rng.randint(2, 4)):
        chosen.add(rng.choice(slots[start]).id)
    chosen.add(next(o.id for o in taking_part if o.name == "In person"))
    chosen.add(rng.choice(reach).id)
    if rng.random() < 0.5:
        chosen.add(rng.choice(food[1:]).id)
    return rules.Selection(options=frozenset(chosen))


def serve(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cocreate",
            "serve",
            "--production",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("The server did not become ready within a minute.")


def wrk(
    url: str, seconds: int, script: Path | None = None, requests_file: Path | None = None
) -> dict[str, float]:
    command = [need_wrk(), "-t", "2", "-c", str(CONNECTIONS), "-d", f"{seconds}s", "--latency"]
    if script:
        command += ["-s", str(script)]
    command.append(url)
    if requests_file:
        command += ["--", str(requests_file)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    return {
        "per_second": rate,
        "errors": int(errors.group(1)) if errors else 0,
        "p99_ms": float(p99.group(1)) * scale[p99.group(2)] if p99 else float("nan"),
    }


def oversold() -> int:
    from django.db.models import Count, Q
    from django_scopes import scopes_disabled

    from cocreate.offerings.models import Option

    with scopes_disabled():
        options = Option.objects.filter(capacity__isnull=False).annotate(
            confirmed=Count("choices", filter=Q(choices__status="confirmed"))
        )
        return sum(
            max(0, o.confirmed - (o.capacity or 0)) + abs(o.seats_taken - o.confirmed)
            for o in options
        )


def http_figures(quick: bool) -> dict[str, Any]:
    seconds = 5 if quick else 15
    data_dir = tempfile.mkdtemp(prefix="cocreate-bench-design-")
    env = environment(data_dir)
    requests_file = Path(data_dir) / "requests.txt"
    script = Path(data_dir) / "put.lua"
    script.write_text(LUA)
    prepare(env, requests_file)
    port = free_port()
    server = serve(env, port)
    try:
        base = f"http://127.0.0.1:{port}"
        wrk(base + "/healthz", 2)  # warm both workers
        bare = wrk(base + "/healthz", seconds)
        put = wrk(base, seconds, script, requests_file)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "put_per_second": round(put["per_second"], 1),
        "put_p99_ms": round(put["p99_ms"], 1),
        "put_errors": put["errors"],
        "bare_per_second": round(bare["per_second"], 1),
        "put_ratio": round(put["per_second"] / bare["per_second"], 3),
        "oversold": oversold(),
    }
