"""Reads of jobs, outcomes, surveys, ideas and challenges. Each enters the organisation's
scope itself, and each list hides what the person may not see."""

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.ideas.audience import answers_of, matches
from cocreate.ideas.models import (
    Challenge,
    ChallengeInvitation,
    ChallengeMessage,
    ChallengeStatus,
    Comment,
    Comparison,
    Curation,
    Flag,
    Follower,
    Idea,
    IdeaStatus,
    IdeaUpdate,
    Job,
    JobStep,
    Outcome,
    Response,
    Support,
    Survey,
    SurveyStatus,
)
from cocreate.organisations.models import Membership, Organisation, Role
from cocreate.organisations.rules import Permission, allows

ANSWER_WITHIN = timedelta(days=7)
SORTS = {
    "recent": ("-created_at", "-pk"),
    "support": ("-support_count", "-created_at", "-pk"),
    "oldest": ("created_at", "pk"),
}


def moderates(membership: Membership) -> bool:
    return allows(membership.role, Permission.RESPOND_TO_IDEAS)


def ideas_list(
    membership: Membership,
    *,
    status: str = "",
    search: str = "",
    sort: str = "recent",
    show: str = "visible",
) -> QuerySet[Idea]:
    """Ideas with their support and comment counts and whether this person supports each.
    `show`: "visible" (everyone), or for moderators "hidden", "merged" or "flagged"."""
    with scope(organisation=membership.organisation_id):
        found = Idea.objects.annotate(
            support_count=Count("supports", distinct=True),
            comment_count=Count(
                "comments", filter=Q(comments__hidden_at__isnull=True), distinct=True
            ),
            supported=Exists(Support.objects.filter(idea=OuterRef("pk"), user=membership.user)),
        )
        if show == "hidden" and moderates(membership):
            found = found.filter(hidden_at__isnull=False)
        elif show == "merged" and moderates(membership):
            found = found.filter(merged_into__isnull=False)
        elif show == "flagged" and moderates(membership):
            found = found.filter(
                Exists(Flag.objects.filter(idea=OuterRef("pk"), resolved_at__isnull=True))
            )
        else:
            found = found.filter(hidden_at__isnull=True, merged_into__isnull=True)
        if status in IdeaStatus.values:
            found = found.filter(status=status)
        if search.strip():
            words = search.strip()[:100]
            found = found.filter(Q(title__icontains=words) | Q(description__icontains=words))
        return found.select_related("author").order_by(*SORTS.get(sort, SORTS["recent"]))


def idea_for(membership: Membership, idea_id: int) -> Idea:
    """The idea, if this person may see it: hidden ideas only to moderators and their
    author; merged ones to everyone (they point to where they went)."""
    with scope(organisation=membership.organisation_id):
        idea = (
            Idea.objects.select_related("author", "merged_into", "first_response_by")
            .filter(pk=idea_id)
            .first()
        )
    if idea is None:
        raise Http404("No such idea.")
    if idea.hidden_at is not None and not (
        moderates(membership) or idea.author_id == membership.user_id
    ):
        raise Http404("No such idea.")
    return idea


@dataclass(frozen=True)
class IdeaPage:
    idea: Idea
    supports: int
    supported: bool
    following: bool
    comments: list[Comment]
    updates: list
    outcomes: list[Outcome]
    jobs: list[Job]
    merged: list[Idea]
    open_flags: list[Flag]
    challenges: list[Challenge]


def idea_page(idea: Idea, membership: Membership) -> IdeaPage:
    with scope(organisation=membership.organisation_id):
        return IdeaPage(
            idea=idea,
            supports=Support.objects.filter(idea=idea).count(),
            supported=Support.objects.filter(idea=idea, user_id=membership.user_id).exists(),
            following=Follower.objects.filter(idea=idea, user_id=membership.user_id).exists(),
            comments=list(
                Comment.objects.filter(idea=idea, hidden_at__isnull=True).select_related("author")
            ),
            updates=list(idea.updates.select_related("author").order_by("created_at", "pk")),
            outcomes=list(idea.outcomes.select_related("job")),
            jobs=list(idea.jobs.all()),
            merged=list(Idea.objects.filter(merged_into=idea).order_by("merged_at")),
            open_flags=list(
                Flag.objects.filter(idea=idea, resolved_at__isnull=True).select_related("user")
            )
            if moderates(membership)
            else [],
            challenges=list(Challenge.objects.filter(idea=idea)),
        )


# Shown, and not answered yet by anyone from the organisation.
UNANSWERED = Q(hidden_at__isnull=True, merged_into__isnull=True, first_response_at__isnull=True)


def inbox(organisation: Organisation | int) -> QuerySet[Idea]:
    """Ideas nobody from the organisation has answered yet, the longest waiting first."""
    with scope(organisation=organisation):
        return (
            Idea.objects.filter(UNANSWERED)
            .annotate(support_count=Count("supports"))
            .select_related("author")
            .order_by("created_at", "pk")
        )


@dataclass(frozen=True)
class ResponseFigures:
    who: str  # "The organisation", or a person's name
    answered: int  # ideas answered (by this person first)
    median_hours: float | None  # from sharing to the first answer
    within_week: float | None  # share answered within 7 days, 0-1
    counted: int  # the ideas the share is out of


@dataclass(frozen=True)
class ResponseMetrics:
    organisation: ResponseFigures
    waiting: int  # ideas not answered yet
    waiting_over_week: int
    staff: list[ResponseFigures]  # each person who answered first, most answers first


def response_metrics(
    organisation: Organisation | int, *, now: datetime | None = None
) -> ResponseMetrics:
    """Median time to the first answer and the share answered within 7 days, for the
    organisation and for each person who gave first answers.

    The organisation's share counts every idea answered, plus every idea waiting for more
    than 7 days (a younger idea waiting may still be answered in time); a person's counts
    the ideas they answered first. Hidden and merged ideas are left out."""
    now = now or timezone.now()
    with scope(organisation=organisation):
        rows = list(
            Idea.objects.filter(hidden_at__isnull=True, merged_into__isnull=True).values_list(
                "created_at", "first_response_at", "first_response_by"
            )
        )
        names = {
            u.pk: str(u)
            for u in User.objects.filter(pk__in={by for _, _, by in rows if by is not None})
        }
    answered = [(at - created, by) for created, at, by in rows if at is not None]
    waiting = [now - created for created, at, _ in rows if at is None]
    overdue = sum(w > ANSWER_WITHIN for w in waiting)
    by_person: dict[int, list[timedelta]] = {}
    for delay, by in answered:
        if by is not None:
            by_person.setdefault(by, []).append(delay)
    staff = [
        _figures(names[by], delays, extra_counted=0)
        for by, delays in sorted(by_person.items(), key=lambda kv: (-len(kv[1]), names[kv[0]]))
    ]
    return ResponseMetrics(
        organisation=_figures("The organisation", [d for d, _ in answered], extra_counted=overdue),
        waiting=len(waiting),
        waiting_over_week=overdue,
        staff=staff,
    )


def _figures(who: str, delays: list[timedelta], *, extra_counted: int) -> ResponseFigures:
    counted = len(delays) + extra_counted
    in_time = sum(d <= ANSWER_WITHIN for d in delays)
    return ResponseFigures(
        who=who,
        answered=len(delays),
        median_hours=statistics.median(d.total_seconds() / 3600 for d in delays)
        if delays
        else None,
        within_week=in_time / counted if counted else None,
        counted=counted,
    )


def jobs(membership: Membership) -> list[Job]:
    """Jobs with their steps and outcomes. Organisers see every proposal; others see what
    was accepted and their own proposals."""
    with scope(organisation=membership.organisation_id):
        curated = Q(status=Curation.ACCEPTED) | Q(proposed_by_id=membership.user_id)
        if allows(membership.role, Permission.MANAGE_IDEAS):
            curated = Q()
        outcomes = Outcome.objects.filter(curated).select_related("step").order_by("pk")
        return list(
            Job.objects.filter(curated)
            .prefetch_related(
                Prefetch("steps", queryset=JobStep.objects.order_by("position", "pk")),
                Prefetch("outcomes", queryset=outcomes),
            )
            .order_by("title", "pk")
        )


def accepted_outcomes(organisation: Organisation | int) -> QuerySet[Outcome]:
    with scope(organisation=organisation):
        return (
            Outcome.objects.filter(status=Curation.ACCEPTED, job__status=Curation.ACCEPTED)
            .select_related("job")
            .order_by("job__title", "pk")
        )


def accepted_jobs(organisation: Organisation | int) -> QuerySet[Job]:
    with scope(organisation=organisation):
        return Job.objects.filter(status=Curation.ACCEPTED).order_by("title", "pk")


@dataclass(frozen=True)
class SurveyRow:
    survey: Survey
    answered: bool
    may_answer: bool
    responses: int


def surveys_for(membership: Membership) -> list[SurveyRow]:
    """Organisers see every survey; others the open ones meant for them."""
    manager = allows(membership.role, Permission.MANAGE_IDEAS)
    with scope(organisation=membership.organisation_id):
        found = Survey.objects.annotate(responses_count=Count("responses")).order_by(
            "-created_at", "-pk"
        )
        answered = set(
            Response.objects.filter(user_id=membership.user_id).values_list("survey_id", flat=True)
        )
        rows = []
        for survey in found:
            for_them = membership.role in survey.roles and matches(
                membership.profile, survey.segment
            )
            if (
                not manager
                and not (survey.status == SurveyStatus.OPEN and for_them)
                and (survey.pk not in answered)
            ):
                continue
            rows.append(SurveyRow(survey, survey.pk in answered, for_them, survey.responses_count))
        return rows


def survey_for(membership: Membership, survey_id: int) -> Survey:
    """A survey this person may see (organisers and staff: all; others: theirs)."""
    with scope(organisation=membership.organisation_id):
        survey = Survey.objects.filter(pk=survey_id).first()
    if survey is None:
        raise Http404("No such survey.")
    if moderates(membership):
        return survey
    if not (membership.role in survey.roles and matches(membership.profile, survey.segment)):
        raise Http404("No such survey.")
    if survey.status == SurveyStatus.DRAFT:
        raise Http404("No such survey.")
    return survey


def survey_outcomes(survey: Survey) -> list[Outcome]:
    with scope(organisation=survey.organisation_id):
        return list(survey.outcomes.select_related("job", "step").order_by("job__title", "pk"))


def challenges_for(membership: Membership) -> QuerySet[Challenge]:
    with scope(organisation=membership.organisation_id):
        found = Challenge.objects.select_related("idea").annotate(
            invited=Count("invitations", distinct=True),
            message_count=Count("messages", distinct=True),
        )
        if not moderates(membership):
            found = found.filter(
                Exists(
                    ChallengeInvitation.objects.filter(
                        challenge=OuterRef("pk"), user_id=membership.user_id
                    )
                )
            )
        return found.order_by("-created_at", "-pk")


def challenge_for(membership: Membership, challenge_id: int) -> Challenge:
    found = challenges_for(membership).filter(pk=challenge_id).first()
    if found is None:
        raise Http404("No such challenge.")
    return found


def challenge_thread(challenge: Challenge) -> list[ChallengeMessage]:
    with scope(organisation=challenge.organisation_id):
        return list(challenge.messages.select_related("author").order_by("created_at", "pk"))


def challenge_invited(challenge: Challenge) -> list[ChallengeInvitation]:
    with scope(organisation=challenge.organisation_id):
        return list(challenge.invitations.select_related("user").order_by("invited_at", "pk"))


def challenge_participants(challenge: Challenge) -> list[User]:
    """The invited lead customers who took the invitation up: they wrote in its thread
    (an invitation has no other answer)."""
    with scope(organisation=challenge.organisation_id):
        wrote = ChallengeMessage.objects.filter(challenge=challenge).values("author_id")
        return [
            invitation.user
            for invitation in challenge.invitations.filter(user_id__in=wrote)
            .select_related("user")
            .order_by("invited_at", "pk")
        ]


@dataclass(frozen=True)
class Candidate:
    membership: Membership
    score: int
    ideas: int
    comments: int
    supports: int
    votes: int
    surveys: int
    challenges: int
    invited: bool


def lead_candidates(
    challenge: Challenge, *, profile: dict[str, list[str]] | None = None, limit: int = 30
) -> list[Candidate]:
    """Customers who match the profile answers, by past participation: ideas shared and
    challenge messages count most, then survey answers, comments, support and pairwise
    votes (ten votes count as one)."""
    segment = {k: v for k, v in (profile or {}).items() if v}
    with scope(organisation=challenge.organisation_id):
        members = [
            m
            for m in Membership.objects.filter(role=Role.CUSTOMER).select_related("user")
            if matches(m.profile, segment)
        ]
        users = [m.user_id for m in members]

        def per_user(queryset: QuerySet[Any], field: str = "user_id") -> dict[int, int]:
            return dict(
                queryset.filter(**{f"{field}__in": users})
                .values_list(field)
                .annotate(n=Count("pk"))
                .order_by()
                .values_list(field, "n")
            )

        ideas = per_user(Idea.objects.all(), "author_id")
        comments = per_user(Comment.objects.all(), "author_id")
        supports = per_user(Support.objects.all())
        votes = per_user(Comparison.objects.filter(answered_at__isnull=False), "voter_id")
        surveys = per_user(Response.objects.all())
        messages = per_user(ChallengeMessage.objects.all(), "author_id")
        invited = set(
            ChallengeInvitation.objects.filter(challenge=challenge).values_list(
                "user_id", flat=True
            )
        )
    found = []
    for m in members:
        u = m.user_id
        score = (
            3 * ideas.get(u, 0)
            + 3 * messages.get(u, 0)
            + 2 * surveys.get(u, 0)
            + comments.get(u, 0)
            + supports.get(u, 0)
            + votes.get(u, 0) // 10
        )
        found.append(
            Candidate(
                m,
                score,
                ideas.get(u, 0),
                comments.get(u, 0),
                supports.get(u, 0),
                votes.get(u, 0),
                surveys.get(u, 0),
                messages.get(u, 0),
                u in invited,
            )
        )
    found.sort(key=lambda c: (-c.score, str(c.membership.user)))
    return found[:limit]


def profile_choices(organisation: Organisation | int) -> list[tuple[str, str, list[str]]]:
    """(key, label, choices) of the profile's choice questions, for segment pickers."""
    from cocreate.organisations.models import FieldKind, ProfileField

    with scope(organisation=organisation):
        return [
            (f.key, f.label, list(f.choices))
            for f in ProfileField.objects.filter(
                kind__in=[FieldKind.SINGLE_CHOICE, FieldKind.MULTI_CHOICE]
            ).order_by("position", "pk")
        ]


def profile_answer(membership: Membership, key: str) -> str:
    return ", ".join(sorted(answers_of(membership.profile, key)))


# What the organisation's overview tells each person to do next.


@dataclass(frozen=True)
class Waiting:
    count: int  # ideas nobody from the organisation has answered yet
    oldest: datetime | None  # when the longest-waiting one was shared
    over_week: int  # of them, waiting longer than ANSWER_WITHIN


def inbox_waiting(organisation: Organisation | int, *, now: datetime) -> Waiting:
    """The inbox in figures (one query)."""
    with scope(organisation=organisation):
        found = Idea.objects.filter(UNANSWERED).aggregate(
            count=Count("pk"),
            oldest=Min("created_at"),
            over_week=Count("pk", filter=Q(created_at__lt=now - ANSWER_WITHIN)),
        )
    return Waiting(found["count"], found["oldest"], found["over_week"])


def surveys_waiting(membership: Membership) -> list[Survey]:
    """Open outcome surveys meant for this person (their role and profile answers) that
    they have not answered, the longest open first (one query)."""
    with scope(organisation=membership.organisation_id):
        answered = Response.objects.filter(survey=OuterRef("pk"), user_id=membership.user_id)
        found = Survey.objects.filter(status=SurveyStatus.OPEN).exclude(Exists(answered))
        return [
            survey
            for survey in found.order_by("opened_at", "pk")
            if membership.role in survey.roles and matches(membership.profile, survey.segment)
        ]


def updates_on_ideas_of(membership: Membership, *, since: datetime) -> list[IdeaUpdate]:
    """The latest public update since `since` on each of this person's ideas, by someone
    else (a status, a message, or both), newest first (one query)."""
    with scope(organisation=membership.organisation_id):
        found = (
            IdeaUpdate.objects.filter(
                idea__author_id=membership.user_id,
                idea__hidden_at__isnull=True,
                created_at__gte=since,
            )
            .exclude(author_id=membership.user_id)
            .select_related("idea")
            .order_by("-created_at", "-pk")
        )
        latest: dict[int, IdeaUpdate] = {}
        for update in found:
            latest.setdefault(update.idea_id, update)
    return list(latest.values())


def surveys_run_by(membership: Membership) -> list[Survey]:
    """Open outcome surveys this person sent, with `responses_count` (one query)."""
    with scope(organisation=membership.organisation_id):
        return list(
            Survey.objects.filter(status=SurveyStatus.OPEN, created_by_id=membership.user_id)
            .annotate(responses_count=Count("responses"))
            .order_by("opened_at", "pk")
        )


def challenges_run_by(membership: Membership) -> list[Challenge]:
    """Open challenges this person set, the nearest deadline first, with `message_count`
    (one query)."""
    with scope(organisation=membership.organisation_id):
        return list(
            Challenge.objects.filter(status=ChallengeStatus.OPEN, created_by_id=membership.user_id)
            .annotate(message_count=Count("messages"))
            .order_by("deadline", "pk")
        )
