"""Ideas, jobs, outcomes, surveys, pairwise votes and challenges over REST.

Handlers are thin: `org_operation` resolves and scopes the organisation, the services
decide, and refusals become the API's error shape (core/api_errors.py).
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from cocreate.ideas import engine, selectors, services
from cocreate.ideas.models import (
    Comparison,
    Idea,
    Job,
    JobStep,
    Outcome,
    Support,
    Survey,
)
from cocreate.ideas.schemas import (
    AnswerIn,
    CandidateOut,
    ChallengeDetailOut,
    ChallengeIn,
    ChallengeMessageIn,
    ChallengeMessageOut,
    ChallengeOut,
    CloseIn,
    CommentIn,
    CommentOut,
    CurateIn,
    FlagIn,
    HideIn,
    IdeaDetailOut,
    IdeaIn,
    IdeaOut,
    InviteIn,
    JobIn,
    JobOut,
    JobStepIn,
    JobStepOut,
    MergeIn,
    MetricsOut,
    OpportunityOut,
    OutcomeIn,
    OutcomeOut,
    OutcomeSurveyDetailOut,
    OutcomeSurveyIn,
    OutcomeSurveyOut,
    PairOut,
    PairVoteIn,
    PairVoteOut,
    RankingOut,
    RespondIn,
    ResponseOut,
    SegmentationOut,
    ShortlistOut,
    SimilarIn,
    SimilarOut,
    UpdateOut,
    VotingRoundIn,
    VotingRoundOut,
)
from cocreate.organisations.access import OrgRequest, org_operation
from cocreate.organisations.rules import Permission

router = Router(tags=["Ideas"])
ORG = "/orgs/{org}"
IDEAS = ORG + "/ideas"
IDEA = IDEAS + "/{idea_id}"


def _ideas_out(ideas: Iterable[Idea]) -> list[dict[str, Any]]:
    ideas = list(ideas)
    counts = dict(
        Support.objects.filter(idea__in=ideas)
        .values_list("idea_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("idea_id", "n")
    )
    return [_idea_out(idea, counts.get(idea.pk, 0)) for idea in ideas]


def _idea_out(idea: Idea, supports: int) -> dict[str, Any]:
    return {
        "id": idea.pk,
        "title": idea.title,
        "description": idea.description,
        "status": idea.status,
        "decline_reason": idea.decline_reason,
        "author": str(idea.author),
        "created_at": idea.created_at,
        "supports": supports,
        "visible": idea.visible,
        "merged_into": idea.merged_into_id,
        "first_response_at": idea.first_response_at,
    }


def _one(request: OrgRequest, idea: Idea) -> dict[str, Any]:
    page = selectors.idea_page(idea, request.membership)
    return {
        **_idea_out(idea, page.supports),
        "outcomes": [o.pk for o in page.outcomes],
        "jobs": [j.pk for j in page.jobs],
        "comments": [_comment(c) for c in page.comments],
        "updates": [
            {
                "id": u.pk,
                "author": str(u.author) if u.author else None,
                "old_status": u.old_status,
                "new_status": u.new_status,
                "message": u.message,
                "created_at": u.created_at,
            }
            for u in page.updates
        ],
        "supported": page.supported,
        "following": page.following,
    }


def _comment(c: Any) -> dict[str, Any]:
    return {
        "id": c.pk,
        "author": str(c.author),
        "role": c.role,
        "body": c.body,
        "created_at": c.created_at,
    }


# Ideas


@router.get(IDEAS, response=list[IdeaOut])
@org_operation(Permission.SHARE_IDEAS)
def list_ideas(
    request: OrgRequest, org: str, status: str = "", q: str = "", sort: str = "recent"
) -> list[dict[str, Any]]:
    """Shown ideas, newest first (`sort`: recent, support, oldest); `status` and `q`
    filter them."""
    found = selectors.ideas_list(request.membership, status=status, search=q, sort=sort)
    return [_idea_out(idea, idea.support_count) for idea in found[:500]]  # type: ignore[attr-defined]


@router.post(IDEAS, response={201: IdeaDetailOut})
@org_operation(Permission.SHARE_IDEAS)
def share_idea(request: OrgRequest, org: str, payload: IdeaIn) -> Status[dict[str, Any]]:
    """Share an idea. Ask `/ideas/similar` first to show the person what exists already."""
    idea = services.idea_submit(
        organisation=request.organisation,
        author=request.user,
        title=payload.title,
        description=payload.description,
        outcome_ids=payload.outcomes,
        job_ids=payload.jobs,
    )
    return Status(201, _one(request, idea))


@router.post(IDEAS + "/similar", response=list[SimilarOut])
@org_operation(Permission.SHARE_IDEAS)
def similar_ideas(request: OrgRequest, org: str, payload: SimilarIn) -> list[dict[str, Any]]:
    """Shown ideas that likely say the same as this title (near-duplicates), most alike
    first. Writes nothing."""
    found = engine.similar_ideas(request.organisation, payload.title)
    outs = _ideas_out(s.idea for s in found)
    return [{"idea": out, "similarity": s.similarity} for out, s in zip(outs, found, strict=True)]


@router.get(IDEAS + "/inbox", response=list[IdeaOut])
@org_operation(Permission.RESPOND_TO_IDEAS)
def ideas_inbox(request: OrgRequest, org: str) -> list[dict[str, Any]]:
    """Ideas nobody from the organisation has answered yet, the longest waiting first."""
    return [_idea_out(i, i.support_count) for i in selectors.inbox(request.organisation)]  # type: ignore[attr-defined]


@router.get(IDEAS + "/metrics", response=MetricsOut)
@org_operation(Permission.RESPOND_TO_IDEAS)
def response_metrics(request: OrgRequest, org: str) -> Any:
    """Median time to the first answer and the share answered within 7 days, for the
    organisation and per person who answered."""
    return selectors.response_metrics(request.organisation)


@router.get(IDEAS + "/ranking", response=RankingOut)
@org_operation(Permission.SHARE_IDEAS)
def ranking(request: OrgRequest, org: str) -> dict[str, Any]:
    """Bradley-Terry from the pairwise votes (95% bootstrap intervals over voters),
    blended with support votes, beside the All Our Ideas score."""
    snapshot = services.ranking_current(request.organisation)
    titles = dict(Idea.objects.values_list("pk", "title"))
    return {
        "voters": snapshot.voters,
        "votes": snapshot.votes,
        "computed_at": snapshot.computed_at,
        "ideas": [{**row, "title": titles.get(row["idea"], "")} for row in snapshot.ideas],
    }


@router.get(IDEAS + "/shortlist", response=list[ShortlistOut])
@org_operation(Permission.RESPOND_TO_IDEAS)
def shortlist(request: OrgRequest, org: str, survey: int | None = None) -> list[dict[str, Any]]:
    """Ideas by the best opportunity they serve (from `survey`, else the latest survey
    with answers) and their ranking, with the reasons."""
    surveys = Survey.objects.annotate(n=Count("responses")).filter(n__gt=0)
    chosen = (
        get_object_or_404(surveys, pk=survey)
        if survey is not None
        else surveys.order_by("-created_at", "-pk").first()
    )
    scores = engine.opportunities(chosen) if chosen else []
    statements = {o.pk: o.statement for o in selectors.survey_outcomes(chosen)} if chosen else {}
    snapshot = services.ranking_current(request.organisation)
    entries = engine.shortlist(
        request.organisation, services.as_ranking(snapshot), scores, statements
    )
    titles: dict[Any, str] = dict(Idea.objects.values_list("pk", "title"))
    return [
        {
            "idea": e.idea,
            "title": titles.get(e.idea, ""),
            "value": e.value,
            "best_opportunity": e.best_opportunity,
            "rank": e.rank,
            "reasons": list(e.reasons),
        }
        for e in entries
    ]


@router.get(IDEA, response=IdeaDetailOut)
@org_operation(Permission.SHARE_IDEAS)
def get_idea(request: OrgRequest, org: str, idea_id: int) -> dict[str, Any]:
    return _one(request, selectors.idea_for(request.membership, idea_id))


@router.post(IDEA + "/support", response={201: IdeaOut})
@org_operation(Permission.SHARE_IDEAS)
def support(request: OrgRequest, org: str, idea_id: int) -> Status[dict[str, Any]]:
    """Support the idea (once: a second support is refused with 409)."""
    idea = selectors.idea_for(request.membership, idea_id)
    services.support_add(idea=idea, user=request.user)
    return Status(201, _ideas_out([idea])[0])


@router.delete(IDEA + "/support", response={204: None})
@org_operation(Permission.SHARE_IDEAS)
def withdraw_support(request: OrgRequest, org: str, idea_id: int) -> Status[None]:
    services.support_remove(idea=selectors.idea_for(request.membership, idea_id), user=request.user)
    return Status(204, None)


@router.post(IDEA + "/comments", response={201: CommentOut})
@org_operation(Permission.SHARE_IDEAS)
def comment(request: OrgRequest, org: str, idea_id: int, payload: CommentIn) -> Status[Any]:
    idea = selectors.idea_for(request.membership, idea_id)
    made = services.comment_add(idea=idea, membership=request.membership, body=payload.body)
    return Status(201, _comment(made))


@router.post(IDEA + "/flags", response={201: None})
@org_operation(Permission.SHARE_IDEAS)
def flag(request: OrgRequest, org: str, idea_id: int, payload: FlagIn) -> Status[None]:
    """Ask the moderators to look at the idea (once per person)."""
    idea = selectors.idea_for(request.membership, idea_id)
    services.idea_flag(idea=idea, user=request.user, reason=payload.reason)
    return Status(201, None)


@router.post(IDEA + "/updates", response={201: UpdateOut})
@org_operation(Permission.RESPOND_TO_IDEAS)
def respond(request: OrgRequest, org: str, idea_id: int, payload: RespondIn) -> Status[Any]:
    """A new status, a public update, or both; everyone who shared, supported or voted
    for the idea is told on their channel. Declining needs a `reason`."""
    idea = selectors.idea_for(request.membership, idea_id)
    update = services.idea_respond(
        idea=idea,
        membership=request.membership,
        status=payload.status or "",
        message=payload.message,
        reason=payload.reason,
    )
    return Status(
        201,
        {
            "id": update.pk,
            "author": str(update.author),
            "old_status": update.old_status,
            "new_status": update.new_status,
            "message": update.message,
            "created_at": update.created_at,
        },
    )


@router.post(IDEA + "/hide", response=IdeaOut)
@org_operation(Permission.RESPOND_TO_IDEAS)
def hide(request: OrgRequest, org: str, idea_id: int, payload: HideIn) -> dict[str, Any]:
    idea = selectors.idea_for(request.membership, idea_id)
    return _ideas_out([services.idea_hide(idea=idea, actor=request.user, reason=payload.reason)])[0]


@router.post(IDEA + "/unhide", response=IdeaOut)
@org_operation(Permission.RESPOND_TO_IDEAS)
def unhide(request: OrgRequest, org: str, idea_id: int) -> dict[str, Any]:
    idea = selectors.idea_for(request.membership, idea_id)
    return _ideas_out([services.idea_unhide(idea=idea, actor=request.user)])[0]


@router.post(IDEA + "/merge", response=IdeaOut)
@org_operation(Permission.RESPOND_TO_IDEAS)
def merge(request: OrgRequest, org: str, idea_id: int, payload: MergeIn) -> dict[str, Any]:
    """Merge this idea into `into`: its support, pairwise votes and followers move."""
    idea = selectors.idea_for(request.membership, idea_id)
    into = selectors.idea_for(request.membership, payload.into)
    services.idea_merge(idea=idea, into=into, actor=request.user)
    return _ideas_out([into])[0]


@router.post(IDEA + "/flags/resolve", response=IdeaOut)
@org_operation(Permission.RESPOND_TO_IDEAS)
def resolve_flags(request: OrgRequest, org: str, idea_id: int) -> dict[str, Any]:
    """The moderators looked and keep the idea as it is."""
    idea = selectors.idea_for(request.membership, idea_id)
    services.flags_resolve(idea=idea, actor=request.user)
    return _ideas_out([idea])[0]


# Pairwise votes


@router.get(ORG + "/pairs/next", response={200: PairOut, 204: None})
@org_operation(Permission.SHARE_IDEAS)
def next_pair(request: OrgRequest, org: str) -> Status[Any]:
    """Two ideas to compare, chosen to learn the ranking fastest; the same pair until it
    is answered. 204 when you have seen every pair this round."""
    found = services.pair_next(organisation=request.organisation, user=request.user)
    if found is None:
        return Status(204, None)
    left, right = _ideas_out([found.left, found.right])
    return Status(200, {"id": found.pk, "round": found.round.name, "left": left, "right": right})


@router.post(ORG + "/pairs/{comparison_id}", response=PairVoteOut)
@org_operation(Permission.SHARE_IDEAS)
def cast_vote(request: OrgRequest, org: str, comparison_id: int, payload: PairVoteIn) -> Any:
    """Which matters more: "left", "right", or "cant_decide". Once per pair and round."""
    comparison = get_object_or_404(Comparison.objects.filter(voter=request.user), pk=comparison_id)
    return services.vote(comparison=comparison, user=request.user, choice=payload.choice)


@router.post(ORG + "/voting-rounds", response={201: VotingRoundOut})
@org_operation(Permission.MANAGE_IDEAS)
def start_round(request: OrgRequest, org: str, payload: VotingRoundIn) -> Status[Any]:
    """Close the open round of voting and start a new one: every pair can come back."""
    started = services.round_start(
        organisation=request.organisation, actor=request.user, name=payload.name
    )
    return Status(201, started)


# Jobs and outcomes


def _job(request: OrgRequest, job_id: int) -> Job:
    for job in selectors.jobs(request.membership):
        if job.pk == job_id:
            return job
    raise Http404("No such job.")


def _job_out(job: Job) -> dict[str, Any]:
    return {
        "id": job.pk,
        "title": job.title,
        "description": job.description,
        "status": job.status,
        "steps": list(job.steps.all()),
        "outcomes": list(job.outcomes.all()),
    }


@router.get(ORG + "/jobs", response=list[JobOut])
@org_operation(Permission.SHARE_IDEAS)
def list_jobs(request: OrgRequest, org: str) -> list[dict[str, Any]]:
    """Jobs with their steps and outcomes (organisers: every proposal; others: what was
    accepted and their own)."""
    return [_job_out(job) for job in selectors.jobs(request.membership)]


@router.post(ORG + "/jobs", response={201: JobOut})
@org_operation(Permission.SHARE_IDEAS)
def propose_job(request: OrgRequest, org: str, payload: JobIn) -> Status[dict[str, Any]]:
    """Propose a job (an organiser's is accepted at once)."""
    job = services.job_propose(membership=request.membership, **payload.model_dump())
    return Status(201, _job_out(job))


@router.post(ORG + "/jobs/{job_id}/steps", response={201: JobStepOut})
@org_operation(Permission.MANAGE_IDEAS)
def add_step(request: OrgRequest, org: str, job_id: int, payload: JobStepIn) -> Status[JobStep]:
    step = services.job_step_add(job=_job(request, job_id), actor=request.user, name=payload.name)
    return Status(201, step)


@router.post(ORG + "/jobs/{job_id}/outcomes", response={201: OutcomeOut})
@org_operation(Permission.SHARE_IDEAS)
def propose_outcome(
    request: OrgRequest, org: str, job_id: int, payload: OutcomeIn
) -> Status[Outcome]:
    """Propose a desired outcome in the standard form (an organiser's is accepted)."""
    job = _job(request, job_id)
    values = payload.model_dump()
    step_id = values.pop("step")
    step = get_object_or_404(JobStep.objects.filter(job=job), pk=step_id) if step_id else None
    outcome = services.outcome_propose(membership=request.membership, job=job, step=step, **values)
    return Status(201, outcome)


@router.post(ORG + "/jobs/{job_id}/curation", response=JobOut)
@org_operation(Permission.MANAGE_IDEAS)
def curate_job(request: OrgRequest, org: str, job_id: int, payload: CurateIn) -> dict[str, Any]:
    job = services.curate(item=_job(request, job_id), actor=request.user, status=payload.status)
    return _job_out(job)  # type: ignore[arg-type]


@router.post(ORG + "/outcomes/{outcome_id}/curation", response=OutcomeOut)
@org_operation(Permission.MANAGE_IDEAS)
def curate_outcome(request: OrgRequest, org: str, outcome_id: int, payload: CurateIn) -> Any:
    outcome = get_object_or_404(Outcome.objects.all(), pk=outcome_id)
    return services.curate(item=outcome, actor=request.user, status=payload.status)


# Surveys


def _survey(request: OrgRequest, survey_id: int) -> Survey:
    return selectors.survey_for(request.membership, survey_id)


@router.get(ORG + "/surveys", response=list[OutcomeSurveyOut])
@org_operation(Permission.SHARE_IDEAS)
def list_surveys(request: OrgRequest, org: str) -> list[Survey]:
    """Organisers: every survey. Others: the open surveys meant for them and those they
    answered."""
    return [row.survey for row in selectors.surveys_for(request.membership)]


@router.post(ORG + "/surveys", response={201: OutcomeSurveyOut})
@org_operation(Permission.MANAGE_IDEAS)
def create_survey(request: OrgRequest, org: str, payload: OutcomeSurveyIn) -> Status[Survey]:
    """A draft survey of accepted outcomes for a segment (roles and profile answers)."""
    survey = services.survey_create(
        organisation=request.organisation,
        actor=request.user,
        title=payload.title,
        introduction=payload.introduction,
        outcome_ids=payload.outcomes,
        roles=payload.roles,
        segment=payload.segment,
    )
    return Status(201, survey)


@router.get(ORG + "/surveys/{survey_id}", response=OutcomeSurveyDetailOut)
@org_operation(Permission.SHARE_IDEAS)
def get_survey(request: OrgRequest, org: str, survey_id: int) -> dict[str, Any]:
    survey = _survey(request, survey_id)
    fields = {name: getattr(survey, name) for name in OutcomeSurveyOut.model_fields}
    return {
        **fields,
        "outcomes": selectors.survey_outcomes(survey),
        "answered": survey.responses.filter(user=request.user).exists(),
    }


@router.post(ORG + "/surveys/{survey_id}/send", response=OutcomeSurveyOut)
@org_operation(Permission.MANAGE_IDEAS)
def send_survey(request: OrgRequest, org: str, survey_id: int) -> Survey:
    """Open the survey and ask everyone in its segment on their own channel."""
    return services.survey_send(survey=_survey(request, survey_id), actor=request.user)


@router.post(ORG + "/surveys/{survey_id}/close", response=OutcomeSurveyOut)
@org_operation(Permission.MANAGE_IDEAS)
def close_survey(request: OrgRequest, org: str, survey_id: int) -> Survey:
    return services.survey_close(survey=_survey(request, survey_id), actor=request.user)


@router.post(ORG + "/surveys/{survey_id}/responses", response={201: ResponseOut})
@org_operation(Permission.SHARE_IDEAS)
def answer_survey(request: OrgRequest, org: str, survey_id: int, payload: AnswerIn) -> Status[Any]:
    """Rate every outcome of the survey, importance and satisfaction 1-5, once."""
    response = services.survey_answer(
        survey=_survey(request, survey_id),
        membership=request.membership,
        ratings={key: rating.model_dump() for key, rating in payload.ratings.items()},
    )
    return Status(201, response)


@router.get(ORG + "/surveys/{survey_id}/opportunities", response=list[OpportunityOut])
@org_operation(Permission.RESPOND_TO_IDEAS)
def opportunities(request: OrgRequest, org: str, survey_id: int) -> list[dict[str, Any]]:
    """Ulwick's opportunity scores with 95% bootstrap intervals, highest first."""
    survey = _survey(request, survey_id)
    statements: dict[Any, str] = {o.pk: o.statement for o in selectors.survey_outcomes(survey)}
    scores = sorted(engine.opportunities(survey), key=lambda s: -s.opportunity)
    return [{**vars(s), "statement": statements[s.outcome]} for s in scores]


@router.get(ORG + "/surveys/{survey_id}/segments", response={200: SegmentationOut, 204: None})
@org_operation(Permission.RESPOND_TO_IDEAS)
def segments(request: OrgRequest, org: str, survey_id: int) -> Status[Any]:
    """Respondents clustered by unmet needs (k by the highest silhouette), each segment
    with its top opportunities and over-represented profile answers. 204: too few answers."""
    survey = _survey(request, survey_id)
    fields = [key for key, _, _ in selectors.profile_choices(request.organisation)]
    found = engine.segmentation(survey, fields)
    if found is None:
        return Status(204, None)
    return Status(
        200,
        {
            "k": found.k,
            "silhouettes": dict(found.silhouettes),
            "segments": [
                {
                    "number": s.number,
                    "size": len(s.respondents),
                    "share": s.share,
                    "top_opportunities": [vars(t) for t in s.top_opportunities],
                    "over_represented": [vars(p) for p in s.over_represented],
                }
                for s in found.segments
            ],
        },
    )


# Challenges


@router.get(ORG + "/challenges", response=list[ChallengeOut])
@org_operation(Permission.SHARE_IDEAS)
def list_challenges(request: OrgRequest, org: str) -> Any:
    """Organisers and staff: every challenge. Customers: those they are invited to."""
    return list(selectors.challenges_for(request.membership))


@router.post(IDEA + "/challenges", response={201: ChallengeOut})
@org_operation(Permission.MANAGE_IDEAS)
def open_challenge(
    request: OrgRequest, org: str, idea_id: int, payload: ChallengeIn
) -> Status[Any]:
    """Turn the idea into a bounded challenge: problem, constraints, out of scope, deadline."""
    idea = selectors.idea_for(request.membership, idea_id)
    challenge = services.challenge_create(idea=idea, actor=request.user, **payload.model_dump())
    return Status(201, challenge)


@router.get(ORG + "/challenges/{challenge_id}", response=ChallengeDetailOut)
@org_operation(Permission.SHARE_IDEAS)
def get_challenge(request: OrgRequest, org: str, challenge_id: int) -> dict[str, Any]:
    challenge = selectors.challenge_for(request.membership, challenge_id)
    return {
        **{name: getattr(challenge, name) for name in ChallengeOut.model_fields if name != "idea"},
        "idea_id": challenge.idea_id,
        "invited": [str(i.user) for i in selectors.challenge_invited(challenge)],
        "messages": [
            {
                "id": m.pk,
                "author": str(m.author),
                "role": m.role,
                "body": m.body,
                "created_at": m.created_at,
            }
            for m in selectors.challenge_thread(challenge)
        ],
    }


@router.get(ORG + "/challenges/{challenge_id}/candidates", response=list[CandidateOut])
@org_operation(Permission.MANAGE_IDEAS)
def candidates(request: OrgRequest, org: str, challenge_id: int) -> list[dict[str, Any]]:
    """Lead customers by past participation; filter by profile answers with query
    parameters named after the profile questions (?industry=Retail&industry=Banking)."""
    challenge = selectors.challenge_for(request.membership, challenge_id)
    keys = [key for key, _, _ in selectors.profile_choices(request.organisation)]
    profile = {key: request.GET.getlist(key) for key in keys if request.GET.getlist(key)}
    return [
        {
            "member": c.membership.pk,
            "name": str(c.membership.user),
            "score": c.score,
            "ideas": c.ideas,
            "comments": c.comments,
            "supports": c.supports,
            "votes": c.votes,
            "surveys": c.surveys,
            "challenges": c.challenges,
            "invited": c.invited,
        }
        for c in selectors.lead_candidates(challenge, profile=profile)
    ]


@router.post(ORG + "/challenges/{challenge_id}/invitations", response={201: list[str]})
@org_operation(Permission.MANAGE_IDEAS)
def invite(request: OrgRequest, org: str, challenge_id: int, payload: InviteIn) -> Status[Any]:
    """Invite customers (membership ids); the names of those newly invited."""
    challenge = selectors.challenge_for(request.membership, challenge_id)
    invited = services.challenge_invite(
        challenge=challenge, actor=request.user, member_ids=payload.members
    )
    return Status(201, [str(i.user) for i in invited])


@router.post(ORG + "/challenges/{challenge_id}/messages", response={201: ChallengeMessageOut})
@org_operation(Permission.SHARE_IDEAS)
def post_message(
    request: OrgRequest, org: str, challenge_id: int, payload: ChallengeMessageIn
) -> Status[Any]:
    challenge = selectors.challenge_for(request.membership, challenge_id)
    message = services.challenge_post(
        challenge=challenge, membership=request.membership, body=payload.body
    )
    return Status(
        201,
        {
            "id": message.pk,
            "author": str(message.author),
            "role": message.role,
            "body": message.body,
            "created_at": message.created_at,
        },
    )


@router.post(ORG + "/challenges/{challenge_id}/close", response=ChallengeOut)
@org_operation(Permission.MANAGE_IDEAS)
def close_challenge(request: OrgRequest, org: str, challenge_id: int, payload: CloseIn) -> Any:
    """Record what came of the challenge; everyone invited hears it."""
    challenge = selectors.challenge_for(request.membership, challenge_id)
    return services.challenge_close(challenge=challenge, actor=request.user, result=payload.result)
