"""What customers do with an offering: check a design, save a draft, submit, change one
choice, withdraw.

A submitted design is checked by the rules engine first (capacity aside: a full option
puts the customer on its waitlist instead of refusing them), then written in one
transaction: the choices that changed take or give back seats, the new version is kept,
and the confirmation goes to the outbox on the customer's chosen channel. A session's
choice also says how much the person wants it (must attend or would like): the event's
agenda plans from those choices, so choosing in the designer and on the agenda's pages is
one act (`choice_set` changes one choice, under the same rules).
"""

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_scopes import scope

from cocreate.core.errors import Conflict, InvalidInput
from cocreate.core.links import site_link
from cocreate.engines import offerings as rules
from cocreate.messaging.services import emit, notify
from cocreate.offerings import engine
from cocreate.offerings.lifecycle import state
from cocreate.offerings.models import (
    Attempt,
    Choice,
    ChoiceStatus,
    Design,
    DesignVersion,
    Offering,
    Option,
    StepSource,
    Weight,
)
from cocreate.offerings.selectors import design_of
from cocreate.offerings.services.seats import give_back_seats, lock_options, take_seats
from cocreate.organisations.models import Membership

# Violations the customer can do nothing about but wait: a full option is waitlisted.
WAITLIST_CODES = {"full"}
MAX_SELECTED = 500


@dataclass(frozen=True)
class Check:
    """The rules engine's answer for one selection, as pages and the API show it."""

    selection: rules.Selection
    violations: list[rules.Violation]  # everything that must change before submitting
    waitlisted: list[str]  # option ids that are full: submitting waitlists them
    repairs: list[rules.Repair]
    cost: Decimal
    remaining: dict[str, int]

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def conflicts(self) -> list[rules.Violation]:
        """What is wrong with the choices made so far."""
        return [v for v in self.violations if v.code not in engine.TODO_CODES]

    @property
    def todo(self) -> list[rules.Violation]:
        """Steps where something is still to be chosen or answered."""
        return [v for v in self.violations if v.code in engine.TODO_CODES]


def design_check(
    *,
    offering: Offering,
    membership: Membership,
    options: Iterable[Any],
    answers: Mapping[str, str],
    repairs: str = "all",
) -> Check:
    """Every problem with this selection and the nearest ways out; writes nothing.

    `repairs`: "all" proposes complete designs (the API), "conflicts" only resolves the
    conflicts in what was chosen so far (the designer, step by step), "none" skips them.
    """
    compiled = engine.engine_offering(offering)
    chosen = _option_ids(compiled, options)
    picked = engine.selection(chosen, _answers(compiled, answers))
    remaining = engine.remaining_seats(offering, design_of(offering, membership))
    found = rules.validate(compiled, picked, membership.profile, remaining)
    violations = [v for v in found if v.code not in WAITLIST_CODES]
    waitlisted = sorted({o for v in found if v.code in WAITLIST_CODES for o in v.options})
    check = Check(picked, violations, waitlisted, [], _cost(compiled, picked), remaining)
    if (repairs == "all" and check.violations) or (repairs == "conflicts" and check.conflicts):
        space = compiled if repairs == "all" else engine.without_minimums(offering)
        try:  # repairs respect capacity: they never offer a full option
            found_repairs = rules.repair(space, picked, membership.profile, remaining)
        except rules.NoFeasibleDesign:
            found_repairs = []
        check = dataclasses.replace(check, repairs=found_repairs)
    return check


def _cost(compiled: rules.Offering, picked: rules.Selection) -> Decimal:
    return sum((o.cost for o in compiled.options if o.id in picked.options), Decimal(0))


def draft_save(
    *,
    offering: Offering,
    membership: Membership,
    options: Iterable[Any],
    answers: Mapping[str, str],
    weights: Mapping[Any, str] | None = None,
) -> Check:
    """The designer's live check: keep the draft, and note what the customer could not have."""
    check = design_check(
        offering=offering,
        membership=membership,
        options=options,
        answers=answers,
        repairs="conflicts",
    )
    chosen = {int(o) for o in check.selection.options}
    weighed = _weights(offering, chosen, weights or {})
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        design, _ = Design.objects.get_or_create(
            offering=offering,
            user_id=membership.user_id,
            defaults={"organisation_id": offering.organisation_id},
        )
        design.draft_options = sorted(chosen)
        design.draft_answers = dict(check.selection.answers)
        design.draft_weights = {str(k): v for k, v in sorted(weighed.items())}
        design.save(update_fields=["draft_options", "draft_answers", "draft_weights", "updated_at"])
        record_attempts(offering, membership, check)
    return check


def design_submit(
    *,
    offering: Offering,
    membership: Membership,
    options: Iterable[Any],
    answers: Mapping[str, str],
    weights: Mapping[Any, str] | None = None,
) -> Design:
    """Submit (or revise) a design. Submitting the same design again changes nothing.

    `weights` says, for chosen sessions, "must" (attend) or "like"; a chosen session it
    does not name is "like"."""
    if not state(offering.status).accepts_designs:
        raise Conflict(_closed(offering), code="offering_closed")
    check = design_check(
        offering=offering,
        membership=membership,
        options=options,
        answers=answers,
        repairs="none",
    )
    if not check.ok:
        with transaction.atomic():
            record_attempts(offering, membership, check)
        raise InvalidInput(
            "The design breaks the offering's rules: "
            + " ".join(v.message for v in check.violations),
            code="design_invalid",
            fields={"options": [v.message for v in check.violations]},
        )
    wanted = {int(o) for o in check.selection.options}
    weighed = _weights(offering, wanted, weights or {})
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        design = _locked_design(offering, membership)
        changed = _apply(offering, design, wanted, weighed, dict(check.selection.answers))
        if not changed and design.submitted_at:
            return design  # idempotent: nothing changed, nothing sent
        design.submitted_at = timezone.now()
        design.draft_options, design.draft_answers = sorted(wanted), design.answers
        design.draft_weights = {str(k): v for k, v in sorted(weighed.items())}
        design.save()
        _confirm(offering, membership, design, engine.engine_offering(offering))
    return design


def choice_set(
    *, offering: Offering, membership: Membership, option: Option, weight: str | None
) -> Design:
    """Choose one session (weight "must" or "like") or drop it (None), keeping the rest of
    the design: what the agenda's "must attend" and "would like" buttons do. The rest of
    the design need not be complete, but the change must not break a rule (two sessions
    at once, too many sessions); then nothing changes and the reason is said."""
    if not state(offering.status).accepts_designs:
        raise Conflict(_closed(offering), code="offering_closed")
    if option.offering_id != offering.pk:
        raise InvalidInput(f"“{option.name}” is not part of {offering.name}.")
    if weight is not None and weight not in Weight.values:
        raise InvalidInput(
            f"Say '{Weight.MUST}' or '{Weight.LIKE}' (or nothing).",
            fields={"weight": ["Must or like."]},
        )
    with scope(organisation=offering.organisation_id):
        design = Design.objects.filter(offering=offering, user_id=membership.user_id).first()
        current = dict(design.choices.values_list("option_id", "weight")) if design else {}
    wanted = set(current) - {option.pk} | ({option.pk} if weight else set())
    answers = design.answers if design else {}
    check = design_check(
        offering=offering,
        membership=membership,
        options=sorted(wanted),
        answers=answers,
        repairs="conflicts",
    )
    if check.conflicts:
        with transaction.atomic():
            record_attempts(offering, membership, check)
        hint = f" {check.repairs[0].summary}" if check.repairs else ""
        raise Conflict(
            " ".join(v.message for v in check.conflicts) + hint,
            code="design_invalid",
            fields={"options": [v.message for v in check.conflicts]},
        )
    weighed = {k: v for k, v in current.items() if v and k in wanted}
    weighed |= {option.pk: weight} if weight else {}
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        design = _locked_design(offering, membership)
        if set(design.choices.values_list("option_id", flat=True)) != set(current):
            # Changed in another tab since it was checked: check it again, not blindly.
            raise Conflict("Your plan changed meanwhile: look at it again and choose.")
        _apply(offering, design, wanted, _weights(offering, wanted, weighed), answers)
        drafted = set(design.draft_options) - {option.pk} | ({option.pk} if weight else set())
        design.draft_options = sorted(drafted)
        draft_weights = {k: v for k, v in design.draft_weights.items() if k != str(option.pk)}
        design.draft_weights = draft_weights | ({str(option.pk): weight} if weight else {})
        design.save()
    return design


def _locked_design(offering: Offering, membership: Membership) -> Design:
    design, _ = Design.objects.select_for_update().get_or_create(
        offering=offering,
        user_id=membership.user_id,
        defaults={"organisation_id": offering.organisation_id},
    )
    return design


def _apply(
    offering: Offering,
    design: Design,
    wanted: set[int],
    weights: dict[int, str],
    answers: dict[str, str],
) -> bool:
    """Make the locked design's choices `wanted`: seats taken and given back, weights set,
    a new version kept. False when nothing changed (and nothing was written)."""
    current = {
        option_id: (status, weight)
        for option_id, status, weight in design.choices.values_list("option_id", "status", "weight")
    }
    reweighed = {o for o in wanted & set(current) if current[o][1] != weights.get(o, "")}
    if set(current) == wanted and design.answers == answers and not reweighed:
        return False
    removed, added = set(current) - wanted, wanted - set(current)
    capacity = {int(o.id): o.capacity for o in engine.engine_offering(offering).options}
    seats_left = lock_options(removed | added)
    design.choices.filter(option_id__in=removed).delete()
    give_back_seats([o for o in removed if current[o][0] == ChoiceStatus.CONFIRMED and capacity[o]])
    seated = take_seats(added, seats_left)
    Choice.objects.bulk_create(
        Choice(
            organisation_id=offering.organisation_id,
            design=design,
            option_id=option_id,
            status=ChoiceStatus.CONFIRMED if option_id in seated else ChoiceStatus.WAITLISTED,
            weight=weights.get(option_id, ""),
        )
        for option_id in sorted(added)
    )
    for option_id in reweighed:
        design.choices.filter(option_id=option_id).update(weight=weights.get(option_id, ""))
    design.version += 1  # the row is locked: no one else changes it meanwhile
    design.answers = answers
    design.save()
    costs = {int(o.id): o.cost for o in engine.engine_offering(offering).options}
    DesignVersion.objects.create(
        organisation_id=offering.organisation_id,
        design=design,
        number=design.version,
        options=sorted(wanted),
        answers=answers,
        cost=sum((costs[o] for o in wanted), Decimal(0)),
    )
    return True


def _weights(offering: Offering, chosen: set[int], given: Mapping[Any, str]) -> dict[int, str]:
    """Must attend or would like for each chosen session ("like" unless said); other
    options have none. A weight for an option that is not a chosen session is refused."""
    with scope(organisation=offering.organisation_id):
        sessions = set(
            Option.objects.filter(
                offering=offering, pk__in=chosen, dimension__source=StepSource.SESSIONS
            ).values_list("pk", flat=True)
        )
    weights: dict[int, str] = {}
    for key, value in given.items():
        try:
            option_id = int(key)
        except (TypeError, ValueError):
            option_id = -1
        if option_id not in sessions or value not in Weight.values:
            message = "Say 'must' or 'like' only for the sessions you choose."
            raise InvalidInput(message, code="bad_weights", fields={"weights": [message]})
        weights[option_id] = value
    return {o: weights.get(o, Weight.LIKE) for o in sessions}


def design_withdraw(*, offering: Offering, membership: Membership) -> None:
    """Take back a submitted design: its seats go to the waitlists."""
    if not state(offering.status).accepts_designs:
        raise Conflict(_closed(offering), code="offering_closed")
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        design = (
            Design.objects.select_for_update()
            .filter(offering=offering, user_id=membership.user_id)
            .first()
        )
        if design is None or (not design.choices.exists() and not design.answers):
            raise Conflict("You have no submitted design to withdraw.")
        choices = list(design.choices.select_related("option"))
        lock_options([c.option_id for c in choices])
        design.choices.all().delete()
        give_back_seats(
            [
                c.option_id
                for c in choices
                if c.status == ChoiceStatus.CONFIRMED and c.option.capacity is not None
            ]
        )
        design.answers, design.submitted_at = {}, None
        design.save(update_fields=["answers", "submitted_at", "updated_at"])
        emit(
            organisation=offering.organisation,
            event="design.withdrawn",
            data={"offering": offering.slug, "customer": membership.user.email},
        )


def record_attempts(offering: Offering, membership: Membership, check: Check) -> None:
    """Count each option a customer chose and could not have, and why: the unmet demand.

    Only options in the design count: a rule's other options were not asked for.
    """
    with scope(organisation=offering.organisation_id):
        for violation in check.conflicts:
            for option_id in violation.options:
                if option_id not in check.selection.options:
                    continue
                updated = Attempt.objects.filter(
                    option_id=int(option_id),
                    user_id=membership.user_id,
                    code=violation.code,
                    message=violation.message[:300],
                ).update(count=F("count") + 1, last_at=timezone.now())
                if not updated:
                    Attempt.objects.create(
                        organisation_id=offering.organisation_id,
                        offering=offering,
                        option_id=int(option_id),
                        user_id=membership.user_id,
                        code=violation.code,
                        message=violation.message[:300],
                    )


def _confirm(
    offering: Offering, membership: Membership, design: Design, compiled: rules.Offering
) -> None:
    """Tell the customer (on their channel) and the organisation's systems (webhooks)."""
    rows = design.choices.values_list("option_id", "status", "option__key")
    statuses = {option_id: status for option_id, status, _ in rows}
    keys = {str(option_id): key for option_id, _, key in rows}
    chosen = [o for o in compiled.options if int(o.id) in statuses]  # in the offering's order
    waiting = [o for o in chosen if statuses[int(o.id)] == ChoiceStatus.WAITLISTED]
    notify(
        recipient=membership.user,
        organisation=offering.organisation,
        kind="design_confirmed",
        context={
            "offering": offering.name,
            "version": design.version,
            "options": [o.name for o in chosen if o not in waiting],
            "waitlisted": [o.name for o in waiting],
        },
        link=site_link("my_plan", offering.organisation.slug, offering.slug),
    )
    emit(
        organisation=offering.organisation,
        event="design.submitted",
        data={
            "offering": offering.slug,
            "customer": membership.user.email,
            "version": design.version,
            "options": [keys[o.id] for o in chosen],
            "waitlisted": [keys[o.id] for o in waiting],
        },
    )


def _option_ids(compiled: rules.Offering, options: Iterable[Any]) -> list[str]:
    """The chosen ids as the engine names them; a bad id is the caller's error."""
    chosen = [str(o).strip() for o in options]
    if len(chosen) > MAX_SELECTED:
        raise InvalidInput(f"Choose at most {MAX_SELECTED} options.")
    known = {o.id for o in compiled.options}
    unknown = [o for o in chosen if o not in known]
    if unknown:
        raise InvalidInput(
            f"Not options of '{compiled.name}': {', '.join(unknown[:10])}.",
            code="unknown_options",
            fields={"options": [f"Unknown option ids: {', '.join(unknown[:10])}."]},
        )
    twice = sorted({o for o in chosen if chosen.count(o) > 1}, key=chosen.index)
    if twice:
        names = {o.id: o.name for o in compiled.options}
        message = f"You chose {', '.join(f'“{names[o]}”' for o in twice)} more than once."
        raise InvalidInput(message, code="chosen_twice", fields={"options": [message]})
    return chosen


def _answers(compiled: rules.Offering, answers: Mapping[str, Any]) -> dict[str, str]:
    if not isinstance(answers, Mapping) or not all(isinstance(v, str) for v in answers.values()):
        raise InvalidInput("Answers are texts, by step id.", fields={"answers": ["Use texts."]})
    open_steps = {d.id for d in compiled.dimensions if d.open_answer}
    unknown = [str(k) for k in answers if str(k) not in open_steps]
    if unknown:
        message = f"Not open-answer steps of '{compiled.name}': {', '.join(unknown[:10])}."
        raise InvalidInput(message, code="unknown_steps", fields={"answers": [message]})
    return {str(k): v.strip() for k, v in answers.items()}


def _closed(offering: Offering) -> str:
    status = offering.get_status_display().lower()
    return f"'{offering.name}' is {status}: designs cannot be submitted or changed now."
