"""A customer designs their experience: live checks, explanations, repairs, submitting."""

import pytest
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.messaging.models import Message
from cocreate.offerings import services
from cocreate.offerings.models import Attempt, Choice, Design, DesignVersion


def ids(*options):
    return [str(o.pk) for o in options]


def test_an_overlap_is_explained_with_its_times_and_nearest_fixes(acme, unconference):
    u = unconference
    check = services.design_check(
        offering=u.offering,
        membership=acme.member(acme.customer),
        options=ids(u.workshop, u.panel, u.in_person),
        answers={},
    )

    assert [v.code for v in check.violations] == ["overlap"]
    assert check.violations[0].message == (
        "'Design thinking workshop' overlaps 'Panel: the future of CX' (10:30–11:00)."
    )
    assert check.repairs, "nearest designs that work"
    assert all(r.changes == 1 for r in check.repairs)
    removed = {r.removed for r in check.repairs}
    assert removed == {(str(u.workshop.pk),), (str(u.panel.pk),)}


def test_the_designer_checks_each_change_live_and_saves_the_draft(acme, unconference):
    u = unconference
    client = client_for(acme.customer)
    url = f"/o/acme/offerings/{u.offering.slug}/check/"

    response = client.post(
        url,
        {"options": ids(u.workshop, u.live_stream), "step": "0"},
        headers={"HX-Request": "true"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page  # only the designer is swapped in, no reload
    assert "The workshop is hands-on: come in person" in page
    # A one-click repair: the fewest changes that make the design work.
    assert "Drop &#x27;Live stream&#x27; and add &#x27;In person&#x27;." in page
    with scope(organisation=acme.organisation):
        design = Design.objects.get(user=acme.customer)
        assert design.draft_options == sorted([u.workshop.pk, u.live_stream.pk])
        assert design.version == 0  # a draft is not a submission
        assert Attempt.objects.filter(option=u.workshop, code="requires").count() == 1


def test_a_repair_is_applied_with_one_click(acme, unconference):
    u = unconference
    client = client_for(acme.customer)
    apply = ",".join(ids(u.workshop, u.in_person))

    response = client.post(
        f"/o/acme/offerings/{u.offering.slug}/check/",
        {"options": ids(u.workshop, u.live_stream), "apply": apply, "step": "1"},
        headers={"HX-Request": "true"},
    )

    assert "Everything fits" in response.content.decode()
    with scope(organisation=acme.organisation):
        assert Design.objects.get(user=acme.customer).draft_options == sorted(
            [u.workshop.pk, u.in_person.pk]
        )


def test_submitting_makes_the_plan_and_confirms_it_on_the_chosen_channel(acme, unconference):
    u = unconference
    client = client_for(acme.customer)

    response = client.post(
        f"/o/acme/offerings/{u.offering.slug}/submit/",
        {"options": ids(u.workshop, u.in_person), f"answer-{u.topics.pk}": "Measuring value"},
    )

    assert response.status_code == 302
    assert response["Location"] == f"/o/acme/offerings/{u.offering.slug}/plan/"
    plan = client.get(response["Location"]).content.decode()
    assert "Design thinking workshop" in plan
    assert "Seat confirmed" in plan
    assert "Measuring value" in plan
    with scope(organisation=acme.organisation):
        confirmation = Message.objects.get(recipient=acme.customer, kind="design_confirmed")
        assert confirmation.subject == "Your plan for CX Un-conference is confirmed"
        assert "• Design thinking workshop" in confirmation.body_text
        assert confirmation.channel == "email"  # what this customer chose (the default)


def test_a_design_that_breaks_a_rule_is_refused_and_nothing_is_saved(acme, unconference):
    u = unconference
    response = client_for(acme.customer).post(
        f"/o/acme/offerings/{u.offering.slug}/submit/", {"options": ids(u.workshop, u.live_stream)}
    )

    assert response.status_code == 422
    assert "The workshop is hands-on: come in person" in response.content.decode()
    with scope(organisation=acme.organisation):
        assert not Choice.objects.exists()
        assert not DesignVersion.objects.exists()
        assert not Message.objects.filter(kind="design_confirmed").exists()


def test_revising_keeps_every_version_and_moves_the_seats(acme, unconference):
    u = unconference
    membership = acme.member(acme.customer)
    services.design_submit(
        offering=u.offering,
        membership=membership,
        options=ids(u.workshop, u.in_person),
        answers={},
    )
    services.design_submit(
        offering=u.offering,
        membership=membership,
        options=ids(u.keynote, u.in_person),
        answers={},
    )

    u.refresh()
    assert (u.workshop.seats_taken, u.keynote.seats_taken) == (0, 1)
    with scope(organisation=acme.organisation):
        design = Design.objects.get(user=acme.customer)
        assert design.version == 2
        assert [v.options for v in design.versions.order_by("number")] == [
            sorted([u.workshop.pk, u.in_person.pk]),
            sorted([u.keynote.pk, u.in_person.pk]),
        ]


def test_submitting_the_same_design_again_changes_nothing(acme, unconference):
    u = unconference
    membership = acme.member(acme.customer)
    for _ in range(3):
        services.design_submit(
            offering=u.offering,
            membership=membership,
            options=ids(u.panel, u.in_person),
            answers={},
        )

    with scope(organisation=acme.organisation):
        assert Design.objects.get(user=acme.customer).version == 1
        assert Message.objects.filter(kind="design_confirmed").count() == 1


def test_an_option_for_members_only_is_refused_to_a_guest_and_open_to_a_member(acme, unconference):
    u = unconference
    membership = acme.member(acme.customer)
    membership.profile = {"membership": "guest"}
    check = services.design_check(
        offering=u.offering,
        membership=membership,
        options=ids(u.members_lunch, u.in_person),
        answers={},
    )
    assert [v.message for v in check.violations] == ["'Members' lunch' is for members only."]

    membership.profile = {"membership": "member"}
    check = services.design_check(
        offering=u.offering,
        membership=membership,
        options=ids(u.members_lunch, u.in_person),
        answers={},
    )
    assert check.ok


def test_the_budget_is_a_cap_per_customer(acme, unconference):
    u = unconference
    membership = acme.member(acme.customer)
    membership.profile = {"membership": "member"}
    services.offering_update(
        offering=u.offering,
        actor=acme.organiser,
        name=u.offering.name,
        description="",
        kind="event",
        unit="EUR",
        budget="20.00",
    )

    check = services.design_check(
        offering=u.offering,
        membership=membership,
        options=ids(u.members_lunch, u.live_stream),
        answers={},
    )

    assert [v.code for v in check.violations] == ["budget"]
    assert "25" in check.violations[0].message
    assert "20" in check.violations[0].message


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        (["999999"], "Not options of 'CX Un-conference': 999999."),
        (["not-a-number"], "Not options of 'CX Un-conference': not-a-number."),
    ],
)
def test_unknown_option_ids_are_refused_clearly(acme, unconference, options, reason):
    from cocreate.core.errors import InvalidInput

    with pytest.raises(InvalidInput) as refused:
        services.design_check(
            offering=unconference.offering,
            membership=acme.member(acme.customer),
            options=options,
            answers={},
        )
    assert refused.value.message == reason


def test_picks_outside_the_step_limits_are_explained(acme, unconference):
    u = unconference
    check = services.design_check(
        offering=u.offering,
        membership=acme.member(acme.customer),
        options=ids(u.in_person, u.live_stream),
        answers={},
    )

    messages = [v.message for v in check.violations]
    assert any("Sessions" in m for m in messages)  # none picked, at least one needed
    assert any("How sessions reach me" in m for m in messages)  # two picked, one allowed
