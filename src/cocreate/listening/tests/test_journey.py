import pytest
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.listening import services
from cocreate.listening.models import Phase, Touchpoint


def test_the_default_cycle_has_six_phases_each_with_a_touchpoint(acme):
    services.journey_start_default(organisation=acme.organisation, actor=acme.organiser)

    with scope(organisation=acme.organisation):
        phases = list(Phase.objects.order_by("position").values_list("name", flat=True))
        touchpoints = list(Touchpoint.objects.values_list("name", "phase__name"))
    assert phases == ["discover", "choose", "buy", "use", "get help", "stay or leave"]
    assert sorted(touchpoints) == sorted((name, name) for name in phases)


def test_the_default_cycle_is_refused_once_the_journey_has_phases(journey):
    with pytest.raises(Conflict, match="has phases already"):
        services.journey_start_default(
            organisation=journey.org.organisation, actor=journey.org.organiser
        )


def test_an_organiser_builds_the_journey_on_its_page(acme):
    client = client_for(acme.organiser)
    base = "/o/acme/listening/journey/"

    client.post(base + "default/")
    client.post(base + "phases/", {"name": "renew"})
    with scope(organisation=acme.organisation):
        renew = Phase.objects.get(name="renew")
    response = client.post(
        base + "touchpoints/", {"name": "Renewal letter", "phase": renew.pk, "description": ""}
    )
    page = client.get(base)

    assert response.status_code == 302
    assert "Renewal letter" in page.content.decode()
    with scope(organisation=acme.organisation):
        assert Touchpoint.objects.get(name="Renewal letter").phase == renew


def test_a_phase_moves_earlier_and_a_phase_with_touchpoints_is_not_deleted(journey):
    org = journey.org
    with scope(organisation=org.organisation):
        use = Phase.objects.get(name="use")
    client = client_for(org.organiser)

    client.post(f"/o/acme/listening/journey/phases/{use.pk}/", {"action": "earlier"})
    client.post(f"/o/acme/listening/journey/phases/{use.pk}/", {"action": "delete"})

    with scope(organisation=org.organisation):
        order = list(Phase.objects.order_by("position").values_list("name", flat=True))
    assert order == ["discover", "choose", "use", "buy", "get help", "stay or leave"]


def test_touchpoint_names_are_unique_in_any_case(journey):
    org = journey.org
    with pytest.raises(Conflict, match="already"):
        services.touchpoint_create(
            organisation=org.organisation,
            actor=org.organiser,
            phase=journey.touchpoint("use").phase,
            name="GET HELP",
        )


def test_a_touchpoint_with_feedback_cannot_be_deleted(journey):
    org = journey.org
    services.feedback_submit(survey=journey.survey, answers={"csat": 4})

    with pytest.raises(Conflict, match="holds feedback"):
        services.touchpoint_delete(touchpoint=journey.touchpoint("get help"), actor=org.organiser)


def test_segments_come_only_from_a_one_choice_question(journey):
    org = journey.org
    with pytest.raises(InvalidInput, match="one answer from a list"):
        services.segment_field_set(organisation=org.organisation, actor=org.organiser, key="x")


def test_staff_see_listening_but_cannot_set_up_the_journey(journey):
    client = client_for(journey.org.staff)

    assert client.get("/o/acme/listening/").status_code == 200
    assert client.get("/o/acme/listening/journey/").status_code == 403


def test_an_organisation_leaves_with_all_it_heard(journey):
    services.feedback_submit(survey=journey.survey, answers={"csat": 4})

    organisation_id = journey.org.organisation.pk
    journey.org.organisation.delete()

    with scope(organisation=organisation_id):
        assert (Phase.objects.count(), Touchpoint.objects.count()) == (0, 0)
