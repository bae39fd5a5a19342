"""Reads of the listening app. Each enters the organisation's scope itself."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import polars as pl
from django.db.models import Case, Count, F, Q, QuerySet, Sum, When
from django.utils import timezone
from django_scopes import scope

from cocreate.engines.scores import STATISTICS, measures, score_table
from cocreate.engines.scores.measures import (
    DETRACTOR_UP_TO,
    EASY_FROM,
    PROMOTER_FROM,
    SATISFIED_FROM,
)
from cocreate.listening.models import (
    Conversation,
    Feedback,
    ImportProblem,
    ListeningSettings,
    Phase,
    Question,
    RatingRequest,
    RunStatus,
    SignalImport,
    StaffPulse,
    Statement,
    Survey,
    Theme,
    ThemeRun,
    Touchpoint,
    Vote,
)
from cocreate.organisations.models import FieldKind, Membership, Organisation, ProfileField


@dataclass(frozen=True)
class JourneyPhase:
    phase: Phase
    touchpoints: list[Touchpoint]


def journey(organisation: Organisation) -> list[JourneyPhase]:
    """The phases in order, each with its touchpoints (two queries)."""
    with scope(organisation=organisation):
        phases = list(Phase.objects.order_by("position", "id"))
        touchpoints = list(Touchpoint.objects.order_by("position", "id"))
    return [JourneyPhase(p, [t for t in touchpoints if t.phase_id == p.pk]) for p in phases]


def phases(organisation: Organisation) -> QuerySet[Phase]:
    with scope(organisation=organisation):
        return Phase.objects.order_by("position", "id")


def touchpoints(organisation: Organisation) -> QuerySet[Touchpoint]:
    with scope(organisation=organisation):
        return Touchpoint.objects.select_related("phase").order_by(
            "phase__position", "position", "id"
        )


def settings_of(organisation: Organisation) -> ListeningSettings:
    with scope(organisation=organisation):
        found = ListeningSettings.objects.filter(organisation=organisation).first()
    return found or ListeningSettings(organisation=organisation)


def segment_fields(organisation: Organisation) -> QuerySet[ProfileField]:
    with scope(organisation=organisation):
        return ProfileField.objects.filter(kind=FieldKind.SINGLE_CHOICE)


def surveys(organisation: Organisation) -> QuerySet[Survey]:
    with scope(organisation=organisation):
        return (
            Survey.objects.select_related("touchpoint__phase")
            .annotate(answers=Count("feedback"))
            .order_by("touchpoint__phase__position", "touchpoint__position", "-created_at")
        )


def questions(survey: Survey) -> QuerySet[Question]:
    """A form's own questions in the order they are asked, with what each depends on."""
    with scope(organisation=survey.organisation_id):
        return (
            Question.objects.filter(survey=survey)
            .select_related("condition_question")
            .order_by("position", "id")
        )


def questions_depending_on(survey: Survey, score: str) -> list[str]:
    """The labels of the form's questions whose condition looks at this built-in score."""
    with scope(organisation=survey.organisation_id):
        found = Question.objects.filter(survey=survey, condition_score=score)
        return list(found.values_list("label", flat=True))


def survey_by_token(token: str) -> Survey | None:
    """The form a shareable link names, in whichever organisation it is: the token is
    the only thing a visitor has, and it names one form (unique across organisations)."""
    from django_scopes import scopes_disabled

    with scopes_disabled():
        return (
            Survey.objects.select_related("touchpoint__phase", "organisation")
            .filter(token=token)
            .first()
        )


def feedback(
    organisation: Organisation,
    *,
    touchpoint: int | None = None,
    source: str = "",
    with_text: bool = False,
) -> QuerySet[Feedback]:
    with scope(organisation=organisation):
        found = Feedback.objects.select_related("touchpoint__phase", "customer")
        if touchpoint:
            found = found.filter(touchpoint_id=touchpoint)
        if source:
            found = found.filter(source=source)
        if with_text:
            found = found.exclude(text="")
        return found.order_by("-submitted_at", "-id")


def imports(organisation: Organisation) -> QuerySet[SignalImport]:
    with scope(organisation=organisation):
        return SignalImport.objects.defer("content").select_related("created_by")


def import_problems(signal_import: SignalImport) -> QuerySet[ImportProblem]:
    with scope(organisation=signal_import.organisation_id):
        return ImportProblem.objects.filter(signal_import=signal_import).order_by("line", "id")


def latest_theme_run(organisation: Organisation) -> ThemeRun | None:
    with scope(organisation=organisation):
        return ThemeRun.objects.filter(status=RunStatus.DONE).order_by("-finished_at").first()


def current_theme_run(organisation: Organisation) -> ThemeRun | None:
    with scope(organisation=organisation):
        return ThemeRun.objects.order_by("-created_at", "-id").first()


def themes_of(run: ThemeRun) -> list[Theme]:
    with scope(organisation=run.organisation_id):
        return list(Theme.objects.filter(run=run).order_by("number"))


def texts_since(organisation: Organisation, run: ThemeRun | None) -> int:
    """Feedback texts that came in after a theme run finished (all of them without one)."""
    with scope(organisation=organisation):
        found = Feedback.objects.exclude(text="")
        if run is not None and run.finished_at is not None:
            found = found.filter(submitted_at__gt=run.finished_at)
        return found.count()


def pulses_of(organisation: Organisation, user_id: int, limit: int = 8) -> list[StaffPulse]:
    with scope(organisation=organisation):
        return list(StaffPulse.objects.filter(staff_id=user_id).order_by("-submitted_at")[:limit])


def conversations(organisation: Organisation) -> QuerySet[Conversation]:
    with scope(organisation=organisation):
        return Conversation.objects.annotate(
            statement_count=Count("statements", distinct=True)
        ).order_by("-is_open", "-created_at", "-id")


@dataclass(frozen=True)
class StatementCount:
    statement: Statement
    agree: int
    disagree: int
    passed: int
    mine: int | None

    @property
    def votes(self) -> int:
        return self.agree + self.disagree + self.passed


def statements(conversation: Conversation, user_id: int | None = None) -> list[StatementCount]:
    """Each statement with its votes so far (and this person's own vote)."""
    with scope(organisation=conversation.organisation_id):
        found = Statement.objects.filter(conversation=conversation).annotate(
            agree=Count("votes", filter=Q(votes__value=1)),
            disagree=Count("votes", filter=Q(votes__value=-1)),
            passed=Count("votes", filter=Q(votes__value=0)),
        )
        mine = dict(
            Vote.objects.filter(conversation=conversation, participant_id=user_id).values_list(
                "statement_id", "value"
            )
        )
        return [
            StatementCount(s, s.agree, s.disagree, s.passed, mine.get(s.pk))
            for s in found.order_by("id")
        ]


def next_statement(conversation: Conversation, user_id: int) -> Statement | None:
    """The first statement this person has not voted on yet."""
    with scope(organisation=conversation.organisation_id):
        voted = Vote.objects.filter(conversation=conversation, participant_id=user_id)
        return (
            Statement.objects.filter(conversation=conversation)
            .exclude(pk__in=voted.values("statement_id"))
            .order_by("id")
            .first()
        )


def votes_frame_rows(conversation: Conversation) -> list[tuple[Any, ...]]:
    """(participant, statement, vote) for every vote: the opinion groups' input."""
    with scope(organisation=conversation.organisation_id):
        return list(
            Vote.objects.filter(conversation=conversation).values_list(
                "participant_id", "statement_id", "value"
            )
        )


@dataclass(frozen=True)
class Rated:
    """How the people who had a session (or a delivered option) rated it."""

    touchpoint: Touchpoint
    counts: list[int]  # answers of 1, 2, 3, 4 and 5
    satisfied: Any  # engines.scores Score: share of 4 and 5, with its interval
    mean: float | None
    comments: list[Feedback]

    @property
    def n(self) -> int:
        return sum(self.counts)

    @property
    def bars(self) -> list[tuple[int, int, int]]:
        """(score, answers, width in % of the most common score), from 5 down."""
        top = max(self.counts) or 1
        return [
            (s, self.counts[s - 1], round(100 * self.counts[s - 1] / top)) for s in (5, 4, 3, 2, 1)
        ]


def rated_touchpoints(organisation: Organisation, *, host_id: int | None = None) -> list[Rated]:
    """The touchpoints of sessions and delivered options, each with its ratings, latest
    first; `host_id` keeps those of the options that person hosts (two queries)."""
    with scope(organisation=organisation):
        found = Touchpoint.objects.filter(option__isnull=False).select_related("option", "phase")
        if host_id is not None:
            found = found.filter(option__hosts=host_id)
        touchpoints = list(found.order_by("-option__starts_at", "name"))
        answers = list(
            Feedback.objects.filter(touchpoint__in=touchpoints, csat__isnull=False)
            .select_related("customer")
            .order_by("-submitted_at", "-id")
        )
    rated = []
    for touchpoint in touchpoints:
        mine = [f for f in answers if f.touchpoint_id == touchpoint.pk]
        scores = [int(f.csat) for f in mine if f.csat is not None]
        rated.append(
            Rated(
                touchpoint=touchpoint,
                counts=[scores.count(s) for s in range(1, 6)],
                satisfied=measures.csat(scores),
                mean=sum(scores) / len(scores) if scores else None,
                comments=[f for f in mine if f.text][:20],
            )
        )
    return rated


# What the organisation's overview tells staff to look at.

FALL_MEASURES = ("nps", "csat", "ces")  # for each, a lower score is a worse experience
FALL_SCALES = {"nps": 200.0, "csat": 100.0, "ces": 6.0}  # to compare falls across measures


@dataclass(frozen=True)
class ScoreFall:
    """One score of one touchpoint, lower in the recent window than in the one before."""

    touchpoint_id: int
    touchpoint: str
    measure: str  # nps, csat or ces
    before: float
    after: float
    answers_before: int
    answers_after: int

    @property
    def drop(self) -> float:
        return self.before - self.after


def falling_scores(
    organisation: Organisation, *, now: datetime, days: int = 30, least: int = 10
) -> list[ScoreFall]:
    """Touchpoints whose NPS, CSAT or CES fell in the last `days` against the `days`
    before. Only where each window has at least `least` answers to the question and the
    two 95% intervals do not overlap, as the dashboards compare groups: a fall that may
    be chance raises no alarm. The largest falls first (for its scale); one query."""
    recent, start = now - timedelta(days=days), now - timedelta(days=2 * days)
    with scope(organisation=organisation):
        rows = list(
            Feedback.objects.filter(submitted_at__gte=start, submitted_at__lt=now)
            .annotate(recent=Case(When(submitted_at__gte=recent, then=1), default=0))
            .values("touchpoint_id", "touchpoint__name", "recent")
            .annotate(
                volume=Count("pk"),
                nps_n=Count("nps"),
                nps_promoters=Count("pk", filter=Q(nps__gte=PROMOTER_FROM)),
                nps_detractors=Count("pk", filter=Q(nps__lte=DETRACTOR_UP_TO)),
                csat_n=Count("csat"),
                csat_satisfied=Count("pk", filter=Q(csat__gte=SATISFIED_FROM)),
                ces_n=Count("ces"),
                ces_sum=Sum("ces"),
                ces_sum_of_squares=Sum(F("ces") * F("ces")),
                ces_easy=Count("pk", filter=Q(ces__gte=EASY_FROM)),
            )
            .order_by()
        )
    if not rows:
        return []
    statistics = pl.DataFrame(
        {
            "touchpoint": [row["touchpoint_id"] for row in rows],
            "recent": [row["recent"] for row in rows],
            **{name: [float(row[name] or 0) for row in rows] for name in STATISTICS},
        }
    )
    scored = {
        (row["touchpoint"], row["recent"], row["measure"]): row
        for row in score_table(statistics, ["touchpoint", "recent"]).to_dicts()
    }
    names = {row["touchpoint_id"]: row["touchpoint__name"] for row in rows}
    falls = []
    for touchpoint, name in names.items():
        for measure in FALL_MEASURES:
            before = scored.get((touchpoint, 0, measure))
            after = scored.get((touchpoint, 1, measure))
            if before is None or after is None or min(before["n"], after["n"]) < least:
                continue
            if None in (before["low"], after["high"]) or after["high"] >= before["low"]:
                continue
            falls.append(
                ScoreFall(
                    touchpoint,
                    name,
                    measure,
                    before["value"],
                    after["value"],
                    before["n"],
                    after["n"],
                )
            )
    return sorted(falls, key=lambda f: (-f.drop / FALL_SCALES[f.measure], f.touchpoint))


def ratings_waiting(membership: Membership, *, within_days: int = 7) -> list[RatingRequest]:
    """The sessions this person was asked about lately and has not rated, newest first."""
    since = timezone.now() - timedelta(days=within_days)
    with scope(organisation=membership.organisation_id):
        return list(
            RatingRequest.objects.filter(
                user_id=membership.user_id, feedback__isnull=True, asked_at__gte=since
            )
            .select_related("touchpoint__option")
            .order_by("-asked_at", "-id")
        )
