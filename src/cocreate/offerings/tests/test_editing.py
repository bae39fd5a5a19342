"""Organisers build an offering: steps, options and rules, with refusals that say why."""

import pytest
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.offerings import services
from cocreate.offerings.models import Dimension, Offering, Option, Rule
from cocreate.organisations.models import AuditEntry


def test_an_organiser_builds_an_offering_in_the_pages(acme):
    client = client_for(acme.organiser)

    response = client.post(
        "/o/acme/offerings/new/",
        {"name": "Car ownership", "kind": "service", "unit": "EUR", "budget": "1200"},
    )
    assert response["Location"] == "/o/acme/offerings/car-ownership/edit/"
    client.post(
        "/o/acme/offerings/car-ownership/steps/",
        {"name": "Insurance", "min_picks": "1", "max_picks": "1"},
    )
    with scope(organisation=acme.organisation):
        step = Dimension.objects.get(name="Insurance")
    response = client.post(
        f"/o/acme/offerings/car-ownership/steps/{step.pk}/options/new/",
        {"name": "Fully comprehensive", "cost": "640.00", "tags": "safety, peace of mind"},
    )

    assert response.status_code == 302
    editor = client.get("/o/acme/offerings/car-ownership/edit/").content.decode()
    assert "Fully comprehensive" in editor
    assert "640.00 EUR" in editor
    with scope(organisation=acme.organisation):
        option = Option.objects.get(name="Fully comprehensive")
        assert option.tags == ["safety", "peace of mind"]
        assert option.key == "fully-comprehensive"
        assert AuditEntry.objects.filter(action="offering.option_added").count() == 1


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": "Seats", "capacity": -1}, "capacity", "It cannot be negative."),
        ({"name": "Free", "cost": "-5"}, "cost", "It cannot be negative."),
        ({"name": ""}, "name", "Give the option a name."),
        (
            {"name": "Late", "starts_at": "2030-03-12T11:00:00+00:00"},
            "ends_at",
            "Give both a start and an end, or neither.",
        ),
        (
            {"name": "Members", "eligibility": [{"field": "nope", "allowed": ["x"]}]},
            "eligibility",
            "There is no profile field 'nope'.",
        ),
    ],
)
def test_bad_options_are_refused_and_nothing_is_saved(acme, unconference, fields, field, message):
    before = _count(acme, Option)
    with pytest.raises(InvalidInput) as refused:
        services.option_create(dimension=unconference.sessions, actor=acme.organiser, **fields)
    assert refused.value.fields[field] == [message]
    assert _count(acme, Option) == before


def test_a_step_needs_at_most_at_least_its_least(acme, unconference):
    with pytest.raises(InvalidInput) as refused:
        services.dimension_create(
            offering=unconference.offering,
            actor=acme.organiser,
            name="Odd",
            min_picks=3,
            max_picks=2,
        )
    assert refused.value.fields["max_picks"] == ["The most picks cannot be fewer than the least."]


def test_a_rule_naming_another_offerings_option_is_refused(acme, unconference):
    other = services.offering_create(organisation=acme.organisation, actor=acme.organiser, name="B")
    step = services.dimension_create(offering=other, actor=acme.organiser, name="Things")
    foreign = services.option_create(dimension=step, actor=acme.organiser, name="Elsewhere")

    with pytest.raises(InvalidInput) as refused:
        services.rule_create(
            offering=unconference.offering,
            actor=acme.organiser,
            kind="excludes",
            options=[unconference.panel.pk, foreign.pk],
        )
    assert refused.value.fields["options"] == [f"Not options of this offering: {foreign.pk}."]


def test_contradictory_rules_are_refused_with_the_rules_named(acme, unconference):
    u = unconference
    rules_before = _count(acme, Rule)

    # The workshop requires being in person; also excluding it from in person leaves the
    # workshop impossible to pick.
    with pytest.raises(InvalidInput) as refused:
        services.rule_create(
            offering=u.offering,
            actor=acme.organiser,
            kind="excludes",
            options=[u.in_person.pk, u.workshop.pk],
            label="Workshop seats are remote only",
        )

    assert refused.value.code == "contradictory_rules"
    assert "Design thinking workshop" in refused.value.message
    assert "The workshop is hands-on: come in person" in refused.value.message
    assert _count(acme, Rule) == rules_before


def test_a_cycle_of_requirements_is_refused(acme, unconference):
    u = unconference
    services.rule_create(
        offering=u.offering,
        actor=acme.organiser,
        kind="requires",
        options=[u.panel.pk, u.keynote.pk],
    )
    with pytest.raises(InvalidInput) as refused:
        services.rule_create(
            offering=u.offering,
            actor=acme.organiser,
            kind="requires",
            options=[u.keynote.pk, u.panel.pk],
            label="Keynote people join the panel",
        )
    assert "Keynote people join the panel" in refused.value.message
    assert "'Panel: the future of CX' requires 'Keynote', which requires" in refused.value.message


def test_the_rule_form_refuses_what_the_service_refuses(acme, unconference):
    u = unconference
    response = client_for(acme.organiser).post(
        f"/o/acme/offerings/{u.offering.slug}/rules/",
        {"kind": "at_least", "targets": [u.panel.pk, u.keynote.pk], "k": "3"},
    )

    assert response.status_code == 422
    assert "Choose a number from 1 to 2." in response.content.decode()


def test_an_option_customers_chose_cannot_be_deleted(acme, unconference):
    u = unconference
    services.design_submit(
        offering=u.offering,
        membership=acme.member(acme.customer),
        options=[str(u.panel.pk), str(u.in_person.pk)],
        answers={},
    )
    with pytest.raises(Conflict, match="is in 1 customer design"):
        services.option_delete(option=u.panel, actor=acme.organiser)


def test_a_locked_offering_cannot_change(acme, unconference):
    u = unconference
    services.offering_transition(offering=u.offering, actor=acme.organiser, to="locked")
    with pytest.raises(Conflict, match="is locked"):
        services.option_create(dimension=u.sessions, actor=acme.organiser, name="Late addition")


def test_customers_and_staff_cannot_edit(acme, unconference):
    for person in (acme.customer, acme.staff, acme.partner):
        response = client_for(person).get(f"/o/acme/offerings/{unconference.offering.slug}/edit/")
        assert response.status_code == 403


def _count(org, model):
    with scope(organisation=org.organisation):
        return model.objects.count()


def test_an_offering_slug_is_unique_in_its_organisation(acme, unconference):
    with pytest.raises(Conflict):
        services.offering_create(
            organisation=acme.organisation, actor=acme.organiser, name="CX Un-conference"
        )
    assert _count(acme, Offering) == 1
