"""An offering of kind event: its sessions step comes with it and is the agenda's, organisers
add steps that ask other things, and an event offering made in the editor gets its agenda
from there."""

import pytest
from django_scopes import scope

from cocreate.agenda.models import Event
from cocreate.conftest import client_for
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.offerings import services
from cocreate.offerings.models import Dimension


@pytest.fixture
def event_offering(acme):
    return services.offering_create(
        organisation=acme.organisation, actor=acme.organiser, name="Summer day", kind="event"
    )


def test_an_event_offering_comes_with_its_sessions_step_and_no_typed_sessions(acme, event_offering):
    with scope(organisation=acme.organisation):
        [step] = Dimension.objects.filter(offering=event_offering)
    assert step.source == "sessions"

    with pytest.raises(Conflict, match="come from the event's agenda"):
        services.option_create(dimension=step, actor=acme.organiser, name="A typed session")
    with pytest.raises(Conflict, match="sessions step stays"):
        services.dimension_delete(dimension=step, actor=acme.organiser)
    with pytest.raises(InvalidInput, match="comes with it"):
        services.dimension_create(
            offering=event_offering, actor=acme.organiser, name="More sessions", source="sessions"
        )


def test_the_editor_adds_steps_that_ask_what_belongs_to_the_person(acme, event_offering):
    client = client_for(acme.organiser)
    url = f"/o/acme/offerings/{event_offering.slug}/steps/"

    contact = client.post(url, {"name": "How to reach you", "asks": "contact", "min_picks": 0})
    second = client.post(url, {"name": "Again", "asks": "contact", "min_picks": 0})
    empty = client.post(url, {"name": "About you", "asks": "profile", "min_picks": 0})
    editor = client.get(f"/o/acme/offerings/{event_offering.slug}/edit/").content.decode()

    assert contact.status_code == 302
    assert second.status_code == 422
    assert "asks how to reach people already" in second.content.decode()
    assert empty.status_code == 422
    assert "Choose the profile questions this step asks." in empty.content.decode()
    assert "How to reach them: their contact preferences" in editor
    assert "Set up its agenda" in editor  # no agenda yet: the sessions step says where to go
    assert "Add an option" not in editor


def test_an_event_offering_made_in_the_editor_gets_its_agenda_from_there(acme, event_offering):
    client = client_for(acme.organiser)

    page = client.get(f"/o/acme/agenda/?offering={event_offering.slug}").content.decode()
    made = client.post(
        f"/o/acme/agenda/?offering={event_offering.slug}",
        {"offering": event_offering.slug, "topics": "Service design"},
    )

    assert "The agenda of Summer day" in page
    assert made.status_code == 302
    with scope(organisation=acme.organisation):
        event = Event.objects.get(offering=event_offering)
    assert (event.name, event.topics) == ("Summer day", ["Service design"])
    assert client.get(f"/o/acme/agenda/?offering={event_offering.slug}").status_code == 404
