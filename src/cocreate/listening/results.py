"""What the answers to one feedback form add up to: its built-in scores, and for each of
its own questions the count and share of each choice, a scale's mean with its 95%
interval, or the latest text answers.

Answers are read once per page (the form's own answers live in a JSON column, so they
are counted here rather than in SQL); the intervals come from the scores engine.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
from django_scopes import scope

from cocreate.engines import scores
from cocreate.engines.scores.intervals import mean_interval, share_interval
from cocreate.listening import answers, selectors
from cocreate.listening.models import Feedback, Question, QuestionKind, Survey

LATEST_TEXTS = 10


@dataclass(frozen=True)
class Count:
    """How many answers chose this (a choice, or a point of a scale), and their share
    of those who answered the question, in percent with its Wilson interval."""

    value: str
    count: int
    share: float
    low: float
    high: float
    offered: bool = True  # False: a choice since removed from the question


@dataclass(frozen=True)
class TextAnswer:
    text: str
    submitted_at: datetime


@dataclass
class QuestionResult:
    question: Question
    condition: str
    answered: int = 0
    counts: list[Count] = field(default_factory=list)
    mean: float | None = None
    low: float | None = None
    high: float | None = None
    texts: list[TextAnswer] = field(default_factory=list)


@dataclass(frozen=True)
class FormResults:
    survey: Survey
    answers: int
    scores: list[scores.Score]
    questions: list[QuestionResult]


def form_results(survey: Survey) -> FormResults:
    with scope(organisation=survey.organisation_id):
        found = list(
            Feedback.objects.filter(survey=survey)
            .order_by("-submitted_at", "-id")
            .values_list("nps", "csat", "ces", "answers", "submitted_at")
        )
    questions = list(selectors.questions(survey))
    built_in = [
        measure([v for v in column if v is not None])
        for measure, column in _asked_columns(survey, found)
    ]
    given = [(row[3] or {}, row[4]) for row in found]
    return FormResults(
        survey=survey,
        answers=len(found),
        scores=built_in,
        questions=[_result(q, given) for q in questions],
    )


def _asked_columns(survey: Survey, found: list[tuple[Any, ...]]) -> list[tuple[Any, list[Any]]]:
    measures = {"nps": scores.nps, "csat": scores.csat, "ces": scores.ces}
    return [
        (measures[name], [row[index] for row in found])
        for index, name in enumerate(("nps", "csat", "ces"))
        if getattr(survey, f"asks_{name}")
    ]


def _result(question: Question, given: list[tuple[dict[str, Any], datetime]]) -> QuestionResult:
    key = str(question.pk)
    values = [(answer[key]["value"], at) for answer, at in given if key in answer]
    condition = (
        answers.condition_words(question, answers.subject_label(question))
        if question.has_condition
        else ""
    )
    result = QuestionResult(question=question, condition=condition, answered=len(values))
    if question.kind == QuestionKind.TEXT:
        result.texts = [TextAnswer(str(v), at) for v, at in values[:LATEST_TEXTS]]
    elif question.kind == QuestionKind.SCALE:
        numbers = np.array([v for v, _ in values if isinstance(v, int)], dtype=float)
        low, high = answers.scale_of(question)
        mean, lower, upper = mean_interval(
            numbers.sum(), (numbers**2).sum(), numbers.size, scale=(low, high)
        )
        result.mean, result.low, result.high = (_plain(x) for x in (mean, lower, upper))
        tally = Counter(int(v) for v in numbers)
        points = [str(p) for p in range(low, high + 1)]
        result.counts = _counts(points, {str(p): n for p, n in tally.items()}, len(values))
    else:
        tally = Counter(choice for v, _ in values for choice in (v if isinstance(v, list) else [v]))
        result.counts = _counts(list(question.choices), tally, len(values))
    return result


def _counts(offered: list[str], tally: Any, answered: int) -> list[Count]:
    """One count per offered value (zeros included), then values no longer offered."""
    gone = sorted(v for v in tally if v not in offered)
    shown = [*offered, *gone]
    if not shown:
        return []
    counted = np.array([tally.get(v, 0) for v in shown], dtype=float)
    share, low, high = share_interval(counted, np.full(len(shown), answered))
    return [
        Count(v, int(c), float(s), float(lo), float(hi), v in offered)
        for v, c, s, lo, hi in zip(shown, counted, share, low, high, strict=True)
    ]


def _plain(x: Any) -> float | None:
    value = float(x)
    return None if np.isnan(value) else value
