"""A feedback form's own questions: add, change, reorder and delete them.

A question may depend on one earlier answer (a built-in score the form asks, or an
earlier choice or scale question of the same form). Every change keeps that true: a
condition never points at a later question, at a score the form no longer asks, or at
a choice or number the earlier question cannot give.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict, InvalidInput, NotFound
from cocreate.listening import answers
from cocreate.listening.models import ConditionOperator, Feedback, Question, QuestionKind, Survey
from cocreate.organisations import audit

MAX_QUESTIONS = 30
MIN_CHOICES, MAX_CHOICES, MAX_CHOICE_LENGTH = 2, 20, 100
LOWEST, HIGHEST = 0, 10  # a scale's ends: 0 to 10 at the widest, so it fits a phone
SCALE_OPERATORS = (ConditionOperator.AT_MOST, ConditionOperator.AT_LEAST)

Errors = dict[str, list[str]]


@dataclass
class Condition:
    """What a question depends on, once checked: a score or a question, never both."""

    score: str = ""
    question: Question | None = None
    operator: str = ""
    number: int | None = None
    choices: list[str] = field(default_factory=list)


def question_save(
    *,
    survey: Survey,
    actor: User,
    kind: str,
    label: str,
    help_text: str = "",
    required: bool = False,
    choices: Sequence[str] = (),
    scale_min: int | None = None,
    scale_max: int | None = None,
    low_label: str = "",
    high_label: str = "",
    condition_on: str = "",
    condition_operator: str = "",
    condition_number: int | None = None,
    condition_choices: Sequence[str] = (),
    question: Question | None = None,
) -> Question:
    """Add a question at the end of a form, or change one of its questions.

    `condition_on` is "" (always asked), a built-in score ("nps", "csat", "ces") or the
    id of an earlier question of the form; the operator, number and choices say what
    its answer must be for this question to be asked."""
    if question is not None and question.survey_id != survey.pk:
        raise NotFound(_("This form has no such question."))
    label, help_text = " ".join(label.split()), help_text.strip()
    low_label, high_label = low_label.strip(), high_label.strip()
    choices = [c.strip() if isinstance(c, str) else c for c in choices]
    errors = _definition_errors(
        kind, label, help_text, choices, scale_min, scale_max, low_label, high_label
    )
    organisation = survey.organisation
    with transaction.atomic(), scope(organisation=organisation):
        siblings = list(
            Question.objects.select_for_update().filter(survey=survey).order_by("position", "id")
        )
        if question is None and len(siblings) >= MAX_QUESTIONS:
            errors.setdefault("label", []).append(
                _("A form has at most %(count)d questions of its own.") % {"count": MAX_QUESTIONS}
            )
        if question is not None:
            _merge(errors, _change_errors(question, siblings, kind, choices, scale_min, scale_max))
        condition, problems = _condition(
            survey,
            question,
            siblings,
            condition_on,
            condition_operator,
            condition_number,
            condition_choices,
        )
        _merge(errors, problems)
        if errors:
            raise InvalidInput(_("The question was not saved."), fields=errors)
        is_scale, has_choices = kind == QuestionKind.SCALE, kind in answers.CHOICE_KINDS
        values: dict[str, Any] = {
            "kind": kind,
            "label": label,
            "help_text": help_text,
            "required": required,
            "choices": choices if has_choices else [],
            "scale_min": scale_min if is_scale else None,
            "scale_max": scale_max if is_scale else None,
            "low_label": low_label if is_scale else "",
            "high_label": high_label if is_scale else "",
            "condition_score": condition.score,
            "condition_question": condition.question,
            "condition_operator": condition.operator,
            "condition_number": condition.number,
            "condition_choices": condition.choices,
        }
        if question is None:
            last = max((q.position for q in siblings), default=0)
            question = Question.objects.create(
                organisation=organisation, survey=survey, position=last + 1, **values
            )
            action = "question.created"
        else:
            for name, value in values.items():
                setattr(question, name, value)
            question.save()
            action = "question.updated"
        _audit(question, actor, action)
    return question


def question_move(*, question: Question, actor: User, offset: int) -> None:
    """Move a question up (negative offset) or down; never above the answer it
    depends on, nor below a question that depends on it."""
    with transaction.atomic(), scope(organisation=question.organisation_id):
        ordered = list(
            Question.objects.select_for_update()
            .filter(survey_id=question.survey_id)
            .order_by("position", "id")
        )
        index = next(i for i, q in enumerate(ordered) if q.pk == question.pk)
        target = max(0, min(len(ordered) - 1, index + offset))
        ordered.insert(target, ordered.pop(index))
        place = {q.pk: i for i, q in enumerate(ordered)}
        labels = {q.pk: q.label for q in ordered}
        for each in ordered:
            subject = each.condition_question_id
            if subject is not None and place[subject] > place[each.pk]:
                message = _(
                    "“%(question)s” depends on the answer to “%(other)s”, so it stays below it."
                ) % {"question": each.label, "other": labels[subject]}
                raise Conflict(message, fields={"offset": [message]})
        for position, each in enumerate(ordered, start=1):
            if each.position != position:
                each.position = position
                each.save(update_fields=["position"])
        moved = next(q for q in ordered if q.pk == question.pk)
        _audit(moved, actor, "question.moved", position=target + 1)


def question_delete(*, question: Question, actor: User) -> None:
    """Delete a question; answers already given keep its label and stay readable.
    Refused while another question's condition depends on it."""
    with transaction.atomic(), scope(organisation=question.organisation_id):
        dependents = list(
            Question.objects.filter(condition_question=question).values_list("label", flat=True)
        )
        if dependents:
            raise Conflict(
                ngettext(
                    "%(names)s depends on this question's answer: change or delete its "
                    "condition first.",
                    "%(names)s depend on this question's answer: change or delete their "
                    "conditions first.",
                    len(dependents),
                )
                % {"names": answers.quoted(dependents)}
            )
        _audit(question, actor, "question.deleted")
        question.delete()


def _merge(errors: Errors, more: Errors) -> None:
    for name, messages in more.items():
        errors.setdefault(name, []).extend(messages)


def _definition_errors(
    kind: str,
    label: str,
    help_text: str,
    choices: list[Any],
    scale_min: Any,
    scale_max: Any,
    low_label: str,
    high_label: str,
) -> Errors:
    errors: Errors = {}
    if kind not in QuestionKind.values:
        errors["kind"] = [_("Choose single choice, multiple choice, scale or text.")]
    if not label or len(label) > 200:
        errors["label"] = [_("Give the question a text of 1 to 200 characters.")]
    if len(help_text) > 300:
        errors["help_text"] = [_("Keep the help text to 300 characters.")]
    if kind in answers.CHOICE_KINDS:
        if problem := _choices_problem(choices):
            errors["choices"] = [problem]
    elif choices:
        errors["choices"] = [_("Only choice questions have choices.")]
    has_scale = scale_min is not None or scale_max is not None or low_label or high_label
    if kind == QuestionKind.SCALE:
        if not (_whole(scale_min) and _whole(scale_max) and LOWEST <= scale_min < scale_max):
            errors["scale_min"] = [_scale_problem()]
        elif scale_max > HIGHEST:
            errors["scale_max"] = [_scale_problem()]
        if len(low_label) > 60 or len(high_label) > 60:
            errors["low_label"] = [_("Keep the words for each end to 60 characters.")]
    elif has_scale:
        errors["scale_min"] = [_("Only a scale has a range and words for its ends.")]
    return errors


def _scale_problem() -> str:
    return _(
        "A scale runs between two whole numbers from %(lowest)d to %(highest)d, "
        "the first lower than the second."
    ) % {"lowest": LOWEST, "highest": HIGHEST}


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _choices_problem(choices: list[Any]) -> str | None:
    if not all(isinstance(c, str) and c for c in choices):
        return _("Every choice needs some text.")
    if not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
        return _("Give %(low)d to %(high)d choices.") % {"low": MIN_CHOICES, "high": MAX_CHOICES}
    if any(len(c) > MAX_CHOICE_LENGTH for c in choices):
        return _("Keep each choice to %(count)d characters.") % {"count": MAX_CHOICE_LENGTH}
    if len({c.casefold() for c in choices}) != len(choices):
        return _("Give each choice only once.")
    return None


def _is_answered(question: Question) -> bool:
    return Feedback.objects.filter(
        survey_id=question.survey_id, answers__has_key=str(question.pk)
    ).exists()


def _change_errors(
    question: Question,
    siblings: list[Question],
    kind: str,
    choices: list[Any],
    scale_min: Any,
    scale_max: Any,
) -> Errors:
    """What a change would break: answers given on the old kind or scale, or the
    conditions of the questions that depend on this one."""
    errors: Errors = {}
    current = next(q for q in siblings if q.pk == question.pk)
    new_range = (scale_min, scale_max)
    kind_changes = kind != current.kind
    range_changes = kind == QuestionKind.SCALE and new_range != answers.scale_of(current)
    if (kind_changes or range_changes) and _is_answered(current):
        if kind_changes:
            errors["kind"] = [
                _("People have answered this question, so its kind stays: add a new one instead.")
            ]
        else:
            errors["scale_min"] = [_("People have answered on this scale, so its range stays.")]
    for dependent in (q for q in siblings if q.condition_question_id == question.pk):
        words = {"other": dependent.label}
        if dependent.condition_operator == ConditionOperator.ONE_OF:
            if kind not in answers.CHOICE_KINDS:
                errors.setdefault("kind", []).append(
                    _("“%(other)s” depends on these choices: change its condition first.") % words
                )
                continue
            for choice in dependent.condition_choices:
                if choice not in choices:
                    errors.setdefault("choices", []).append(
                        _(
                            "“%(other)s” is asked when the answer is “%(choice)s”: keep that "
                            "choice, or change its condition first."
                        )
                        % {**words, "choice": choice}
                    )
        elif kind != QuestionKind.SCALE:
            errors.setdefault("kind", []).append(
                _("“%(other)s” depends on this scale: change its condition first.") % words
            )
        elif _whole(scale_min) and _whole(scale_max):
            number = dependent.condition_number
            if number is None or not scale_min <= number <= scale_max:
                errors.setdefault("scale_min", []).append(
                    _(
                        "“%(other)s” compares this answer with %(number)s: keep it on the "
                        "scale, or change its condition first."
                    )
                    % {**words, "number": number}
                )
    return errors


def _condition(
    survey: Survey,
    question: Question | None,
    siblings: list[Question],
    on: str,
    operator: str,
    number: Any,
    choices: Sequence[Any],
) -> tuple[Condition, Errors]:
    """The condition the input describes, or what is wrong with it."""
    on = on.strip() if isinstance(on, str) else ""
    picked = [c.strip() if isinstance(c, str) else c for c in choices]
    if not on:
        if operator or number is not None or picked:
            return Condition(), {"condition_on": [_("Choose the answer this question depends on.")]}
        return Condition(), {}
    subject: Question | None = None
    if on in answers.SCORES:
        if not getattr(survey, f"asks_{on}"):
            message = _("This form does not ask %(score)s: choose a score it asks.") % {
                "score": answers.SCORE_NAMES[on]
            }
            return Condition(), {"condition_on": [message]}
        low, high = answers.score_range(on)
    elif on.isascii() and on.isdecimal() and len(on) <= 18:
        subject, problem = _earlier_question(question, siblings, int(on))
        if problem:
            return Condition(), {"condition_on": [problem]}
        assert subject is not None
        low, high = answers.scale_of(subject)
    else:
        message = _("Choose NPS, CSAT, CES or an earlier question of this form.")
        return Condition(), {"condition_on": [message]}
    errors: Errors = {}
    if subject is not None and subject.kind in answers.CHOICE_KINDS:
        if operator != ConditionOperator.ONE_OF:
            errors["condition_operator"] = [_("For a choice question, choose “is one of”.")]
        if number is not None:
            errors["condition_number"] = [_("Only a score or a scale is compared with a number.")]
        if not picked:
            errors["condition_choices"] = [_("Choose at least one of its choices.")]
        elif unknown := [c for c in picked if c not in subject.choices]:
            shown = ", ".join(str(c) for c in unknown)
            errors["condition_choices"] = [
                _("Not a choice of “%(other)s”: %(choices)s.")
                % {"other": subject.label, "choices": shown}
            ]
        condition = Condition(question=subject, operator=operator, choices=list(picked))
        return condition, errors
    if operator not in SCALE_OPERATORS:
        errors["condition_operator"] = [
            _("For a score or a scale, choose “is at most” or “is at least”.")
        ]
    if picked:
        errors["condition_choices"] = [_("Only a choice question's condition has choices.")]
    if not _whole(number) or not low <= number <= high:
        errors["condition_number"] = [
            _("Choose a whole number from %(low)d to %(high)d.") % {"low": low, "high": high}
        ]
    score = on if subject is None else ""
    return Condition(score=score, question=subject, operator=operator, number=number), errors


def _earlier_question(
    question: Question | None, siblings: list[Question], pk: int
) -> tuple[Question | None, str | None]:
    place = {q.pk: i for i, q in enumerate(siblings)}
    if pk not in place:
        if Question.objects.filter(pk=pk).exists():  # in this organisation's scope
            return None, _("That question is on another form: choose one of this form's.")
        return None, _("This form has no such question.")
    found = siblings[place[pk]]
    if question is not None and pk == question.pk:
        return None, _("A question cannot depend on its own answer.")
    if question is not None and place[pk] > place[question.pk]:
        return None, _(
            "“%(other)s” comes after this question: a question can only depend on an earlier one."
        ) % {"other": found.label}
    if found.kind == QuestionKind.TEXT:
        return None, _("“%(other)s” is a text question: a condition needs a choice or a scale.") % {
            "other": found.label
        }
    return found, None


def _audit(question: Question, actor: User, action: str, **details: Any) -> None:
    audit.record(
        organisation=question.organisation,
        actor=actor,
        action=action,
        target=question.label,
        form=question.survey.title,
        **details,
    )
