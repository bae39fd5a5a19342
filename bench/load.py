"""A mixed load against the production server (granian, DEBUG off), loaded with the demo:
customers opening the designer and submitting designs, attendees reading their plans
and the public schedule, pairwise votes, and an organiser refreshing a dashboard, all at
once, each driven by its own wrk process from outside the server. Then, alone, a bare
endpoint (/healthz) on the same server for the ratio. On SQLite and on a PostgreSQL
server the benchmark starts itself.

    .venv/bin/python bench/load.py              # both databases, 60 s per phase
    .venv/bin/python bench/load.py --quick      # SQLite, a smaller demo, 10 s per phase
    .venv/bin/python bench/load.py --json       # ends with one JSON line
    .venv/bin/python bench/load.py --database postgresql   # one of them only

Two phases. At capacity, every simulated person sends the next request as soon as the
last is answered: the server is saturated and the rate is the most it serves, but the
latency is mostly time spent queueing (the load generators share the 2 cores). Paced,
the same people pause between requests (exponential think times) so that each endpoint is
offered half its rate at capacity: the latency a user sees at that rate.

Figures per endpoint and phase: requests per second, p50/p99 latency, errors (non-2xx,
timeouts, socket errors); in all: `mixed_per_second` (at capacity), `p99_ms` (the worst
endpoint's p99 when paced, at `paced_per_second`), `p99_saturated_ms`, errors (both
phases), `bare_per_second`, `ratio`, and `lost_writes`: design submissions the server
answered 200 whose version is not in the database (every submission changes the design,
so each 200 must leave exactly one new version).
"""

import argparse
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from design_http import environment, free_port, need_wrk, serve  # noqa: E402

ORG = "cx-unconference"
OFFERING = EVENT = "unconference"  # the event and its offering are one

# One wrk per endpoint: (connections, Lua script). Each Lua script cycles through the
# lines of its own data file, each wrk thread from its own place in it (so that two
# threads do not act as the same person at once).
CYCLE = """
local lines, n, threads = {}, 0, 0
function setup(thread)
  thread:set("place", threads)
  threads = threads + 1
end
function init(args)
  for line in io.lines(args[1]) do lines[#lines + 1] = line end
  n = (place or 0) * math.floor(#lines / 2)
  think = tonumber(args[2]) or 0
  math.randomseed(os.time() + (place or 0))
end
function delay()
  -- Exponential think time (milliseconds) with the mean given, 0 at capacity.
  if think == 0 then return 0 end
  return -think * math.log(1 - math.random())
end
"""
SCRIPTS = {
    "design_put": CYCLE
    + """
function request()
  n = n % #lines + 1
  local token, path, body = lines[n]:match("^(%S+) (%S+) (.*)$")
  return wrk.format("PUT", path, {["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json"}, body)
end
""",
    "designer_page": CYCLE
    + """
function request()
  n = n % #lines + 1
  local cookie, path = lines[n]:match("^(%S+) (%S+)$")
  return wrk.format("GET", path, {["Cookie"] = cookie})
end
""",
    "agenda_read": CYCLE
    + """
function request()
  n = n % #lines + 1
  local token, path = lines[n]:match("^(%S+) (%S+)$")
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. token})
end
""",
    "schedule_page": CYCLE
    + """
function request()
  n = n % #lines + 1
  return wrk.format("GET", lines[n])
end
""",
    # Ask for a pair, vote on it, ask for the next: two requests per vote. Only the answer
    # to "next" names a pair to vote on (the vote's own answer names the pair too).
    "pairwise_vote": CYCLE
    + """
local pending, asking = nil, nil
local function headers(token)
  return {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}
end
function request()
  if pending then
    local vote = pending
    pending, asking = nil, nil
    return wrk.format("POST", vote.base .. "/pairs/" .. vote.id, headers(vote.token),
      '{"choice": "left"}')
  end
  n = n % #lines + 1
  local token, base = lines[n]:match("^(%S+) (%S+)$")
  asking = {token = token, base = base}
  return wrk.format("GET", base .. "/pairs/next", headers(token))
end
function response(status, headers, body)
  if asking then
    local id = body and body:match('^{"id": ?(%d+)')
    if status == 200 and id then
      pending = {token = asking.token, base = asking.base, id = id}
    end
    asking = nil
  end
end
""",
    "dashboard": CYCLE
    + """
function request()
  n = n % #lines + 1
  local cookie, path = lines[n]:match("^(%S+) (%S+)$")
  return wrk.format("GET", path, {["Cookie"] = cookie})
end
""",
}
# A bounded load: one person at a time per endpoint, two for the busiest.
CONNECTIONS = {
    "design_put": 2,
    "designer_page": 1,
    "agenda_read": 2,
    "schedule_page": 1,
    "pairwise_vote": 2,
    "dashboard": 1,
}
# Paced, each endpoint is offered this share of its rate at capacity.
PACED_SHARE = 0.5
PHASES = ("capacity", "paced")
# Each person's designs, in turn: the first two at capacity, the next two paced.
DESIGN_ROUNDS = 4


def prepare(env: dict[str, str], folder: Path, customers: int) -> None:
    """Migrate, load the demo, and write each endpoint's request data."""
    os.environ.update({k: v for k, v in env.items() if k.isupper()})
    import django

    django.setup()
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django_scopes import scope

    from cocreate.accounts.services import api_token_create
    from cocreate.offerings import engine
    from cocreate.offerings.models import Design, Offering
    from cocreate.organisations.models import Membership, Organisation, Role

    call_command("migrate", verbosity=0)
    call_command("demo", customers=customers, stdout=io.StringIO())
    organisation = Organisation.objects.get(slug=ORG)
    with scope(organisation=organisation):
        offering = Offering.objects.get(slug=OFFERING)
        members = list(
            Membership.objects.filter(role=Role.CUSTOMER).select_related("user").order_by("pk")
        )
        organiser = Membership.objects.get(user__email=f"olivia@{ORG}.example").user
        current = {
            d.user_id: frozenset(str(c.option_id) for c in d.choices.all())
            for d in Design.objects.filter(offering=offering).prefetch_related("choices")
        }
    compiled = engine.engine_offering(offering)
    by_id = {o.id: o for o in compiled.options if o.dimension == sessions_step(compiled)}
    rng = random.Random(5)
    tokens = [api_token_create(user=m.user, name="load")[1] for m in members]
    cookies = [_session(SessionStore, m.user) for m in members[:50]]
    design = f"/api/v1/orgs/{ORG}/offerings/{OFFERING}/design"
    rounds: list[list[str]] = [[] for _ in range(DESIGN_ROUNDS)]
    for member, token in zip(members, tokens, strict=True):
        # All different, and from the design they have: each submission makes a version.
        seen = {current.get(member.user_id, frozenset())}
        for number in range(DESIGN_ROUNDS):
            options = _design(compiled, rng).options
            while options in seen:
                options = _design(compiled, rng).options
            seen.add(options)
            sessions = [o for o in options if o in by_id and by_id[o].window]
            body = {
                "options": sorted(int(o) for o in options),
                "weights": {o: "must" for o in sessions[:1]},
            }
            rounds[number].append(f"{token} {design} {json.dumps(body)}")
    files = {
        "design_put-capacity": rounds[0] + rounds[1],
        "design_put-paced": rounds[2] + rounds[3],
        "designer_page": [f"{c} /o/{ORG}/offerings/{OFFERING}/" for c in cookies],
        # Each person's one plan of the event: their sessions, times and rooms.
        "agenda_read": [f"{t} {design}" for t in tokens],
        "schedule_page": [f"/events/{ORG}/{EVENT}/"],
        "pairwise_vote": [f"{t} /api/v1/orgs/{ORG}" for t in tokens],
        "dashboard": [f"{_session(SessionStore, organiser)} /o/{ORG}/offerings/{OFFERING}/demand/"],
    }
    for name, lines in files.items():
        (folder / f"{name}.txt").write_text("\n".join(lines) + "\n")
    for name, script in SCRIPTS.items():
        (folder / f"{name}.lua").write_text(script)


def sessions_step(compiled: Any) -> str:
    return next(d.id for d in compiled.dimensions if d.noun == "session")


def _design(compiled: Any, rng: random.Random) -> Any:
    """A valid design of the demo's event as people make them: two to four sessions at
    different times, in person, a meal or two and maybe a diet."""
    from cocreate.engines import offerings as rules

    by_step: dict[str, list[Any]] = {}
    for option in compiled.options:
        by_step.setdefault(option.dimension, []).append(option)
    chosen: set[str] = set()
    taken: list[Any] = []  # the windows chosen: a workshop may last two slots
    sessions = by_step[sessions_step(compiled)]
    for session in rng.sample(sessions, len(sessions)):
        window = session.window
        if all(window.end <= t.start or t.end <= window.start for t in taken):
            chosen.add(session.id)
            taken.append(window)
        if len(chosen) == rng.randint(2, 4):
            break
    names = {o.name: o.id for o in compiled.options}
    chosen.add(names["In person"])
    meals = [o for o in compiled.options if o.window and o.dimension != sessions_step(compiled)]
    chosen.update(o.id for o in rng.sample(meals, rng.randint(0, 2)))
    if rng.random() < 0.5:
        chosen.add(names[rng.choice(["Vegetarian", "Vegan", "Gluten-free", "Halal"])])
    return rules.Selection(options=frozenset(chosen))


def _session(store: Any, user: Any) -> str:
    from django.conf import settings

    session = store()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def create_database(url: str) -> None:
    """The empty database the PostgreSQL server (started by scripts/with-postgres) needs."""
    import psycopg

    server, _, name = url.rpartition("/")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'create database "{name}"')


def versions() -> int:
    from django_scopes import scopes_disabled

    from cocreate.offerings.models import DesignVersion

    with scopes_disabled():
        return DesignVersion.objects.count()


def start_wrk(
    base: str, name: str, folder: Path, seconds: int, *, phase: str, think_ms: float = 0
) -> subprocess.Popen[str]:
    connections = CONNECTIONS[name]
    data = folder / f"{name}-{phase}.txt"
    if not data.exists():
        data = folder / f"{name}.txt"
    # A wrk thread's connections share one Lua state: the voting script remembers which
    # pair it was shown, so each of its connections gets a thread of its own.
    threads = connections if name == "pairwise_vote" else 1
    command = [need_wrk(), "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s"]
    command += ["--timeout", "10s", "--latency", "-s", str(folder / f"{name}.lua"), base]
    command += ["--", str(data), f"{think_ms:.1f}"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)


def figures(output: str) -> dict[str, Any]:
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}

    def latency(label: str) -> float:
        found = re.search(rf"{label}\s+([\d.]+)(us|ms|s)\b", output)
        return round(float(found.group(1)) * scale[found.group(2)], 1) if found else float("nan")

    total = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = int(non_2xx.group(1)) if non_2xx else 0
    errors += sum(int(g) for g in socket.groups()) if socket else 0
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    return {
        "requests": total,
        "per_second": round(rate, 1),
        "p50_ms": latency("50%"),
        "p99_ms": latency("99%"),
        "errors": errors,
    }


def run(database: str, *, seconds: int, customers: int) -> dict[str, Any]:
    bare_seconds = max(5, seconds // 6)
    folder = Path(tempfile.mkdtemp(prefix=f"cocreate-load-{database}-"))
    env = environment(str(folder))
    env["LOG_FORMAT"] = "text"
    if database == "postgresql":
        env["DATABASE_URL"] = os.environ["DATABASE_URL"]
        create_database(env["DATABASE_URL"])
    prepare(env, folder, customers)
    port = free_port()
    server = serve(env, port)
    base = f"http://127.0.0.1:{port}"
    phases: dict[str, dict[str, dict[str, Any]]] = {}
    try:
        before = versions()
        warm = subprocess.run(
            [need_wrk(), "-t", "1", "-c", "4", "-d", "1s", base + "/healthz"],
            capture_output=True,
            text=True,
        )
        assert warm.returncode == 0
        for phase in PHASES:
            think = {name: 0.0 for name in SCRIPTS}
            if phase == "paced":  # each person's mean pause for half the rate at capacity
                think = {
                    name: CONNECTIONS[name] * 1000 / (PACED_SHARE * max(e["per_second"], 0.1))
                    for name, e in phases["capacity"].items()
                }
            load = {
                name: start_wrk(base, name, folder, seconds, phase=phase, think_ms=think[name])
                for name in SCRIPTS
            }
            phases[phase] = {name: figures(p.communicate()[0]) for name, p in load.items()}
            time.sleep(1)  # requests still in flight when wrk stopped finish
        written = versions() - before
        bare_command = [need_wrk(), "-t", "1", "-c", str(sum(CONNECTIONS.values()))]
        bare_command += ["-d", f"{bare_seconds}s", "--latency", base + "/healthz"]
        bare_run = subprocess.run(
            bare_command,
            capture_output=True,
            text=True,
            check=True,
        )
        bare = figures(bare_run.stdout)
    finally:
        server.terminate()
        server.wait(timeout=30)
    every = [e for endpoints in phases.values() for e in endpoints.values()]
    puts = [endpoints["design_put"] for endpoints in phases.values()]
    accepted = sum(e["requests"] - e["errors"] for e in puts)
    mixed = sum(e["per_second"] for e in phases["capacity"].values())
    return {
        "database": database,
        "phases": phases,
        "mixed_per_second": round(mixed, 1),
        "p99_ms": max(e["p99_ms"] for e in phases["paced"].values()),
        "paced_per_second": round(sum(e["per_second"] for e in phases["paced"].values()), 1),
        "p99_saturated_ms": max(e["p99_ms"] for e in phases["capacity"].values()),
        "errors": sum(e["errors"] for e in every),
        "bare_per_second": bare["per_second"],
        "ratio": round(mixed / bare["per_second"], 3),
        # wrk counts answers it received; an accepted design must have its version.
        "lost_writes": max(0, accepted - written),
    }


def table(result: dict[str, Any]) -> str:
    lines = [f"Mixed load on {result['database']}"]
    header = f"  {'endpoint':<15} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}"
    for phase, endpoints in result["phases"].items():
        lines += [f" {phase}", header]
        for name, e in endpoints.items():
            lines.append(
                f"  {name:<15} {e['per_second']:>8} {e['p50_ms']:>8} {e['p99_ms']:>8} "
                f"{e['errors']:>7}"
            )
        rate = sum(e["per_second"] for e in endpoints.values())
        worst = max(e["p99_ms"] for e in endpoints.values())
        errors = sum(e["errors"] for e in endpoints.values())
        lines.append(f"  {'all':<15} {round(rate, 1):>8} {'':>8} {worst:>8} {errors:>7}")
    lines.append(
        f" bare /healthz {result['bare_per_second']}/s, ratio {result['ratio']}, "
        f"lost writes {result['lost_writes']}"
    )
    return "\n".join(lines)


KEYS = (
    "mixed_per_second",
    "p99_ms",
    "paced_per_second",
    "p99_saturated_ms",
    "errors",
    "bare_per_second",
    "ratio",
    "lost_writes",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="SQLite only, 100 customers, 10 s per phase"
    )
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"])
    parser.add_argument("--inside-postgres", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    size = {"seconds": 10, "customers": 100} if args.quick else {"seconds": 60, "customers": 300}
    if args.inside_postgres:  # started by scripts/with-postgres, below
        print(json.dumps(run("postgresql", **size)))
        return
    database = args.database or ("sqlite" if args.quick else "both")
    results = []
    if database in ("sqlite", "both"):
        results.append(run("sqlite", **size))
    if database in ("postgresql", "both"):
        command = [str(ROOT / "scripts" / "with-postgres"), sys.executable, __file__]
        command += ["--inside-postgres"] + (["--quick"] if args.quick else [])
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))
    for result in results:
        print(table(result))
    if args.json:
        by_database = {r["database"]: {k: r[k] for k in KEYS} for r in results}
        print(json.dumps({**by_database[results[0]["database"]], "by_database": by_database}))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
