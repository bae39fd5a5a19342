"""What customers value, beyond scores: a customer's lifetime with the organisation, and
what the ideas app knows (idea rankings, opportunity scores) once it is installed.

Reads only. The ideas app is optional here: every function that needs it says so with
`ideas_installed()` and returns nothing without it, so the pages show an empty state.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.apps import apps
from django.db.models import Count, QuerySet
from django_scopes import scope

from cocreate.listening.models import Feedback, Interaction, Vote
from cocreate.messaging.models import Message
from cocreate.offerings.models import DesignVersion
from cocreate.organisations.models import Membership, Organisation

TIMELINE_LIMIT = 200


def ideas_installed() -> bool:
    return apps.is_installed("cocreate.ideas")


def ideas_contribution_queries(
    organisation: Organisation,
) -> list[tuple[str, QuerySet[Any], tuple[str, str, str]]]:
    """(kind, rows, (id, customer, time) fields) for ideas, idea votes (pairwise answers
    and support) and challenge work: the active contributions the ideas app holds. Call
    inside the organisation's scope. Empty without the app."""
    if not ideas_installed():
        return []
    from cocreate.ideas.models import ChallengeMessage, Comparison, Idea, Support

    answered = Comparison.objects.exclude(choice="").filter(answered_at__isnull=False)
    return [
        ("idea", Idea.objects.all(), ("id", "author_id", "created_at")),
        ("vote", answered, ("id", "voter_id", "answered_at")),
        ("vote", Support.objects.all(), ("id", "user_id", "created_at")),
        ("challenge", ChallengeMessage.objects.all(), ("id", "author_id", "created_at")),
    ]


@dataclass(frozen=True)
class RankedIdeaRow:
    title: str
    rank: int
    chance: float  # 0-100: chance to beat a randomly chosen other idea
    low: float
    high: float
    support: int


def idea_ranking(organisation: Organisation, limit: int = 10) -> tuple[list[RankedIdeaRow], int]:
    """The best-ranked ideas as the ideas app last ranked them, and how many voted.

    Reads its stored snapshot, so this page never refits the ranking itself."""
    if not ideas_installed():
        return [], 0
    from cocreate.ideas.models import Idea, RankingSnapshot

    with scope(organisation=organisation):
        snapshot = RankingSnapshot.objects.first()
        if snapshot is None:
            return [], 0
        rows = sorted(snapshot.ideas, key=lambda row: row["rank"])[:limit]
        titles = dict(
            Idea.objects.filter(pk__in=[row["idea"] for row in rows]).values_list("pk", "title")
        )
    return [
        RankedIdeaRow(
            titles.get(row["idea"], "(an idea since removed)"),
            row["rank"],
            row["chance_to_win"],
            row["chance_low"],
            row["chance_high"],
            row["support"],
        )
        for row in rows
    ], snapshot.voters


@dataclass(frozen=True)
class OpportunityRow:
    outcome: str
    importance: float
    satisfaction: float
    opportunity: float
    low: float
    high: float
    label: str
    respondents: int


_opportunities: dict[tuple[Any, ...], tuple[str, list[OpportunityRow]]] = {}


def opportunities(organisation: Organisation, limit: int = 10) -> tuple[str, list[OpportunityRow]]:
    """The most underserved outcomes of the latest outcome survey with answers (its
    title, and the rows), kept per process until a new answer arrives."""
    if not ideas_installed():
        return "", []
    from cocreate.ideas import engine as ideas_engine
    from cocreate.ideas.models import Outcome, Response, Survey

    with scope(organisation=organisation):
        survey = (
            Survey.objects.filter(responses__isnull=False).order_by("-created_at", "-pk").first()
        )
        if survey is None:
            return "", []
        answered = Response.objects.filter(survey=survey).count()
        key = (organisation.pk, survey.pk, answered)
        if key not in _opportunities:
            scores = ideas_engine.opportunities(survey)
            names: dict[Any, str] = {
                o.pk: str(o) for o in Outcome.objects.filter(pk__in=[s.outcome for s in scores])
            }
            rows = [
                OpportunityRow(
                    names.get(s.outcome, "?"),
                    s.importance,
                    s.satisfaction,
                    s.opportunity,
                    s.opportunity_interval.low,
                    s.opportunity_interval.high,
                    s.label,
                    s.respondents,
                )
                for s in sorted(scores, key=lambda s: -s.opportunity)
            ]
            _opportunities.clear()  # one survey's worth is plenty to keep
            _opportunities[key] = (survey.title, rows)
    title, rows = _opportunities[key]
    return title, rows[:limit]


@dataclass(frozen=True)
class Moment:
    at: datetime
    kind: str  # design, feedback, message, interaction, vote
    title: str
    detail: str = ""


def timeline(organisation: Organisation, membership: Membership) -> list[Moment]:
    """Everything this customer did with the organisation, and heard from it, latest first."""
    user_id = membership.user_id
    moments: list[Moment] = []
    with scope(organisation=organisation):
        for version in DesignVersion.objects.filter(design__user_id=user_id).select_related(
            "design__offering"
        )[:TIMELINE_LIMIT]:
            options = len(version.options or [])
            moments.append(
                Moment(
                    version.created_at,
                    "design",
                    f"Designed “{version.design.offering.name}” (version {version.number})",
                    f"{options} option{'s' if options != 1 else ''} chosen",
                )
            )
        for item in Feedback.objects.filter(customer_id=user_id).select_related(
            "touchpoint__phase"
        )[:TIMELINE_LIMIT]:
            scores = ", ".join(
                f"{label} {value}"
                for label, value in (("NPS", item.nps), ("CSAT", item.csat), ("CES", item.ces))
                if value is not None
            )
            moments.append(
                Moment(
                    item.submitted_at,
                    "feedback",
                    f"{item.get_kind_display()} at “{item.touchpoint.name}” "
                    f"({item.touchpoint.phase.name})",
                    " · ".join(part for part in (scores, item.text) if part),
                )
            )
        for interaction in Interaction.objects.filter(customer_id=user_id).select_related(
            "staff", "touchpoint"
        )[:TIMELINE_LIMIT]:
            moments.append(
                Moment(
                    interaction.occurred_at,
                    "interaction",
                    f"Served by {interaction.staff.name or interaction.staff.email} at "
                    f"“{interaction.touchpoint.name}”",
                )
            )
        votes = (
            Vote.objects.filter(participant_id=user_id)
            .values("conversation__title")
            .annotate(n=Count("id"))
            .order_by()
        )
        last_vote = dict(
            Vote.objects.filter(participant_id=user_id)
            .order_by("voted_at")
            .values_list("conversation__title", "voted_at")
        )
        for row in votes:
            title = row["conversation__title"]
            moments.append(
                Moment(last_vote[title], "vote", f"Voted on {row['n']} statements in “{title}”")
            )
        for message in Message.objects.filter(recipient_id=user_id).exclude(kind="digest")[
            :TIMELINE_LIMIT
        ]:
            moments.append(
                Moment(message.created_at, "message", message.subject or message.text[:80])
            )
    moments.sort(key=lambda m: m.at, reverse=True)
    return moments[:TIMELINE_LIMIT]


def customers_matching(organisation: Organisation, search: str) -> QuerySet[Membership]:
    with scope(organisation=organisation):
        found = Membership.objects.select_related("user").filter(role="customer")
        if search:
            from django.db.models import Q

            found = found.filter(Q(user__email__icontains=search) | Q(user__name__icontains=search))
        return found.order_by("user__name", "user__email")
