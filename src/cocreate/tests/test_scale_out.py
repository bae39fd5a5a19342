"""Two web processes and two workers on one PostgreSQL database: a registration rush and
a live re-plan go through both web processes; every write lands once, no task runs twice,
and nothing any process keeps in memory is needed by another.

PostgreSQL only (`make test-postgres` runs it): it is what runs many processes in
production; SQLite serves one machine.
"""

import json
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from django_scopes import scope, scopes_disabled
from django_tasks_db.models import DBTaskResult

from cocreate.accounts import services as accounts
from cocreate.agenda import services as agenda
from cocreate.agenda.models import Run, Schedule
from cocreate.agenda.tests.conftest import build_event, draft_of, plan
from cocreate.conftest import make_org, make_user
from cocreate.messaging.models import Message, Status
from cocreate.offerings import services as offerings
from cocreate.offerings.models import Choice, Design, DesignVersion, Option
from cocreate.offerings.tests.conftest import build_unconference
from cocreate.organisations.models import Membership
from cocreate.tests.cluster import cluster, wait_for

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgresql,
]
CUSTOMERS = 40
SEATS = 10


def customers_with_tokens(org, count: int) -> list[str]:
    tokens = []
    for n in range(count):
        user = make_user(f"rush{n}@example.org", f"Rush {n}")
        with scope(organisation=org.organisation):
            Membership.objects.create(organisation=org.organisation, user=user)
        tokens.append(accounts.api_token_create(user=user, name="rush")[1])
    return tokens


def put(url: str, token: str, body: dict) -> int:
    for _ in range(5):  # a 503 says: try again shortly
        answer = httpx.put(url, json=body, headers={"Authorization": f"Bearer {token}"}, timeout=60)
        if answer.status_code != 503:
            return answer.status_code
    return answer.status_code


def test_a_rush_and_a_re_plan_through_two_web_processes_land_once():
    org = make_org("acme", "Acme Events")
    shop = build_unconference(org)
    offerings.option_update(
        option=shop.keynote,
        actor=org.organiser,
        name="Keynote",
        capacity=SEATS,
        starts_at=shop.keynote.starts_at,
        ends_at=shop.keynote.ends_at,
    )
    tokens = customers_with_tokens(org, CUSTOMERS)
    day = build_event(org)
    agenda.schedule_publish(schedule=draft_of(plan(day, org.organiser)), actor=org.organiser)
    organiser_token = accounts.api_token_create(user=org.organiser, name="ops")[1]
    design = {"options": [shop.keynote.pk, shop.in_person.pk]}

    with cluster(webs=2, workers=2) as running:
        first, second = (web.url for web in running.webs)
        path = f"/api/v1/orgs/acme/offerings/{shop.offering.slug}/design"

        def rush(n: int) -> list[int]:
            # Each customer submits through one process, then again through the other.
            here, there = (first, second) if n % 2 else (second, first)
            return [put(here + path, tokens[n], design), put(there + path, tokens[n], design)]

        with ThreadPoolExecutor(16) as pool:
            statuses = [s for pair in pool.map(rush, range(CUSTOMERS)) for s in pair]

        runs = f"/api/v1/orgs/acme/events/{day.event.slug}/runs"
        auth = {"Authorization": f"Bearer {organiser_token}"}
        started = httpx.post(first + runs, json={"replan": True, "time_limit": 2}, headers=auth)
        run_id = started.json()["id"]

        def finished() -> bool:
            answer = httpx.get(f"{second}{runs}/{run_id}", headers=auth).json()
            return answer["status"] in ("done", "failed")

        wait_for(finished, timeout=120, what="the re-plan")
        wait_for(lambda: _undelivered() == 0, timeout=120, what="the confirmations")

    assert started.status_code == 202
    assert statuses == [200] * (2 * CUSTOMERS)
    with scope(organisation=org.organisation):
        rushed = Design.objects.filter(user__email__startswith="rush")
        assert sorted(rushed.values_list("version", flat=True)) == [1] * CUSTOMERS
        assert DesignVersion.objects.filter(design__in=rushed).count() == CUSTOMERS
        confirmed = Choice.objects.filter(option=shop.keynote, status="confirmed").count()
        waiting = Choice.objects.filter(option=shop.keynote, status="waitlisted").count()
        seats = Option.objects.get(pk=shop.keynote.pk).seats_taken
        assert (confirmed, waiting, seats) == (SEATS, CUSTOMERS - SEATS, SEATS)
        run = Run.objects.get(pk=run_id)
        assert run.status == "done", run.error
        assert Schedule.objects.filter(run=run).count() == 1
    with scopes_disabled():
        confirmations = Message.objects.filter(kind="design_confirmed")
        assert confirmations.count() == CUSTOMERS
        # Delivered, each by one worker in one attempt: nothing sent twice.
        assert {(m.status, len(m.log)) for m in confirmations} == {(Status.DELIVERED, 1)}
    replans = [
        t
        for t in DBTaskResult.objects.filter(task_path__endswith="optimise_agenda")
        if t.args_kwargs["args"] == [run_id]
    ]
    assert [(t.status, len(t.worker_ids)) for t in replans] == [("SUCCESSFUL", 1)]
    assert json.loads(json.dumps(run.progress))  # progress was written by the worker


def _undelivered() -> int:
    with scopes_disabled():
        return (
            Message.objects.exclude(status=Status.DELIVERED).filter(kind="design_confirmed").count()
        )
