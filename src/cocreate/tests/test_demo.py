from collections import Counter

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django_scopes import scope

from cocreate.accounts.models import Channel, ContactPreferences
from cocreate.accounts.services import account_update
from cocreate.demo import people
from cocreate.engines.profiles import clean_answers
from cocreate.listening.models import Feedback, RatingRequest
from cocreate.offerings.models import Choice, Offering, Option
from cocreate.organisations import services
from cocreate.organisations.models import Membership, Organisation, ProfileField


@pytest.fixture(scope="module")
def loaded_demo(django_db_setup, django_db_blocker):
    """The full demo, loaded once for the tests that only read it (it takes half a
    minute), then flushed as a transactional test would be."""
    with django_db_blocker.unblock():
        call_command("demo", verbosity=0)
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def demo(loaded_demo, db):
    return Organisation.objects.get(slug=people.SLUG)


def test_it_loads_the_cx_unconference_with_its_cast(demo):
    with scope(organisation=demo):
        roles = Counter(Membership.objects.values_list("role", flat=True))

    assert roles == {"organiser": 2, "staff": 10, "partner": 3, "customer": 300}


def test_every_profile_and_contact_preference_passes_the_products_own_checks(demo):
    specs = services.field_specs(demo)
    with scope(organisation=demo):
        profiles = list(Membership.objects.values_list("user__email", "profile"))
    invalid_profiles = {email: clean_answers(specs, profile)[1] for email, profile in profiles}
    invalid_profiles = {email: errors for email, errors in invalid_profiles.items() if errors}

    for preferences in ContactPreferences.objects.select_related("user"):
        account_update(  # raises if a demo address would be refused
            user=preferences.user,
            name=preferences.user.name,
            preferred_channel=preferences.preferred_channel,
            phone=preferences.phone,
            social_network=preferences.social_network,
            social_handle=preferences.social_handle,
            webhook_url=preferences.webhook_url,
        )

    assert invalid_profiles == {}


def test_profiles_and_channels_are_varied(demo):
    with scope(organisation=demo):
        profiles = [
            p for p in Membership.objects.filter(role="customer").values_list("profile", flat=True)
        ]
    industries = {p["industry"] for p in profiles}
    channels = set(ContactPreferences.objects.values_list("preferred_channel", flat=True))

    assert len(industries) >= 8
    assert channels == set(Channel.values)
    assert 0 < sum("goals" in p for p in profiles) < len(profiles)


def test_the_printed_logins_work(demo, capsys):
    call_command("demo")
    printed = capsys.readouterr().out

    for role, email in people.LOGINS:
        assert email in printed
        user = authenticate(email=email, password=people.DEMO_PASSWORD)
        assert user is not None
        with scope(organisation=demo):
            assert Membership.objects.get(user=user).role == role


def test_the_un_conference_is_one_event_whose_designs_are_what_people_attend(demo):
    with scope(organisation=demo):
        event = Offering.objects.get(slug="unconference")
        sessions = Option.objects.filter(offering=event, dimension__source="sessions")
        accepted = event.agenda.proposals.filter(status="accepted")
        chosen = Choice.objects.filter(option__in=sessions)
        steps = {d.source for d in event.dimensions.all()}
        scoped = dict(ProfileField.objects.values_list("key", "asked_of_everyone"))

    # The offering's sessions are the agenda's: one option for each accepted proposal,
    # scheduled in a room, and chosen (with must or like) by the attendees.
    assert sessions.count() == accepted.count() >= 80
    assert set(accepted.values_list("option", flat=True)) == set(
        sessions.values_list("pk", flat=True)
    )
    assert not sessions.filter(starts_at__isnull=True).exists()
    assert not sessions.filter(location="").exists()
    assert chosen.filter(weight="must").exists()
    assert chosen.filter(weight="like").count() > chosen.filter(weight="must").count()
    assert {"sessions", "talk", "contact", "profile"} <= steps
    # The car service keeps its own question: un-conference attendees are not asked it.
    assert scoped["owners_club"] is False
    assert scoped["interests"] is True


def test_a_day_of_session_ratings_has_happened(demo):
    with scope(organisation=demo):
        asked = RatingRequest.objects.count()
        answered = Feedback.objects.filter(source="rating")

    assert asked > 500
    assert 0.3 < answered.count() / asked < 0.7
    assert answered.exclude(text="").exists()
