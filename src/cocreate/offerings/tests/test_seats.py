"""Capacity is never oversold; whoever misses out waits in line and is told when a seat frees."""

import threading
from functools import partial

import pytest
from django.db import connection, connections
from django_scopes import scope

from cocreate.conftest import make_user
from cocreate.messaging.models import Message
from cocreate.offerings import services
from cocreate.offerings.models import Choice, ChoiceStatus, Option
from cocreate.offerings.tests.conftest import build_unconference
from cocreate.organisations.models import Membership


def join(org, n):
    user = make_user(f"racer{n}@example.org", f"Racer {n}")
    with scope(organisation=org.organisation):
        return Membership.objects.create(organisation=org.organisation, user=user)


def submit(u, membership, *options):
    return services.design_submit(
        offering=u.offering,
        membership=membership,
        options=[str(o.pk) for o in (*options, u.in_person)],
        answers={},
    )


def at_once(*calls) -> list[BaseException]:
    """Run each call in a thread of its own (so on a database connection of its own), all
    at once; what they raised, for the test to fail on."""
    failures: list[BaseException] = []

    def run(call):
        try:
            call()
        except BaseException as error:
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=[call]) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failures


def statuses(u, option):
    with scope(organisation=u.offering.organisation_id):
        return list(
            Choice.objects.filter(option=option)
            .order_by("created_at", "pk")
            .values_list("design__user__name", "status")
        )


def test_the_last_seat_goes_to_the_first_and_the_next_person_waits(acme, unconference):
    u = unconference
    first, second, third = (join(acme, n) for n in range(3))
    submit(u, first, u.keynote)
    submit(u, second, u.keynote)
    submit(u, third, u.keynote)

    assert statuses(u, u.keynote) == [
        ("Racer 0", ChoiceStatus.CONFIRMED),
        ("Racer 1", ChoiceStatus.WAITLISTED),
        ("Racer 2", ChoiceStatus.WAITLISTED),
    ]
    u.refresh()
    assert u.keynote.seats_taken == 1


def test_a_freed_seat_promotes_the_longest_waiting_and_tells_them(acme, unconference):
    u = unconference
    first, second, third = (join(acme, n) for n in range(3))
    for membership in (first, second, third):
        submit(u, membership, u.keynote)

    submit(u, first, u.panel)  # the first person drops the keynote

    assert statuses(u, u.keynote) == [
        ("Racer 1", ChoiceStatus.CONFIRMED),
        ("Racer 2", ChoiceStatus.WAITLISTED),
    ]
    with scope(organisation=acme.organisation):
        told = Message.objects.get(kind="waitlist_promoted")
    assert told.recipient == second.user
    assert told.subject == "A seat is yours: Keynote"


def test_withdrawing_a_design_frees_its_seats(acme, unconference):
    u = unconference
    first, second = join(acme, 0), join(acme, 1)
    submit(u, first, u.keynote)
    submit(u, second, u.keynote)

    services.design_withdraw(offering=u.offering, membership=first)

    assert statuses(u, u.keynote) == [("Racer 1", ChoiceStatus.CONFIRMED)]


def test_more_seats_let_people_off_the_waitlist(acme, unconference):
    u = unconference
    people = [join(acme, n) for n in range(3)]
    for membership in people:
        submit(u, membership, u.keynote)

    services.option_update(
        option=u.keynote,
        actor=acme.organiser,
        name="Keynote",
        capacity=3,
        starts_at=u.keynote.starts_at,
        ends_at=u.keynote.ends_at,
    )

    assert {status for _, status in statuses(u, u.keynote)} == {ChoiceStatus.CONFIRMED}


def test_the_capacity_cannot_fall_below_the_seats_taken(acme, unconference):
    from cocreate.core.errors import Conflict

    u = unconference
    submit(u, join(acme, 0), u.workshop)
    submit(u, join(acme, 1), u.workshop)

    with pytest.raises(Conflict, match="2 people already have a seat"):
        services.option_update(
            option=u.workshop,
            actor=acme.organiser,
            name=u.workshop.name,
            capacity=1,
            starts_at=u.workshop.starts_at,
            ends_at=u.workshop.ends_at,
        )
    u.refresh()
    assert u.workshop.capacity == 2


@pytest.mark.django_db(transaction=True)
def test_fifty_people_racing_for_the_last_ten_seats(acme_live):
    """Real concurrency: 50 threads, each its own database connection, submit at once."""
    org = acme_live
    u = build_unconference(org)
    services.option_update(
        option=u.keynote,
        actor=org.organiser,
        name="Keynote",
        capacity=10,
        starts_at=u.keynote.starts_at,
        ends_at=u.keynote.ends_at,
    )
    people = [join(org, n) for n in range(50)]
    start = threading.Barrier(len(people))

    def race(membership):
        start.wait()
        submit(u, membership, u.keynote)

    assert at_once(*(partial(race, m) for m in people)) == []
    with scope(organisation=org.organisation):
        seats = Option.objects.get(pk=u.keynote.pk).seats_taken
        confirmed = Choice.objects.filter(option=u.keynote, status=ChoiceStatus.CONFIRMED).count()
        waiting = Choice.objects.filter(option=u.keynote, status=ChoiceStatus.WAITLISTED).count()
    assert (seats, confirmed, waiting) == (10, 10, 40)
    connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_two_people_swapping_the_same_two_options_at_once_never_deadlock(acme_live):
    """Each change frees one option and takes the other, in opposite orders: without one
    locking order, PostgreSQL would find a deadlock and refuse one of them."""
    org = acme_live
    u = build_unconference(org)
    first, second = join(org, 1), join(org, 2)
    submit(u, first, u.keynote)
    submit(u, second, u.workshop)
    rounds = 15
    start = threading.Barrier(2)

    def swap(membership, options):
        try:
            for n in range(rounds):
                start.wait()
                submit(u, membership, options[n % 2])
        except BaseException:
            start.abort()  # the other side stops waiting too
            raise

    failures = at_once(
        partial(swap, first, (u.workshop, u.keynote)),
        partial(swap, second, (u.keynote, u.workshop)),
    )
    assert failures == []
    with scope(organisation=org.organisation):
        seats = dict(
            Option.objects.filter(pk__in=[u.keynote.pk, u.workshop.pk]).values_list(
                "pk", "seats_taken"
            )
        )
    assert seats == {u.keynote.pk: 1, u.workshop.pk: 1}
    connections.close_all()
