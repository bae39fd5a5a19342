import pytest
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.organisations import services
from cocreate.organisations.models import Membership, ProfileField

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
