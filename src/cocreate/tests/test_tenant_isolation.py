"""Tenant isolation, proven over every route there is.

The test walks all URL patterns and all API operations, so a route added later is covered
without editing this file. It fails when a route declares no access rule, when it has a
URL parameter this file cannot fill with another organisation's object, when a member of
one organisation gets anything but 404 for the other's objects, and when a customer
reaches an action their role does not allow.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django_scopes import scope

from cocreate.accounts import services as account_services
from cocreate.accounts.models import User
from cocreate.agenda import services as agenda_services
from cocreate.agenda.tests.conftest import build_event, draft_of, plan
from cocreate.api import api
from cocreate.conftest import Org, client_for
from cocreate.core.access import ACCESS_ATTRIBUTE, METHODS_ATTRIBUTE, PERSONAL, PUBLIC
from cocreate.ideas.tests.conftest import isolation_values as ideas_values
from cocreate.listening.tests.conftest import isolation_values as listening_values
from cocreate.messaging import services as messaging
from cocreate.messaging.models import WebhookDelivery
from cocreate.offerings import services as offering_services
from cocreate.offerings.models import Choice, Rule
from cocreate.offerings.tests.conftest import build_unconference
from cocreate.organisations import services
from cocreate.organisations.models import Role
from cocreate.organisations.rules import Permission, allows

# Routes that hold no organisation data, with the reason.
EXEMPT_PREFIXES = {
    "accounts/": "django-allauth's sign-in, sign-up and password pages",
    "admin/": "the Django admin, for superusers only",
    "static/": "static files",
}
EXEMPT_API_ROUTES = {"api/v1/openapi.json", "api/v1/docs"}


def parameter_values(org: Org) -> dict[str, Any]:
    """One object of each kind in `org`, by the URL parameter that names it.

    A route with a parameter missing here fails the walk: add the object it names.
    """
    invitation = services.invitation_create(
        organisation=org.organisation,
        invited_by=org.organiser,
        email=f"invitee@{org.slug}.test",
        role=Role.STAFF,
    )
    field = services.profile_field_create(
        organisation=org.organisation, actor=org.organiser, key="diet", label="Diet", kind="text"
    )
    token, _ = account_services.api_token_create(user=org.customer, name="A token")
    message = messaging.notify(
        recipient=org.customer, organisation=org.organisation, kind="welcome"
    )
    endpoint = messaging.endpoint_create(
        organisation=org.organisation,
        actor=org.organiser,
        url="https://hooks.example.org/in",
        events_chosen=["member.joined"],
    )
    messaging.emit(organisation=org.organisation, event="member.joined", data={})
    with scope(organisation=org.organisation):
        delivery = WebhookDelivery.objects.get()
    offering = build_unconference(org)
    offering_services.design_submit(
        offering=offering.offering,
        membership=org.member(org.customer),
        options=[str(offering.panel.pk), str(offering.in_person.pk)],
        answers={},
    )
    partner = offering_services.partner_save(
        organisation=org.organisation, actor=org.organiser, name="Partner", member_ids=[]
    )
    with scope(organisation=org.organisation):
        choice = Choice.objects.filter(option=offering.panel).get()
        rule = Rule.objects.get(offering=offering.offering)
    agenda = build_event(org)
    constraint = agenda_services.constraint_add(
        event=agenda.event,
        actor=org.organiser,
        kind="apart",
        proposal=agenda.journeys,
        other=agenda.metrics,
    )
    run = plan(agenda, org.organiser, seconds=1)
    return {
        "org": org.slug,
        "membership_id": org.member(org.customer).pk,
        "invitation_id": invitation.pk,
        "field_id": field.pk,
        "token_id": token.pk,
        "message_id": message.pk,
        "endpoint_id": endpoint.pk,
        "delivery_id": delivery.pk,
        "offering": offering.offering.slug,
        "dimension_id": offering.sessions.pk,
        "step_id": offering.sessions.pk,
        "option_id": offering.panel.pk,
        "rule_id": rule.pk,
        "choice_id": choice.pk,
        "partner_id": partner.pk,
        "event": agenda.event.slug,
        "room_id": agenda.big.pk,
        "proposal_id": agenda.journeys.pk,
        "constraint_id": constraint.pk,
        "run_id": run.pk,
        "schedule_id": draft_of(run).pk,
        # ideas: idea_id, comparison_id, job_id, outcome_id, survey_id, challenge_id
        **ideas_values(org),
        # listening: phase_id, touchpoint_id, form_id, question_id, import_id, theme_run_id,
        # conversation_id, request_id
        **listening_values(org),
        # Not objects: names every organisation shares, or a secret nobody can guess.
        "kind": "welcome",
        "token": "inv_not-a-real-token",
    }


NOT_OBJECTS = {"org", "kind", "token"}


@dataclass
class Route:
    path: str  # with <name> or {name} placeholders
    methods: list[str]
    access: str | None
    body: Any = None

    def url(self, values: dict[str, Any]) -> str:
        path = self.path
        for name, value in values.items():
            for placeholder in (f"<{name}>", f"{{{name}}}"):
                path = path.replace(placeholder, str(value))
        return "/" + path

    @property
    def parameters(self) -> list[str]:
        names = []
        for piece in self.path.replace("{", "<").split("<")[1:]:
            names.append(piece.split(">")[0].split("}")[0].split(":")[-1])
        return names


def page_routes() -> Iterator[Route]:
    def walk(patterns: list[Any], prefix: str) -> Iterator[Route]:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                if route.startswith("api/"):
                    continue  # walked through the OpenAPI schema below
                if any(route.startswith(p) for p in EXEMPT_PREFIXES):
                    continue
                access = getattr(pattern.callback, ACCESS_ATTRIBUTE, None)
                methods = getattr(pattern.callback, METHODS_ATTRIBUTE, ["GET", "POST"])
                yield Route(_plain(route), list(methods), access)

    yield from walk(get_resolver().url_patterns, "")


def _plain(route: str) -> str:
    """'o/<slug:org>/members/<int:membership_id>/' -> 'o/<org>/members/<membership_id>/'."""
    out = []
    for piece in route.split("<"):
        if ">" in piece:
            name, rest = piece.split(">", 1)
            out.append("<" + name.split(":")[-1] + ">" + rest)
        else:
            out.append(piece)
    return "".join(out)


def api_routes() -> Iterator[Route]:
    schema = api.get_openapi_schema()
    components = schema.get("components", {}).get("schemas", {})
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            body = None
            content = operation.get("requestBody", {}).get("content", {})
            if content:
                ref = content["application/json"]["schema"]["$ref"].split("/")[-1]
                examples = components[ref].get("examples")
                assert examples, f"{method.upper()} {path}: its body schema {ref} has no example"
                body = examples[0]
            yield Route(
                path.lstrip("/"), [method.upper()], operation.get("x-cocreate-access"), body
            )


def all_routes() -> list[Route]:
    return [*page_routes(), *api_routes()]


def request(client: Client, route: Route, method: str, url: str) -> int:
    if method == "GET":
        return client.get(url).status_code
    kwargs: dict[str, Any] = {}
    if route.body is not None:
        kwargs = {"data": route.body, "content_type": "application/json"}
    return getattr(client, method.lower())(url, **kwargs).status_code


def _allowed(role: Role, access: str | None) -> bool:
    assert access is not None
    return access in (PUBLIC, PERSONAL) or allows(role, Permission(access))


def test_every_route_declares_who_may_reach_it(db):
    undeclared = [f"{', '.join(r.methods)} /{r.path}" for r in all_routes() if r.access is None]
    assert undeclared == []


def test_every_route_parameter_is_known_to_this_test(rival):
    known = parameter_values(rival)
    unknown = {f"/{r.path}: {name}" for r in all_routes() for name in r.parameters} - {
        f"/{r.path}: {name}" for r in all_routes() for name in r.parameters if name in known
    }
    assert unknown == set(), "Add an object for each to parameter_values()"


@pytest.mark.parametrize("as_role", [Role.ORGANISER, Role.CUSTOMER])
def test_a_member_gets_404_for_every_object_of_another_organisation(acme, rival, as_role):
    """Under the other organisation's address, and under their own with the other's ids.

    Under their own address a role without the permission gets 403 before any object is
    looked up: the same answer for every id, so it tells nothing about the other's data.
    """
    intruder: User = getattr(acme, as_role.value)
    client = client_for(intruder)
    other_values = parameter_values(rival)
    leaks = []
    for route in all_routes():
        if route.access == PUBLIC or not route.parameters:
            continue
        theirs = {name: other_values[name] for name in route.parameters}
        attempts = [(theirs, 404)]
        if "org" in theirs and set(theirs) - NOT_OBJECTS:
            own_org_answer = 404 if _allowed(as_role, route.access) else 403
            attempts.append(({**theirs, "org": acme.slug}, own_org_answer))
        for values, expected in attempts:
            for method in route.methods:
                url = route.url(values)
                status = request(client, route, method, url)
                if status != expected:
                    leaks.append(f"{method} {url} -> {status}, expected {expected}")
    assert not leaks, "\n".join(leaks)


def test_a_customer_cannot_reach_what_their_role_does_not_allow(acme):
    """Every organisation route that customers may not use answers them 403."""
    client = client_for(acme.customer)
    own_values = parameter_values(acme)
    reached = []
    checked = 0
    for route in all_routes():
        if _allowed(Role.CUSTOMER, route.access):
            continue
        values = {name: own_values[name] for name in route.parameters}
        for method in route.methods:
            status = request(client, route, method, route.url(values))
            checked += 1
            if status != 403:
                reached.append(f"{method} {route.url(values)} -> {status}")
    assert not reached, "\n".join(reached)
    assert checked > 20  # the walk found the organiser-only routes


def test_anonymous_visitors_reach_no_organisation_data(rival):
    client = Client()
    other_values = parameter_values(rival)
    reached = []
    for route in all_routes():
        if route.access == PUBLIC:
            continue
        values = {name: other_values[name] for name in route.parameters}
        for method in route.methods:
            status = request(client, route, method, route.url(values))
            if status not in (302, 401, 404):
                reached.append(f"{method} {route.url(values)} -> {status}")
    assert not reached, "\n".join(reached)
