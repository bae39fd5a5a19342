"""Faults, with real processes on PostgreSQL: a worker killed in the middle of an optimiser
run, a web process killed during a registration rush, and the database restarted during
one. No accepted write is lost, no seat is oversold, nothing is done twice, and clients
are told to try again (503 and Retry-After) while the database is away.
"""

import os
import shlex
import signal
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from django.db import connection
from django.test import override_settings
from django_scopes import scope

from cocreate.agenda import services as agenda
from cocreate.agenda.models import Run, Schedule
from cocreate.agenda.tests.conftest import build_event, draft_of, plan
from cocreate.conftest import make_org
from cocreate.offerings import services as offerings
from cocreate.offerings.models import Choice, Design, Option
from cocreate.offerings.tests.conftest import build_unconference
from cocreate.tests.cluster import cluster, environment, start_worker, wait_for
from cocreate.tests.test_scale_out import customers_with_tokens

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgresql,
]


@pytest.fixture
def shop():
    org = make_org("acme", "Acme Events")
    shop = build_unconference(org)
    offerings.option_update(
        option=shop.keynote,
        actor=org.organiser,
        name="Keynote",
        capacity=10,
        starts_at=shop.keynote.starts_at,
        ends_at=shop.keynote.ends_at,
    )
    return org, shop


def submit_all(
    urls: list[str],
    path: str,
    tokens: list[str],
    body: dict,
    answered: threading.Event | None = None,
) -> dict[int, list[int]]:
    """Every customer submits until it is accepted, as a client that retries would: on a
    503 after Retry-After, on a dropped connection through another web process."""

    def one(n: int) -> list[int]:
        seen = []
        for attempt in range(40):
            url = urls[(n + attempt) % len(urls)]
            try:
                answer = httpx.put(
                    url + path,
                    json=body,
                    headers={"Authorization": f"Bearer {tokens[n]}"},
                    timeout=30,
                )
            except httpx.TransportError:
                seen.append(0)  # the process went away mid-request
                continue
            seen.append(answer.status_code)
            if answered is not None:
                answered.set()
            if answer.status_code == 503:
                assert answer.headers["Retry-After"]
                time.sleep(0.5)
                continue
            return seen
        return seen

    with ThreadPoolExecutor(12) as pool:
        return dict(enumerate(pool.map(one, range(len(tokens)))))


def assert_seats_add_up(shop, customers: int) -> None:
    with scope(organisation=shop.offering.organisation_id):
        designs = Design.objects.filter(user__email__startswith="rush")
        assert sorted(designs.values_list("version", flat=True)) == [1] * customers
        confirmed = Choice.objects.filter(option=shop.keynote, status="confirmed").count()
        waiting = Choice.objects.filter(option=shop.keynote, status="waitlisted").count()
        seats = Option.objects.get(pk=shop.keynote.pk).seats_taken
    assert (confirmed, waiting, seats) == (10, customers - 10, 10)


def test_a_web_process_killed_in_a_rush_loses_no_accepted_design(shop):
    org, u = shop
    tokens = customers_with_tokens(org, 30)
    path = f"/api/v1/orgs/acme/offerings/{u.offering.slug}/design"
    with cluster(webs=2, workers=0) as running:
        urls = [w.url for w in running.webs]
        killer = threading.Timer(0.5, running.webs[0].kill)
        killer.start()
        outcomes = submit_all(urls, path, tokens, {"options": [u.keynote.pk, u.in_person.pk]})
        killer.join()

    assert all(seen[-1] == 200 for seen in outcomes.values()), outcomes
    assert running.webs[0].process.returncode == -signal.SIGKILL
    assert_seats_add_up(u, 30)


@pytest.mark.restarts_database
def test_the_database_restarting_in_a_rush_gives_retryable_answers_and_no_lost_writes(shop):
    org, u = shop
    tokens = customers_with_tokens(org, 60)
    path = f"/api/v1/orgs/acme/offerings/{u.offering.slug}/design"
    control = shlex.split(os.environ["COCREATE_PG_CTL"])
    with cluster(webs=2, workers=0) as running:
        urls = [w.url for w in running.webs]
        answered = threading.Event()

        def restart() -> None:
            answered.wait(60)  # once the rush is under way
            # No pipes: the restarted server inherits pg_ctl's output and would hold them.
            subprocess.run(
                [*control, "-m", "fast", "-w", "restart"],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

        restarting = threading.Thread(target=restart)
        restarting.start()
        outcomes = submit_all(
            urls, path, tokens, {"options": [u.keynote.pk, u.in_person.pk]}, answered
        )
        restarting.join()
    connection.close()  # this process's connection did not survive the restart either

    statuses = {status for seen in outcomes.values() for status in seen}
    assert all(seen[-1] == 200 for seen in outcomes.values()), outcomes
    assert 503 in statuses  # clients were told to come back
    assert 500 not in statuses  # away is 503, never a server error
    assert_seats_add_up(u, 60)


def test_a_worker_killed_mid_run_is_given_up_and_the_next_run_completes(shop):
    org, _ = shop
    day = build_event(org)
    agenda.schedule_publish(schedule=draft_of(plan(day, org.organiser)), actor=org.organiser)
    env = environment(AGENDA_RUN_ABANDONED_SECONDS="1")
    doomed, replacement = start_worker(env), None
    run = agenda.run_start(event=day.event, actor=org.organiser, replan=True, time_limit=8)
    try:
        wait_for(lambda: _status(run) == "running", timeout=60, what="the run to start")
        os.kill(doomed.pid, signal.SIGKILL)
        doomed.wait()
        with scope(organisation=org.organisation):
            wait_for(lambda: _since_start(run) > run.time_limit + 1.5, timeout=30, what="the limit")
        replacement = start_worker(env)
        with override_settings(AGENDA_RUN_ABANDONED_SECONDS=1):
            second = agenda.run_start(
                event=day.event, actor=org.organiser, replan=True, time_limit=1
            )
        wait_for(lambda: _status(second) == "done", timeout=90, what="the second run")
    finally:
        for process in (doomed, replacement):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=20)

    assert _status(run) == "failed"
    with scope(organisation=org.organisation):
        assert not Schedule.objects.filter(run_id=run.pk).exists()  # nothing half-written
        assert Schedule.objects.filter(run=second).count() == 1


def _status(run: Run) -> str:
    with scope(organisation=run.organisation_id):
        return Run.objects.get(pk=run.pk).status


def _since_start(run: Run) -> float:
    from django.utils import timezone

    fresh = Run.objects.get(pk=run.pk)
    return (timezone.now() - (fresh.started_at or fresh.created_at)).total_seconds()
