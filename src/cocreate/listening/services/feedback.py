"""Feedback forms and what comes in through them or through the API."""

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import Gone, InvalidInput
from cocreate.listening import answers as own_answers
from cocreate.listening import rows, selectors
from cocreate.listening.models import Feedback, Question, Source, Survey, Touchpoint
from cocreate.messaging.services import emit
from cocreate.organisations import audit
from cocreate.organisations.models import Membership, Organisation

MAX_BATCH = 1000
QUESTIONS = ("nps", "csat", "ces")


def survey_save(
    *,
    organisation: Organisation,
    actor: User,
    touchpoint: Touchpoint,
    title: str,
    intro: str = "",
    asks_nps: bool = True,
    asks_csat: bool = True,
    asks_ces: bool = False,
    asks_text: bool = True,
    is_open: bool = True,
    survey: Survey | None = None,
) -> Survey:
    """Create a feedback form at a touchpoint (with a new link), or change one."""
    title, intro = " ".join(title.split()), intro.strip()
    errors: dict[str, list[str]] = {}
    if not title or len(title) > 120:
        errors["title"] = ["Give the form a title of 1 to 120 characters."]
    if len(intro) > 300:
        errors["intro"] = ["Keep the introduction to 300 characters."]
    if not (asks_nps or asks_csat or asks_ces or asks_text):
        errors["asks_nps"] = ["Ask at least one question."]
    if survey is not None:
        asked = {"nps": asks_nps, "csat": asks_csat, "ces": asks_ces}
        dropped = [score for score, on in asked.items() if not on]
        for name, messages in _scores_still_needed(survey, dropped).items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise InvalidInput("The feedback form was not saved.", fields=errors)
    values = {
        "touchpoint": touchpoint,
        "title": title,
        "intro": intro,
        "asks_nps": asks_nps,
        "asks_csat": asks_csat,
        "asks_ces": asks_ces,
        "asks_text": asks_text,
        "is_open": is_open,
    }
    with transaction.atomic(), scope(organisation=organisation):
        if survey is None:
            survey = Survey.objects.create(
                organisation=organisation, token=secrets.token_urlsafe(12), **values
            )
            action = "survey.created"
        else:
            for name, value in values.items():
                setattr(survey, name, value)
            survey.save()
            action = "survey.updated"
        audit.record(
            organisation=organisation,
            actor=actor,
            action=action,
            target=title,
            touchpoint=touchpoint.name,
            is_open=is_open,
        )
    return survey


def _scores_still_needed(survey: Survey, dropped: list[str]) -> dict[str, list[str]]:
    """A score that an own question's condition looks at stays asked."""
    errors = {}
    for score in dropped:
        if names := selectors.questions_depending_on(survey, score):
            message = ngettext(
                "%(names)s is asked depending on the %(score)s answer: change its condition first.",
                "%(names)s are asked depending on the %(score)s answer: change their "
                "conditions first.",
                len(names),
            ) % {"names": own_answers.quoted(names), "score": own_answers.SCORE_NAMES[score]}
            errors[f"asks_{score}"] = [message]
    return errors


def feedback_submit(
    *,
    survey: Survey,
    answers: dict[str, Any],
    own: Mapping[str, Any] | None = None,
    customer: User | None = None,
) -> Feedback:
    """One answer to a feedback form, from its public page or the API. A signed-in member
    of the organisation is linked to their answer; anyone else answers anonymously.

    `answers` holds the built-in scores and text, `own` the answers to the form's own
    questions by key (q<id>). An own answer whose condition does not hold is dropped."""
    if not survey.is_open:
        raise Gone("This feedback form is closed: thank you all the same.")
    asked = {
        "nps": survey.asks_nps,
        "csat": survey.asks_csat,
        "ces": survey.asks_ces,
        "text": survey.asks_text,
    }
    errors: dict[str, list[str]] = {}
    given = {}
    for name in QUESTIONS:
        value = answers.get(name)
        if value is not None and asked[name]:
            if problem := rows.score_problem(name, value):
                errors[name] = [problem[0].upper() + problem[1:] + "."]
            given[name] = value
    text = (answers.get("text") or "").strip() if asked["text"] else ""
    if len(text) > rows.MAX_TEXT:
        errors["text"] = [f"Keep it to {rows.MAX_TEXT} characters."]
    organisation = survey.organisation
    with scope(organisation=organisation):
        form_questions = list(Question.objects.filter(survey=survey).order_by("position", "id"))
    valid_scores = {name: value for name, value in given.items() if name not in errors}
    kept, problems = own_answers.clean(form_questions, own or {}, valid_scores)
    errors.update(problems)
    if not errors and not text and not kept and all(v is None for v in given.values()):
        raise InvalidInput("Answer at least one question.")
    if errors:
        raise InvalidInput("Your feedback was not sent: please check the answers.", fields=errors)
    with transaction.atomic(), scope(organisation=organisation):
        membership = (
            Membership.objects.filter(user=customer).first()
            if customer is not None and customer.is_authenticated
            else None
        )
        segment = ""
        if membership is not None:
            key = rows.segment_key(organisation)
            answer = membership.profile.get(key) if key else None
            segment = answer if isinstance(answer, str) else ""
        feedback = Feedback.objects.create(
            organisation=organisation,
            touchpoint=survey.touchpoint,
            survey=survey,
            customer=membership.user if membership else None,
            source=Source.FORM,
            text=text,
            answers=kept,
            segment=segment,
            submitted_at=timezone.now(),
            **given,
        )
        emit(
            organisation=organisation,
            event="feedback.received",
            data={
                "touchpoint": survey.touchpoint.name,
                "form": survey.title,
                "nps": feedback.nps,
                "csat": feedback.csat,
                "ces": feedback.ces,
                "text": text,
                "answers": kept,
                "customer": membership.user.email if membership else None,
            },
        )
    return feedback


@dataclass(frozen=True)
class Ingested:
    created: int
    duplicates: int


def feedback_ingest(
    *, organisation: Organisation, actor: User, items: Sequence[dict[str, Any]]
) -> Ingested:
    """Feedback sent by another system: all items are checked first, and either all are
    kept (those whose external_id was sent before are skipped) or none."""
    return _ingest(organisation, actor, items, rows.signal_row, Feedback, "feedback")


def _ingest(
    organisation: Organisation,
    actor: User,
    items: Sequence[dict[str, Any]],
    check: Any,
    model: Any,
    what: str,
) -> Ingested:
    if not 1 <= len(items) <= MAX_BATCH:
        raise InvalidInput(f"Send 1 to {MAX_BATCH} items at a time.", fields={"items": ["Size."]})
    lookup = rows.lookup_for(organisation)
    checked = []
    errors: dict[str, list[str]] = {}
    for index, item in enumerate(items):
        values = {**item, "external_key": item.get("external_id") or ""}
        found = check(values, lookup, source=Source.API)
        if isinstance(found, list):
            errors[f"items.{index}"] = [p[0].upper() + p[1:] + "." for p in found]
        else:
            checked.append(found)
    if errors:
        raise InvalidInput(
            f"{len(errors)} of {len(items)} items cannot be kept: nothing was saved.",
            fields=errors,
        )
    with transaction.atomic():
        created, duplicates = rows.store(model, checked, organisation)
        audit.record(
            organisation=organisation,
            actor=actor,
            action=f"{what}.ingested",
            target=f"{created} {what} through the API",
            duplicates=duplicates,
        )
        if created:
            emit(
                organisation=organisation,
                event="signals.imported",
                data={"what": what, "created": created, "duplicates": duplicates, "via": "api"},
            )
    return Ingested(created, duplicates)
