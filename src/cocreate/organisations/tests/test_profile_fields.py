import re

import pytest
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.organisations import services
from cocreate.organisations.models import AuditEntry, Membership, ProfileField
from cocreate.organisations.tests.conftest import answer_in_an_offering

URL = "/o/acme/profile-fields/"


def fields(acme) -> list[tuple[str, str]]:
    with scope(organisation=acme.organisation):
        return list(ProfileField.objects.values_list("key", "label"))


def test_an_organiser_adds_questions_in_order(acme):
    client = client_for(acme.organiser)

    client.post(URL, {"label": "Job title", "key": "job", "kind": "text"})
    client.post(
        URL,
        {"label": "Topics", "key": "topics", "kind": "multi_choice", "choices": "Maps\nMetrics\n"},
    )

    assert fields(acme) == [("job", "Job title"), ("topics", "Topics")]
    with scope(organisation=acme.organisation):
        assert ProfileField.objects.get(key="topics").choices == ["Maps", "Metrics"]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"label": "Size", "key": "size", "kind": "single_choice", "choices": "Only"},
            "choices",
            "two choices",
        ),
        (
            {"label": "Job", "key": "job", "kind": "text", "choices": "A\nB"},
            "choices",
            "Only choice fields",
        ),
        ({"label": "Job", "key": "job title", "kind": "text"}, "key", "valid"),
        ({"label": "", "key": "job", "kind": "text"}, "label", "required"),
    ],
)
def test_bad_definitions_are_form_errors(acme, data, field, message):
    response = client_for(acme.organiser).post(URL, data)

    assert message in str(response.context["form"].errors[field])
    assert fields(acme) == []


def test_a_key_is_used_once(acme):
    client = client_for(acme.organiser)
    client.post(URL, {"label": "Job", "key": "job", "kind": "text"})

    response = client.post(URL, {"label": "Work", "key": "job", "kind": "text"})

    assert "already uses this key" in str(response.context["form"].errors["key"])


def test_questions_are_edited_moved_and_deleted_with_their_answers(acme):
    job = services.profile_field_create(
        organisation=acme.organisation, actor=acme.organiser, key="job", label="Job", kind="text"
    )
    services.profile_field_create(
        organisation=acme.organisation, actor=acme.organiser, key="city", label="City", kind="text"
    )
    services.profile_update(
        membership=acme.member(acme.customer), answers={"job": "Chef", "city": "Oslo"}
    )
    client = client_for(acme.organiser)

    client.post(f"{URL}{job.pk}/", {"label": "Job title", "help_text": "", "choices": ""})
    client.post(f"{URL}{job.pk}/move/", {})  # down
    client.post(f"{URL}{job.pk}/delete/")

    assert fields(acme) == [("city", "City")]
    assert acme.member(acme.customer).profile == {"city": "Oslo"}


def test_moving_answers_htmx_with_the_table(acme):
    services.profile_field_create(
        organisation=acme.organisation, actor=acme.organiser, key="a", label="A", kind="text"
    )
    b = services.profile_field_create(
        organisation=acme.organisation, actor=acme.organiser, key="b", label="B", kind="text"
    )

    response = client_for(acme.organiser).post(
        f"{URL}{b.pk}/move/", {"up": "1"}, headers={"HX-Request": "true"}
    )

    assert "<table" in response.content.decode()
    assert [k for k, _ in fields(acme)] == ["b", "a"]


def test_the_api_manages_questions_and_members_read_them(acme):
    organiser = client_for(acme.organiser)
    created = organiser.post(
        "/api/v1/orgs/acme/profile-fields",
        {
            "key": "size",
            "label": "Size",
            "kind": "single_choice",
            "choices": ["S", "L"],
            "required": True,
        },
        content_type="application/json",
    )
    field_id = created.json()["id"]
    patched = organiser.patch(
        f"/api/v1/orgs/acme/profile-fields/{field_id}",
        {"choices": ["S", "M", "L"]},
        content_type="application/json",
    )
    seen_by_customer = client_for(acme.customer).get("/api/v1/orgs/acme/profile-fields")
    bad_required = organiser.patch(
        f"/api/v1/orgs/acme/profile-fields/{field_id}",
        {"required": "yes"},
        content_type="application/json",
    )

    assert created.status_code == 201
    assert patched.json()["choices"] == ["S", "M", "L"]
    assert [f["key"] for f in seen_by_customer.json()] == ["size"]
    assert bad_required.status_code == 422
    with scope(organisation=acme.organisation):
        assert ProfileField.objects.get().required is True
    with scope(organisation=acme.organisation):
        assert Membership.objects.count() == 4


def asked_field(acme, key) -> ProfileField:
    with scope(organisation=acme.organisation):
        return ProfileField.objects.get(key=key)


def asked_of(acme) -> dict[str, bool]:
    with scope(organisation=acme.organisation):
        return dict(ProfileField.objects.values_list("key", "asked_of_everyone"))


def test_a_new_question_is_asked_of_everyone_unless_the_organiser_unticks_it(acme):
    client = client_for(acme.organiser)

    form = client.get(URL).context["form"]
    job = {"label": "Job", "key": "job", "kind": "text", "asked_of_everyone": "on"}
    for_everyone = client.post(URL, job, follow=True)
    club = {"label": "Club", "key": "club", "kind": "single_choice", "choices": "Yes\nNo"}
    for_offerings = client.post(URL, club, follow=True)

    assert form["asked_of_everyone"].value() is True
    assert asked_of(acme) == {"job": True, "club": False}
    assert "Members can now answer “Job” on their profile." in for_everyone.content.decode()
    assert "Offerings can now ask “Club”." in for_offerings.content.decode()


def test_the_list_says_whom_each_question_is_asked_of(asked):
    page = client_for(asked.organiser).get(URL).content.decode()

    rows = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S) for row in page.split("<tr>")[1:]]
    assert [re.sub(r"<[^>]+>", "", row[3]) for row in rows] == [
        "Asked of",
        "Everyone",
        "Everyone",
        "Only in offerings",
    ]


def test_an_organiser_asks_a_question_only_in_offerings_then_of_everyone_again(asked):
    club = asked_field(asked, "club")
    answer_in_an_offering(asked, asked.customer, {"club": "Yes"})
    client = client_for(asked.organiser)
    edit = f"{URL}{club.pk}/"

    form = client.get(edit).context["form"]
    client.post(edit, {"label": club.label, "choices": "Yes\nNo", "asked_of_everyone": "on"})
    on_the_profile_page = list(client_for(asked.staff).get("/o/acme/profile/").context["form"])
    client.post(edit, {"label": club.label, "choices": "Yes\nNo"})

    assert form["asked_of_everyone"].value() is False
    assert [f.name for f in on_the_profile_page] == ["job", "city", "club"]
    assert asked_of(asked)["club"] is False
    assert asked.member(asked.customer).profile == {"club": "Yes"}
    with scope(organisation=asked.organisation):
        actions = list(
            AuditEntry.objects.filter(target=club.label).values_list("action", flat=True)
        )
    assert actions == ["profile_field.updated", "profile_field.updated", "profile_field.created"]


def test_the_api_says_and_changes_whom_a_question_is_asked_of(acme):
    organiser = client_for(acme.organiser)
    fields = "/api/v1/orgs/acme/profile-fields"

    everyone = organiser.post(
        fields, {"key": "job", "label": "Job", "kind": "text"}, content_type="application/json"
    )
    offerings_only = organiser.post(
        fields,
        {"key": "club", "label": "Club", "kind": "text", "asked_of_everyone": False},
        content_type="application/json",
    )
    club = f"{fields}/{offerings_only.json()['id']}"
    patched = organiser.patch(club, {"asked_of_everyone": True}, content_type="application/json")
    refused = organiser.patch(club, {"asked_of_everyone": "no"}, content_type="application/json")

    assert everyone.json()["asked_of_everyone"] is True
    assert offerings_only.json()["asked_of_everyone"] is False
    assert patched.json()["asked_of_everyone"] is True
    assert refused.status_code == 422
    assert asked_of(acme) == {"job": True, "club": True}
