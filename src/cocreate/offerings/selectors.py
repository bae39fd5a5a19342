"""Reads of offerings, designs and plans. Each enters the organisation's scope itself."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django_scopes import scope

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
from cocreate.organisations.models import Membership, ProfileField, Role
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
