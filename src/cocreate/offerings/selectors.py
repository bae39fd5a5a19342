"""Reads of offerings, designs and plans. Each enters the organisation's scope itself."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django_scopes import scope

from cocreate.engines import offerings as rules
from cocreate.offerings import engine
from cocreate.offerings.lifecycle import LIFECYCLE
from cocreate.offerings.models import (
    Choice,
    ChoiceStatus,
    Design,
    DesignVersion,
    Dimension,
    Offering,
    Option,
    Partner,
    Rule,
)
from cocreate.organisations.models import Membership, Organisation, ProfileField, Role
from cocreate.organisations.rules import Permission, allows

VISIBLE = [status for status, each in LIFECYCLE.items() if each.visible_to_customers]


def offerings_for(membership: Membership) -> QuerySet[Offering]:
    """Organisers see every offering; everyone else those past their draft."""
    with scope(organisation=membership.organisation_id):
        found = Offering.objects.all()
        if not allows(membership.role, Permission.MANAGE_OFFERINGS):
            found = found.filter(status__in=VISIBLE)
        return found.order_by("-created_at", "-id")


@dataclass(frozen=True)
class Step:
    dimension: Dimension
    options: list[Option]


def steps(offering: Offering) -> list[Step]:
    """The designer's steps in order, each with its options (three queries)."""
    with scope(organisation=offering.organisation_id):
        dimensions = list(Dimension.objects.filter(offering=offering).prefetch_related("questions"))
        options = list(
            Option.objects.filter(offering=offering)
            .select_related("partner")
            .order_by("position", "id")
        )
    return [Step(d, [o for o in options if o.dimension_id == d.pk]) for d in dimensions]


def profile_fields(offering: Offering) -> list[ProfileField]:
    with scope(organisation=offering.organisation_id):
        return list(ProfileField.objects.order_by("position", "id"))


def profile_step_questions(offering: Offering, dimension: Dimension) -> list[ProfileField]:
    """What a profile step asks: its questions, and the answers the offering's options look
    at (who may choose them), so the person sees and can correct what is used."""
    used = {e.field for o in engine.engine_offering(offering).options for e in o.eligibility}
    asked = {f.key for f in dimension.questions.all()} | used
    return [f for f in profile_fields(offering) if f.key in asked]


def rules_of(offering: Offering) -> list[Rule]:
    with scope(organisation=offering.organisation_id):
        return list(Rule.objects.filter(offering=offering))


def membership_of(offering: Offering, user_id: int) -> Membership | None:
    with scope(organisation=offering.organisation_id):
        return Membership.objects.filter(user_id=user_id).select_related("user").first()


def design_of(offering: Offering, membership: Membership) -> Design | None:
    with scope(organisation=offering.organisation_id):
        return Design.objects.filter(offering=offering, user_id=membership.user_id).first()


def plan_choices(design: Design) -> list[Choice]:
    """A submitted design's options: timed ones in time order, then the rest by step."""
    with scope(organisation=design.organisation_id):
        choices = list(
            Choice.objects.filter(design=design).select_related(
                "option__dimension", "option__partner"
            )
        )
    return sorted(
        choices,
        key=lambda c: (
            c.option.starts_at is None,
            c.option.starts_at or c.created_at,
            c.option.dimension.position,
            c.option.position,
        ),
    )


def hosted_options(offering: Offering, user_id: int) -> list[Option]:
    """What this person gives or hosts in the offering (their sessions), in time order."""
    with scope(organisation=offering.organisation_id):
        found = Option.objects.filter(offering=offering, hosts=user_id).select_related("dimension")
        return sorted(found, key=lambda o: (o.starts_at is None, o.starts_at, o.position))


def versions(design: Design) -> QuerySet[DesignVersion]:
    with scope(organisation=design.organisation_id):
        return DesignVersion.objects.filter(design=design).order_by("-number")


def waitlist_positions(choices: list[Choice]) -> dict[int, int]:
    """Each waitlisted choice's place in its option's line (1 is next), in one query."""
    waiting = {c.option_id for c in choices if c.status == ChoiceStatus.WAITLISTED}
    if not waiting:
        return {}
    with scope(organisation=choices[0].organisation_id):
        lines = Choice.objects.filter(
            option_id__in=waiting, status=ChoiceStatus.WAITLISTED
        ).order_by("created_at", "pk")
        places: dict[int, int] = {}
        positions = {}
        for choice_id, option_id in lines.values_list("pk", "option_id"):
            places[option_id] = places.get(option_id, 0) + 1
            positions[choice_id] = places[option_id]
    return {c.pk: positions[c.pk] for c in choices if c.pk in positions}


def partners(membership: Membership) -> QuerySet[Partner]:
    with scope(organisation=membership.organisation_id):
        return Partner.objects.prefetch_related("members__user").order_by("name")


def partners_acting(membership: Membership) -> list[Partner]:
    """The partners this person acts for (organisers act for all)."""
    with scope(organisation=membership.organisation_id):
        found = Partner.objects.all()
        if membership.role != Role.ORGANISER:
            found = found.filter(members=membership)
        return list(found)


def partner_choices(offering: Offering, membership: Membership) -> list[Choice]:
    """The customers' choices of options that this person's partners deliver."""
    acting = partners_acting(membership)
    with scope(organisation=offering.organisation_id):
        return list(
            Choice.objects.filter(option__offering=offering, option__partner__in=acting)
            .select_related("option", "design__user")
            .order_by("option__dimension__position", "option__position", "created_at")
        )


def offering_choices(offering: Offering) -> QuerySet[Choice]:
    with scope(organisation=offering.organisation_id):
        return Choice.objects.filter(option__offering=offering).select_related(
            "option__partner", "option__offering", "design__user"
        )


# What the organisation's overview tells each person to do next.

ACCEPTING = [status for status, each in LIFECYCLE.items() if each.accepts_designs]


@dataclass(frozen=True)
class DesignToDo:
    """An open offering this person still has to design."""

    offering: Offering
    chosen: bool  # they have chosen or answered something (submitted, or on the agenda)
    drafted: bool  # a draft in the designer, not submitted
    steps: list[str]  # the steps still short of what they need, in order


def designs_to_do(membership: Membership) -> list[DesignToDo]:
    """Open offerings this person has not designed, or whose design has steps still to do,
    as the rules engine says them ("too few", "answer missing") of what they chose. Two
    queries, whatever the number of offerings, once the engine's copy of each is kept."""
    user_id = membership.user_id
    with scope(organisation=membership.organisation_id):
        offerings = list(Offering.objects.filter(status__in=ACCEPTING).order_by("-created_at"))
        designs = {
            d.offering_id: d
            for d in Design.objects.filter(offering__status__in=ACCEPTING, user_id=user_id)
        }
        chosen: dict[int, list[int]] = {}
        for offering_id, option_id in Choice.objects.filter(
            design__in=designs.values()
        ).values_list("design__offering_id", "option_id"):
            chosen.setdefault(offering_id, []).append(option_id)
    found = []
    for offering in offerings:
        design = designs.get(offering.pk)
        answers = design.answers if design else {}
        drafted = bool(design and (design.draft_options or design.draft_answers))
        if offering.pk not in chosen and not any(str(v).strip() for v in answers.values()):
            found.append(DesignToDo(offering, chosen=False, drafted=drafted, steps=[]))
            continue
        compiled = engine.engine_offering(offering)
        picked = engine.selection(chosen.get(offering.pk, []), answers)
        names = {d.id: d.name for d in compiled.dimensions}
        short = [
            names[v.dimension]
            for v in rules.validate(compiled, picked, membership.profile, {})
            if v.code in engine.TODO_CODES and v.dimension in names
        ]
        if short:
            found.append(DesignToDo(offering, chosen=True, drafted=False, steps=short))
    return found


def upcoming_in_plan(membership: Membership, *, now: datetime) -> list[Option]:
    """The timed options in this person's plans that have not ended yet, soonest first:
    those they hold a seat in and those they host (one query)."""
    user_id = membership.user_id
    with scope(organisation=membership.organisation_id):
        mine = Q(choices__design__user_id=user_id, choices__status=ChoiceStatus.CONFIRMED)
        return list(
            Option.objects.filter(mine | Q(hosts=user_id), ends_at__gt=now)
            .filter(offering__status__in=VISIBLE)
            .select_related("offering")
            .distinct()
            .order_by("starts_at", "position", "id")
        )


@dataclass(frozen=True)
class FulfilmentDue:
    """Confirmed choices of one offering's options that a partner has still to deliver."""

    offering: Offering
    today: int  # the option's window is today
    overdue: int  # its window ended before today


def fulfilment_due(membership: Membership, *, now: datetime) -> list[FulfilmentDue]:
    """Per offering, the confirmed choices not fulfilled yet of the options this person's
    partners deliver (organisers: every partner's), whose window is today (in the site's
    time zone) or already past. Two queries."""
    today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    tomorrow = today + timedelta(days=1)
    with scope(organisation=membership.organisation_id):
        found = Choice.objects.filter(
            option__partner__isnull=False,
            status=ChoiceStatus.CONFIRMED,
            fulfilled_at__isnull=True,
            option__starts_at__lt=tomorrow,
            option__offering__status__in=VISIBLE,
        )
        if membership.role != Role.ORGANISER:
            found = found.filter(option__partner__members=membership)
        counts = {
            offering_id: (due_today, overdue)
            for offering_id, due_today, overdue in found.values("option__offering_id")
            .annotate(
                due_today=Count("pk", filter=Q(option__ends_at__gte=today)),
                overdue=Count("pk", filter=Q(option__ends_at__lt=today)),
            )
            .values_list("option__offering_id", "due_today", "overdue")
            .order_by()
        }
        offerings = Offering.objects.filter(pk__in=counts).order_by("name", "pk")
        return [FulfilmentDue(o, *counts[o.pk]) for o in offerings]


def options_near_capacity(organisation: Organisation | int, *, percent: int = 90) -> list[Option]:
    """Options of open offerings with a capacity whose seats are `percent` or more taken,
    and that have not taken place yet, fullest first, each with `waitlisted`: how many wait
    for a seat (one query)."""
    with scope(organisation=organisation):
        return list(
            Option.objects.filter(offering__status__in=ACCEPTING, capacity__gt=0)
            .exclude(ends_at__lte=timezone.now())
            .alias(margin=F("seats_taken") * 100 - F("capacity") * percent)
            .filter(margin__gte=0)
            .annotate(
                waitlisted=Count("choices", filter=Q(choices__status=ChoiceStatus.WAITLISTED))
            )
            .select_related("offering")
            .order_by("offering__name", "offering_id", F("capacity") - F("seats_taken"), "pk")
        )
