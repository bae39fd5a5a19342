"""The fixed cast every test shares: two organisations, each with one person per role.

Built through the real services, so a fixture never holds data the product could not make.
"""

import os
import re
from dataclasses import dataclass
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from altair.utils import schemapi
from django.db import connection
from django.test import Client
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.organisations import services
from cocreate.organisations.models import Membership, Organisation, Role

# pytest-django's live_server and Playwright share a thread with an event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "a-long-test-password"


def make_user(email: str, name: str = "", *, password: str | None = None) -> User:
    """A person with a verified email, as after sign-up and confirmation."""
    user = User.objects.create_user(email, password=password, name=name or email.split("@")[0])
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@dataclass
class Org:
    organisation: Organisation
    organiser: User
    staff: User
    partner: User
    customer: User

    def member(self, user: User) -> Membership:
        with scope(organisation=self.organisation):
            return Membership.objects.get(user=user)

    @property
    def slug(self) -> str:
        return self.organisation.slug


def make_org(slug: str, name: str, *, allow_self_join: bool = False) -> Org:
    organiser = make_user(f"organiser@{slug}.test", f"{name} organiser")
    organisation = services.organisation_create(
        creator=organiser, name=name, slug=slug, allow_self_join=allow_self_join
    )
    people = {}
    for role in (Role.STAFF, Role.PARTNER, Role.CUSTOMER):
        user = make_user(f"{role}@{slug}.test", f"{name} {role}")
        with scope(organisation=organisation):
            Membership.objects.create(organisation=organisation, user=user, role=role)
        people[role.value] = user
    return Org(organisation, organiser, **people)


@pytest.fixture
def acme(db) -> Org:
    return make_org("acme", "Acme Events", allow_self_join=True)


@pytest.fixture
def rival(db) -> Org:
    return make_org("rival", "Rival Bistro")


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _postgresql_only(request):
    """A test marked postgresql, selected on another database, fails saying so."""
    if request.node.get_closest_marker("postgresql") and connection.vendor != "postgresql":
        pytest.fail("This test needs PostgreSQL: run it through make test-postgres.")


@pytest.fixture(autouse=True)
def _charts_checked():
    """Pages skip Altair's Vega-Lite check for speed (core/charts.py); tests keep it."""
    with schemapi.debug_mode(True):
        yield


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, started the way this machine allows (no downloads, no sandbox)."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


def link_in(message: Any, path_start: str) -> str:
    """The path of the first link in an email that starts with `path_start`."""
    match = re.search(rf"https?://[^/\s]+({re.escape(path_start)}\S*)", str(message.body))
    assert match, f"No {path_start} link in: {message.body}"
    return match.group(1)
