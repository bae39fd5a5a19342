import pytest

from cocreate.accounts.models import Channel, ContactPreferences
from cocreate.conftest import client_for, make_user

URL = "/me/settings/"


@pytest.fixture
def ada(db):
    return make_user("ada@example.org", "Ada")


def settings_form(**changes):
    return {"name": "Ada Lovelace", "preferred_channel": "email", **changes}


def test_it_saves_the_name_and_the_preferred_channel_with_its_address(ada):
    client = client_for(ada)

    response = client.post(URL, settings_form(preferred_channel="sms", phone="+44 7911 123456"))

    assert response.status_code == 302
    ada.refresh_from_db()
    assert ada.name == "Ada Lovelace"
    preferences = ContactPreferences.objects.get(user=ada)
    assert (preferences.preferred_channel, preferences.phone) == (Channel.SMS, "+447911123456")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"preferred_channel": "sms"}, "phone", "Needed to reach you"),
        ({"phone": "12345"}, "phone", "international form"),
        ({"phone": "+44 1234"}, "phone", "not a valid phone number"),
        ({"preferred_channel": "webhook", "webhook_url": "ftp://x"}, "webhook_url", "https://"),
        ({"preferred_channel": "social", "social_handle": "@ada"}, "social_network", "Needed"),
        ({"name": " "}, "name", "This field is required"),
        ({"preferred_channel": "pigeon"}, "preferred_channel", "Select a valid choice"),
    ],
)
def test_bad_contact_details_are_form_errors_and_nothing_is_saved(ada, changes, field, message):
    client = client_for(ada)

    response = client.post(URL, settings_form(**changes))

    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    ada.refresh_from_db()
    assert ada.name == "Ada"
    assert not ContactPreferences.objects.filter(user=ada).exists()


def test_the_page_shows_the_saved_preferences(ada):
    client = client_for(ada)
    client.post(
        URL,
        settings_form(preferred_channel="social", social_network="Mastodon", social_handle="@ada"),
    )

    form = client.get(URL).context["form"]

    assert form.initial["preferred_channel"] == "social"
    assert form.initial["social_handle"] == "ada"
