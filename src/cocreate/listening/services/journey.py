"""The journey: the phases of the customer experience cycle and the touchpoints in each,
and which profile answer counts as a customer's segment."""

from django.db import transaction
from django.db.models import Max
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.listening.models import (
    DEFAULT_PHASES,
    Feedback,
    ListeningSettings,
    Phase,
    Touchpoint,
)
from cocreate.organisations import audit
from cocreate.organisations.models import FieldKind, Organisation, ProfileField


def _name(value: str, limit: int, what: str) -> str:
    value = " ".join(value.split())
    if not value or len(value) > limit:
        message = f"Give the {what} a name of 1 to {limit} characters."
        raise InvalidInput(message, fields={"name": [message]})
    return value


def journey_start_default(*, organisation: Organisation, actor: User | None) -> list[Phase]:
    """Create the default cycle (discover, choose, buy, use, get help, stay or leave),
    each phase with a touchpoint of the same name, unless the journey has phases."""
    with transaction.atomic(), scope(organisation=organisation):
        if Phase.objects.exists():
            raise Conflict("The journey has phases already: add or rename them instead.")
        phases = [
            Phase.objects.create(organisation=organisation, name=name, position=position)
            for position, name in enumerate(DEFAULT_PHASES)
        ]
        for phase in phases:
            Touchpoint.objects.create(organisation=organisation, phase=phase, name=phase.name)
        audit.record(
            organisation=organisation,
            actor=actor,
            action="journey.started",
            target="the default customer experience cycle",
        )
    return phases


def phase_create(*, organisation: Organisation, actor: User, name: str) -> Phase:
    name = _name(name, 60, "phase")
    with transaction.atomic(), scope(organisation=organisation):
        if Phase.objects.filter(name__iexact=name).exists():
            raise Conflict(
                f"There is a phase called “{name}” already.", fields={"name": ["Taken."]}
            )
        last = Phase.objects.aggregate(last=Max("position"))["last"]
        phase = Phase.objects.create(
            organisation=organisation, name=name, position=0 if last is None else last + 1
        )
        audit.record(organisation=organisation, actor=actor, action="phase.created", target=name)
    return phase


def phase_rename(*, phase: Phase, actor: User, name: str) -> Phase:
    name = _name(name, 60, "phase")
    with transaction.atomic(), scope(organisation=phase.organisation_id):
        taken = Phase.objects.filter(name__iexact=name).exclude(pk=phase.pk)
        if taken.exists():
            raise Conflict(
                f"There is a phase called “{name}” already.", fields={"name": ["Taken."]}
            )
        before, phase.name = phase.name, name
        phase.save(update_fields=["name"])
        audit.record(
            organisation=phase.organisation,
            actor=actor,
            action="phase.renamed",
            target=name,
            before=before,
        )
    return phase


def phase_move(*, phase: Phase, actor: User, by: int) -> None:
    """Move a phase earlier (by = -1) or later (by = 1) in the cycle."""
    if by not in (-1, 1):
        raise InvalidInput("Move a phase one place earlier or later.")
    with transaction.atomic(), scope(organisation=phase.organisation_id):
        phases = list(Phase.objects.select_for_update().order_by("position", "id"))
        index = next(i for i, p in enumerate(phases) if p.pk == phase.pk)
        other = index + by
        if 0 <= other < len(phases):
            phases[index], phases[other] = phases[other], phases[index]
        for position, each in enumerate(phases):
            if each.position != position:
                Phase.objects.filter(pk=each.pk).update(position=position)


def phase_delete(*, phase: Phase, actor: User) -> None:
    with transaction.atomic(), scope(organisation=phase.organisation_id):
        touchpoints = Touchpoint.objects.filter(phase=phase).count()
        if touchpoints:
            raise Conflict(
                f"“{phase.name}” has {touchpoints} touchpoint(s): move or delete them first."
            )
        audit.record(
            organisation=phase.organisation, actor=actor, action="phase.deleted", target=phase.name
        )
        phase.delete()


def touchpoint_create(
    *, organisation: Organisation, actor: User, phase: Phase, name: str, description: str = ""
) -> Touchpoint:
    name = _name(name, 80, "touchpoint")
    description = _description(description)
    with transaction.atomic(), scope(organisation=organisation):
        if Touchpoint.objects.filter(name__iexact=name).exists():
            message = f"There is a touchpoint called “{name}” already."
            raise Conflict(message, fields={"name": ["Taken."]})
        last = Touchpoint.objects.filter(phase=phase).aggregate(last=Max("position"))["last"]
        touchpoint = Touchpoint.objects.create(
            organisation=organisation,
            phase=phase,
            name=name,
            description=description,
            position=0 if last is None else last + 1,
        )
        audit.record(
            organisation=organisation,
            actor=actor,
            action="touchpoint.created",
            target=name,
            phase=phase.name,
        )
    return touchpoint


def _description(description: str) -> str:
    description = description.strip()
    if len(description) > 300:
        message = "Describe the touchpoint in at most 300 characters."
        raise InvalidInput(message, fields={"description": [message]})
    return description


def touchpoint_update(
    *, touchpoint: Touchpoint, actor: User, name: str, phase: Phase, description: str = ""
) -> Touchpoint:
    name = _name(name, 80, "touchpoint")
    description = _description(description)
    with transaction.atomic(), scope(organisation=touchpoint.organisation_id):
        taken = Touchpoint.objects.filter(name__iexact=name).exclude(pk=touchpoint.pk)
        if taken.exists():
            message = f"There is a touchpoint called “{name}” already."
            raise Conflict(message, fields={"name": ["Taken."]})
        touchpoint.name, touchpoint.phase, touchpoint.description = name, phase, description
        touchpoint.save(update_fields=["name", "phase", "description"])
        audit.record(
            organisation=touchpoint.organisation,
            actor=actor,
            action="touchpoint.updated",
            target=name,
            phase=phase.name,
        )
    return touchpoint


def touchpoint_delete(*, touchpoint: Touchpoint, actor: User) -> None:
    with transaction.atomic(), scope(organisation=touchpoint.organisation_id):
        answers = Feedback.objects.filter(touchpoint=touchpoint).count()
        if answers or touchpoint.surveys.exists() or touchpoint.interactions.exists():
            raise Conflict(
                f"“{touchpoint.name}” holds feedback, forms or interactions "
                f"({answers} feedback): rename it or move it to another phase instead."
            )
        audit.record(
            organisation=touchpoint.organisation,
            actor=actor,
            action="touchpoint.deleted",
            target=touchpoint.name,
        )
        touchpoint.delete()


def segment_field_set(*, organisation: Organisation, actor: User, key: str) -> ListeningSettings:
    """Which one-choice profile question splits customers into segments ("" for none)."""
    with transaction.atomic(), scope(organisation=organisation):
        if key and not ProfileField.objects.filter(key=key, kind=FieldKind.SINGLE_CHOICE).exists():
            message = "Choose a profile question with one answer from a list."
            raise InvalidInput(message, fields={"segment_field": [message]})
        found, _ = ListeningSettings.objects.update_or_create(
            organisation=organisation, defaults={"segment_field": key}
        )
        audit.record(
            organisation=organisation,
            actor=actor,
            action="listening.segment_set",
            target=key or "no segments",
        )
    return found
