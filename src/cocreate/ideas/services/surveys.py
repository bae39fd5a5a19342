"""Outcome surveys: an organiser chooses outcomes and a segment (roles and profile
answers) and sends it; each member of the segment rates every outcome's importance and
current satisfaction on 1-5, once."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict, InvalidInput, NotAllowed
from cocreate.core.links import site_link
from cocreate.engines.outcomes.ratings import SCALE
from cocreate.ideas.audience import matches, members_in
from cocreate.ideas.models import Curation, Outcome, Rating, Response, Survey, SurveyStatus
from cocreate.ideas.services import checks
from cocreate.messaging.services import emit, notify
from cocreate.organisations import audit
from cocreate.organisations.models import FieldKind, Membership, Organisation, ProfileField, Role

MOST_OUTCOMES = 60


def survey_create(
    *,
    organisation: Organisation,
    actor: User,
    title: str,
    outcome_ids: Sequence[int],
    introduction: str = "",
    roles: Sequence[str] = (Role.CUSTOMER,),
    segment: Mapping[str, Sequence[str]] | None = None,
) -> Survey:
    title = checks.text(title, "title", label="The title", least=3, most=120)
    introduction = checks.text(
        introduction, "introduction", label="The introduction", least=0, most=2000
    )
    roles = sorted(set(roles))
    if not roles or not set(roles) <= set(Role.values):
        text = f"Ask at least one of these roles: {', '.join(Role.values)}."
        raise InvalidInput(text, fields={"roles": [text]})
    with transaction.atomic(), scope(organisation=organisation):
        wanted = {int(i) for i in outcome_ids}
        outcomes = list(Outcome.objects.filter(pk__in=wanted, status=Curation.ACCEPTED))
        if not wanted or len(outcomes) != len(wanted) or len(wanted) > MOST_OUTCOMES:
            text = f"Choose 1 to {MOST_OUTCOMES} accepted outcomes of this organisation."
            raise InvalidInput(text, fields={"outcomes": [text]})
        cleaned = _segment(segment or {})
        survey = Survey.objects.create(
            organisation=organisation,
            title=title,
            introduction=introduction,
            roles=roles,
            segment=cleaned,
            created_by=actor,
        )
        survey.outcomes.set(outcomes)
        audit.record(organisation=organisation, actor=actor, action="survey.created", target=title)
    return survey


def _segment(segment: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """Profile answers by choice question; every key and value must exist."""
    fields = {
        f.key: f
        for f in ProfileField.objects.filter(
            kind__in=[FieldKind.SINGLE_CHOICE, FieldKind.MULTI_CHOICE]
        )
    }
    cleaned: dict[str, list[str]] = {}
    for key, values in segment.items():
        field = fields.get(key)
        chosen = [str(v) for v in (values or [])]
        if field is None:
            text = f"“{key}” is not a choice question of the profile."
            raise InvalidInput(text, fields={"segment": [text]})
        unknown = [v for v in chosen if v not in field.choices]
        if unknown:
            text = f"“{field.label}” has no answer {', '.join(unknown)}."
            raise InvalidInput(text, fields={"segment": [text]})
        if chosen:
            cleaned[key] = chosen
    return cleaned


def recipients(survey: Survey) -> list[Membership]:
    return members_in(survey.organisation_id, survey.roles, survey.segment)


def survey_send(*, survey: Survey, actor: User) -> Survey:
    """Open the survey and ask everyone in its segment, on their own channel."""
    if survey.status != SurveyStatus.DRAFT:
        raise Conflict(f"“{survey}” was already sent.")
    people = recipients(survey)
    if not people:
        raise Conflict("Nobody is in this segment yet: widen it before sending.")
    organisation = survey.organisation
    link = site_link("survey_answer", organisation.slug, survey.pk)
    with transaction.atomic(), scope(organisation=organisation):
        count = survey.outcomes.count()
        survey.status, survey.opened_at, survey.sent_to = (
            SurveyStatus.OPEN,
            timezone.now(),
            len(people),
        )
        survey.save(update_fields=["status", "opened_at", "sent_to"])
        for membership in people:
            notify(
                recipient=membership.user,
                organisation=organisation,
                kind="outcome_survey",
                context={
                    "survey": survey.title,
                    "count": count,
                    "introduction": survey.introduction,
                },
                link=link,
            )
        audit.record(
            organisation=organisation,
            actor=actor,
            action="survey.sent",
            target=survey.title,
            recipients=len(people),
        )
        emit(
            organisation=organisation,
            event="survey.opened",
            data={"survey": survey.pk, "title": survey.title, "recipients": len(people)},
        )
    return survey


def survey_close(*, survey: Survey, actor: User) -> Survey:
    if survey.status != SurveyStatus.OPEN:
        raise Conflict(f"“{survey}” is not open.")
    with transaction.atomic(), scope(organisation=survey.organisation_id):
        survey.status, survey.closed_at = SurveyStatus.CLOSED, timezone.now()
        survey.save(update_fields=["status", "closed_at"])
        audit.record(
            organisation=survey.organisation,
            actor=actor,
            action="survey.closed",
            target=survey.title,
        )
    return survey


def may_answer(survey: Survey, membership: Membership) -> bool:
    return membership.role in survey.roles and matches(membership.profile, survey.segment)


def survey_answer(
    *, survey: Survey, membership: Membership, ratings: Mapping[Any, Mapping[str, Any]]
) -> Response:
    """Rate every outcome of the survey: {outcome id: {"importance": 1-5, "satisfaction":
    1-5}}. A second answer by the same person is refused; nothing is counted twice."""
    if survey.status != SurveyStatus.OPEN:
        raise Conflict(f"“{survey}” is {survey.get_status_display().lower()}: it takes no answers.")
    if not may_answer(survey, membership):
        raise NotAllowed("This survey is for another group of people.")
    with scope(organisation=survey.organisation_id):
        outcomes = {o.pk: o for o in survey.outcomes.all()}
        if Response.objects.filter(survey=survey, user=membership.user).exists():
            raise Conflict("You already answered this survey: thank you.", code="already_answered")
    cleaned, errors = _ratings(outcomes, ratings)
    if errors:
        raise InvalidInput(
            "Rate how important each outcome is and how satisfied you are, from 1 to 5.",
            fields=errors,
        )
    try:
        with transaction.atomic(), scope(organisation=survey.organisation_id):
            response = Response.objects.create(
                organisation_id=survey.organisation_id, survey=survey, user=membership.user
            )
            Rating.objects.bulk_create(
                Rating(
                    organisation_id=survey.organisation_id,
                    response=response,
                    outcome_id=outcome,
                    importance=importance,
                    satisfaction=satisfaction,
                )
                for outcome, (importance, satisfaction) in cleaned.items()
            )
    except IntegrityError:  # the same person answering twice at once
        raise Conflict("You already answered this survey: thank you.") from None
    return response


def _ratings(
    outcomes: Mapping[int, Outcome], given: Mapping[Any, Mapping[str, Any]]
) -> tuple[dict[int, tuple[int, int]], dict[str, list[str]]]:
    cleaned: dict[int, tuple[int, int]] = {}
    errors: dict[str, list[str]] = {}
    low, high = SCALE
    for key, answer in given.items():
        try:
            outcome = int(key)
        except (TypeError, ValueError):
            outcome = -1
        if outcome not in outcomes:
            errors.setdefault("ratings", []).append(f"“{key}” is not an outcome of this survey.")
            continue
        values = []
        for part in ("importance", "satisfaction"):
            raw = answer.get(part) if isinstance(answer, Mapping) else None
            value = raw if isinstance(raw, int) and not isinstance(raw, bool) else _int(raw)
            if value is None or not low <= value <= high:
                errors.setdefault(f"{part}-{outcome}", []).append(
                    f"Rate the {part} of “{outcomes[outcome]}” from {low} to {high}."
                )
            values.append(value or 0)
        cleaned[outcome] = (values[0], values[1])
    missing = [o for o in outcomes if o not in cleaned]
    for outcome in missing:
        errors.setdefault(f"importance-{outcome}", []).append(
            f"Rate “{outcomes[outcome]}”: every outcome needs both ratings."
        )
    return cleaned, errors


def _int(raw: Any) -> int | None:
    if isinstance(raw, str) and raw.strip().isdigit():
        return int(raw.strip())
    return None
