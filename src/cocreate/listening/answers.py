"""Answers to a form's own questions: which questions apply, given the answers before
them, and whether each answer fits its question.

The page and the API both reach this through `services.feedback_submit`, so both keep
and refuse the same answers with the same sentences. Built-in scores are named `nps`,
`csat` and `ces`, own questions `q<id>` (`Question.key`).
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cocreate.listening.models import ConditionOperator, Question, QuestionKind
from cocreate.listening.rows import MAX_TEXT, SCALES

SCORES = ("nps", "csat", "ces")
SCORE_NAMES = {"nps": "NPS", "csat": "CSAT", "ces": "CES"}
CHOICE_KINDS = (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE)

Stored = dict[str, dict[str, Any]]
Errors = dict[str, list[str]]


def subject_key(question: Question) -> str:
    """The name of the answer its condition looks at ("" without a condition)."""
    if question.condition_score:
        return question.condition_score
    return f"q{question.condition_question_id}" if question.condition_question_id else ""


def scale_of(question: Question) -> tuple[int, int]:
    return (question.scale_min or 0, question.scale_max or 0)


def holds(question: Question, given: Mapping[str, Any]) -> bool:
    """Whether the question applies: it has no condition, or the earlier answer meets it.
    An earlier question that was not answered (or did not apply) meets no condition."""
    subject = subject_key(question)
    if not subject:
        return True
    value = given.get(subject)
    operator = question.condition_operator
    number = question.condition_number
    if operator == ConditionOperator.ONE_OF:
        picked = value if isinstance(value, list) else [value]
        return any(choice in question.condition_choices for choice in picked)
    if not isinstance(value, int) or number is None:
        return False
    if operator == ConditionOperator.AT_MOST:
        return value <= number
    if operator == ConditionOperator.AT_LEAST:
        return value >= number
    return False


def is_empty(raw: Any) -> bool:
    if isinstance(raw, str):
        return not raw.strip()
    return raw is None or (isinstance(raw, list | tuple) and not raw)


def check(question: Question, raw: Any) -> tuple[Any, str | None]:
    """The answer as it is kept, or why it does not fit the question."""
    if question.kind == QuestionKind.TEXT:
        if not isinstance(raw, str):
            return None, _("Write the answer as text.")
        text = raw.strip()
        if len(text) > MAX_TEXT:
            return None, ngettext(
                "Keep it to %(count)d character.", "Keep it to %(count)d characters.", MAX_TEXT
            ) % {"count": MAX_TEXT}
        return text, None
    if question.kind == QuestionKind.SCALE:
        low, high = scale_of(question)
        if isinstance(raw, bool) or not isinstance(raw, int) or not low <= raw <= high:
            return None, _("Choose a whole number from %(low)d to %(high)d.") % {
                "low": low,
                "high": high,
            }
        return raw, None
    choices = list(question.choices)
    if question.kind == QuestionKind.SINGLE_CHOICE:
        if not isinstance(raw, str) or raw not in choices:
            return None, _("Choose one of: %(choices)s.") % {"choices": ", ".join(choices)}
        return raw, None
    picked = [raw] if isinstance(raw, str) else raw
    if not isinstance(picked, list | tuple) or not all(isinstance(p, str) for p in picked):
        return None, _("Choose from the choices given.")
    unknown = [p for p in picked if p not in choices]
    if unknown:
        return None, _("Not a choice here: %(choices)s.") % {"choices": ", ".join(unknown)}
    return [choice for choice in choices if choice in picked], None


def clean(
    questions: Sequence[Question], raw: Mapping[str, Any], scores: Mapping[str, int]
) -> tuple[Stored, Errors]:
    """The answers to keep, by question id, and the errors by question key.

    Questions are taken in order, so a condition sees the answers kept before it; an
    answer to a question that does not apply is dropped (its condition is the server's
    to judge, whatever the page showed)."""
    known = {q.key for q in questions}
    errors: Errors = {
        key: [_("This form has no such question.")] for key in raw if key not in known
    }
    given: dict[str, Any] = dict(scores)
    stored: Stored = {}
    for question in questions:
        if not holds(question, given):
            continue
        answer = raw.get(question.key)
        if is_empty(answer):
            if question.required:
                errors[question.key] = [_("Answer this question.")]
            continue
        value, problem = check(question, answer)
        if problem:
            errors[question.key] = [problem]
            continue
        given[question.key] = value
        stored[str(question.pk)] = {"label": question.label, "kind": question.kind, "value": value}
    return stored, errors


def quoted(texts: Iterable[str]) -> str:
    return ", ".join(f"“{text}”" for text in texts)


def condition_words(question: Question, subject: str) -> str:
    """When the question applies, in a sentence: `subject` names the earlier question."""
    operator = question.condition_operator
    if operator == ConditionOperator.AT_MOST:
        return _("Only if the answer to “%(subject)s” is %(number)d or less.") % {
            "subject": subject,
            "number": question.condition_number,
        }
    if operator == ConditionOperator.AT_LEAST:
        return _("Only if the answer to “%(subject)s” is %(number)d or more.") % {
            "subject": subject,
            "number": question.condition_number,
        }
    choices = list(question.condition_choices)
    return ngettext(
        "Only if the answer to “%(subject)s” is %(choices)s.",
        "Only if the answer to “%(subject)s” is one of %(choices)s.",
        len(choices),
    ) % {"subject": subject, "choices": quoted(choices)}


def subject_label(question: Question) -> str:
    """A short name for what the condition looks at, for organisers: NPS, or the label."""
    if question.condition_score:
        return SCORE_NAMES.get(question.condition_score, question.condition_score)
    found = question.condition_question
    return found.label if found is not None else ""


def score_range(score: str) -> tuple[int, int]:
    return SCALES[score]
