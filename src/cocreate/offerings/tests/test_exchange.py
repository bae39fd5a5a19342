"""Offerings travel as JSON: exported, imported as a new draft, exported again unchanged."""

import json

import pytest
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.core.errors import InvalidInput
from cocreate.offerings import services
from cocreate.offerings.models import Offering, Option


def test_export_import_export_gives_the_same_document(acme, unconference):
    exported = services.offering_export(unconference.offering)

    copy = services.offering_import(
        organisation=acme.organisation, actor=acme.organiser, document=exported, slug="copy"
    )

    again = services.offering_export(copy)
    assert again == {**exported, "slug": "copy"}
    assert copy.status == "draft"
    assert len(exported["steps"]) == 3
    assert exported["rules"] == [
        {
            "kind": "requires",
            "options": ["design-thinking-workshop", "in-person"],
            "k": 0,
            "label": "The workshop is hands-on: come in person",
        }
    ]


def test_an_organiser_downloads_and_uploads_an_offering(acme, unconference):
    client = client_for(acme.organiser)
    download = client.get(f"/o/acme/offerings/{unconference.offering.slug}/export.json")
    assert download["Content-Disposition"] == 'attachment; filename="cx-un-conference.json"'

    upload = client.post(
        "/o/acme/offerings/import/",
        {"document": _file(download.content), "slug": "second-edition"},
    )

    assert upload["Location"] == "/o/acme/offerings/second-edition/edit/"


@pytest.mark.parametrize(
    ("mangle", "reason"),
    [
        (lambda d: d.update(format="something-else"), "This is not a Cocreate offering"),
        (
            lambda d: d["steps"][0]["options"][0].update(capacity=-3),
            "capacity: It cannot be negative.",
        ),
        (lambda d: d["rules"][0].update(options=["ghost", "in-person"]), "unknown options: ghost"),
        (lambda d: d["steps"][0]["options"][1].update(key="in-person"), "is used twice"),
        (lambda d: d["steps"][0].pop("name"), "Give the step a name."),
    ],
)
def test_a_bad_document_is_refused_whole(acme, unconference, mangle, reason):
    document = services.offering_export(unconference.offering)
    mangle(document)
    with pytest.raises(InvalidInput, match=reason):
        services.offering_import(
            organisation=acme.organisation, actor=acme.organiser, document=document, slug="bad"
        )
    with scope(organisation=acme.organisation):
        assert not Offering.objects.filter(slug="bad").exists()
        assert Option.objects.count() == 6


def test_a_file_that_is_not_json_is_a_form_error(acme):
    response = client_for(acme.organiser).post(
        "/o/acme/offerings/import/", {"document": _file(b"\xff\xfe not json")}
    )
    assert response.status_code == 422
    assert "This is not a JSON file" in response.content.decode()


def _file(content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("offering.json", content, content_type="application/json")


def test_the_api_exports_and_imports_too(acme, unconference):
    client = client_for(acme.organiser)
    exported = client.get(f"/api/v1/orgs/acme/offerings/{unconference.offering.slug}/export").json()

    created = client.post(
        "/api/v1/orgs/acme/offerings/import",
        data=json.dumps({"document": exported, "slug": "via-api"}),
        content_type="application/json",
    )

    assert created.status_code == 201
    assert created.json()["slug"] == "via-api"
