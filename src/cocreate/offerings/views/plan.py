"""A person's one plan of an offering: everything they chose and were given (for an event:
their sessions at their times and rooms, the sessions they host, how they take part, what
they eat), what still clashes, how they are reached; printable and in their calendar."""

from dataclasses import dataclass, replace

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from cocreate.accounts.selectors import contact_preferences
from cocreate.core.access import public_page
from cocreate.core.errors import ServiceError
from cocreate.offerings import selectors, services
from cocreate.offerings.calendar import person_calendar
from cocreate.offerings.lifecycle import state
from cocreate.offerings.models import Choice, ChoiceStatus, Offering, Option, StepSource
from cocreate.offerings.views import lookup
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


@dataclass(frozen=True)
class Entry:
    """One timed item of the plan: an option chosen (with its waitlist place) or hosted."""

    option: Option
    choice: Choice | None
    position: int | None
    hosting: bool
    hosting_then: str = ""  # a session they host at the same time, if any

    @property
    def over(self) -> bool:
        return self.option.ends_at is not None and self.option.ends_at <= timezone.now()


@org_page(Permission.DESIGN_EXPERIENCE)
def my_plan(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    design = selectors.design_of(found, request.membership)
    choices = selectors.plan_choices(design) if design else []
    positions = selectors.waitlist_positions(choices)
    hosted = selectors.hosted_options(found, request.user.pk)
    chosen = {c.option_id for c in choices}
    hosting = {o.pk for o in hosted}
    timed = [
        Entry(c.option, c, positions.get(c.pk), c.option_id in hosting)
        for c in choices
        if c.option.starts_at
    ] + [Entry(o, None, None, True) for o in hosted if o.starts_at and o.pk not in chosen]
    ordered = [
        replace(entry, hosting_then=_hosting_then(entry, hosted))
        for entry in sorted(timed, key=lambda e: (e.option.starts_at, e.option.position))
    ]
    check = (
        services.design_check(
            offering=found,
            membership=request.membership,
            options=sorted(chosen),
            answers=design.answers,
            repairs="none",
        )
        if design and (chosen or design.answers)
        else None
    )
    context = {
        "offering": found,
        "design": design,
        "has_plan": bool(choices or hosted or (design and design.answers)),
        "timeline": [e for e in ordered if not e.over],
        "over": [e for e in ordered if e.over],
        "unscheduled": [
            c
            for c in choices
            if not c.option.starts_at and c.option.dimension.source == StepSource.SESSIONS
        ],
        "others": [
            (c, positions.get(c.pk))
            for c in choices
            if not c.option.starts_at and c.option.dimension.source != StepSource.SESSIONS
        ],
        "hosted_unscheduled": [o for o in hosted if not o.starts_at and o.pk not in chosen],
        "waitlisted": ChoiceStatus.WAITLISTED,
        "clashes": check.conflicts if check else [],
        "todo": check.todo if check and design and not design.submitted_at else [],
        "cost": sum((c.option.cost for c in choices), start=0),
        "answers": _answers(found, design.answers if design else {}),
        "versions": list(selectors.versions(design)) if design else [],
        "can_change": state(found.status).accepts_designs,
        "contact": contact_preferences(request.user),
        "feed_url": request.session.pop("feed_url", None),
    }
    return render(request, "offerings/plan.html", context)


def _hosting_then(entry: Entry, hosted: list[Option]) -> str:
    """A session the person hosts while this, which they chose, takes place."""
    if entry.hosting:
        return ""
    start, end = entry.option.starts_at, entry.option.ends_at
    return next(
        (
            o.name
            for o in hosted
            if o.starts_at
            and o.ends_at
            and start
            and end
            and o.starts_at < end
            and start < o.ends_at
        ),
        "",
    )


def _answers(offering: Offering, answers: dict[str, str]) -> list[tuple[str, str]]:
    steps = {str(s.dimension.pk): s.dimension.name for s in selectors.steps(offering)}
    return [(steps[k], v) for k, v in answers.items() if k in steps and v]


@org_page(Permission.DESIGN_EXPERIENCE)
def my_plan_ics(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    response = HttpResponse(
        person_calendar(found, request.membership), content_type="text/calendar"
    )
    response["Content-Disposition"] = f'attachment; filename="{found.slug}.ics"'
    return response


@org_page(Permission.DESIGN_EXPERIENCE, methods=["POST"])
def plan_feed_renew(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    token = services.feed_token_renew(offering=found, user=request.user)
    # Shown once, on the next page: only its digest is kept.
    request.session["feed_url"] = settings.SITE_URL.rstrip("/") + reverse("plan_feed", args=[token])
    return redirect("my_plan", request.organisation.slug, found.slug)


@public_page
def plan_feed(request: HttpRequest, token: str) -> HttpResponse:
    """A calendar app's view of one person's plan; the secret in the address is the key."""
    subscription = services.feed_for_token(token)
    if subscription is None:
        raise Http404(_("No such calendar."))
    offering = subscription.offering
    with scope(organisation=offering.organisation_id):
        membership = selectors.membership_of(offering, subscription.user_id)
        if membership is None:  # they left the organisation: the address stops working
            raise Http404(_("No such calendar."))
        body = person_calendar(offering, membership)
    return HttpResponse(body, content_type="text/calendar")


@org_page(Permission.DESIGN_EXPERIENCE, methods=["POST"])
def my_plan_withdraw(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    try:
        services.design_withdraw(offering=found, membership=request.membership)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your design is withdrawn; your seats went to the waitlist."))
    return redirect("my_plan", request.organisation.slug, found.slug)
