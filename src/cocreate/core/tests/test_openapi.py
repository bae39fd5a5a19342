import re

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from openapi_spec_validator import validate

from cocreate.conftest import client_for


def test_the_schema_is_a_valid_openapi_3_document(db):
    schema = Client().get("/api/v1/openapi.json").json()

    validate(schema)
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/orgs/{org}/members" in schema["paths"]


def test_the_docs_load_every_asset_from_this_server(acme):
    response = client_for(acme.customer).get("/api/v1/docs")

    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert response.status_code == 200
    assert assets
    assert [a for a in assets if a.startswith(("http:", "https:", "//"))] == []
    for asset in assets:
        assert finders.find(asset.removeprefix(settings.STATIC_URL)), asset
