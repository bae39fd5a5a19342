"""The ideas API's input and output shapes. Inputs refuse unknown fields."""

from datetime import date, datetime
from typing import Any

from ninja import Schema
from pydantic import Field

from cocreate.core.schemas import InputSchema, examples
from cocreate.ideas.models import (
    ChallengeStatus,
    Choice,
    Curation,
    Direction,
    IdeaStatus,
    SurveyStatus,
)

# Lengths are checked by the services, with their sentences; these caps only stop
# absurd bodies early.
LONG = 20_000


class IdeaIn(InputSchema):
    title: str = Field(max_length=LONG, description="The idea in one sentence (5-140).")
    description: str = Field("", max_length=LONG)
    outcomes: list[int] = Field(default_factory=list, max_length=100)
    jobs: list[int] = Field(default_factory=list, max_length=100)

    model_config = examples(
        {
            "title": "Record every talk and put the videos online",
            "description": "I could only attend half of the sessions I wanted.",
            "outcomes": [],
        }
    )


class SimilarIn(InputSchema):
    title: str = Field(max_length=LONG)

    model_config = examples({"title": "Could you film the sessions?"})


class IdeaOut(Schema):
    id: int
    title: str
    description: str
    status: IdeaStatus
    decline_reason: str
    author: str
    created_at: datetime
    supports: int
    visible: bool
    merged_into: int | None
    first_response_at: datetime | None


class SimilarOut(Schema):
    idea: IdeaOut
    similarity: float = Field(description="Cosine similarity of the titles, up to 1.")


class CommentIn(InputSchema):
    body: str = Field(max_length=LONG)

    model_config = examples({"body": "Yes please, and add captions."})


class CommentOut(Schema):
    id: int
    author: str
    role: str
    body: str
    created_at: datetime


class UpdateOut(Schema):
    id: int
    author: str | None
    old_status: IdeaStatus
    new_status: IdeaStatus
    message: str
    created_at: datetime


class IdeaDetailOut(IdeaOut):
    outcomes: list[int]
    jobs: list[int]
    comments: list[CommentOut]
    updates: list[UpdateOut]
    supported: bool
    following: bool


class FlagIn(InputSchema):
    reason: str = Field(max_length=LONG)

    model_config = examples({"reason": "This is an advert, not an idea."})


class RespondIn(InputSchema):
    status: IdeaStatus | None = None
    message: str = Field("", max_length=LONG)
    reason: str = Field("", max_length=LONG, description="Why it is declined (needed to decline).")

    model_config = examples(
        {"status": "planned", "message": "We will film every talk from the spring edition on."}
    )


class HideIn(InputSchema):
    reason: str = Field(max_length=LONG)

    model_config = examples({"reason": "An advert for a product."})


class MergeIn(InputSchema):
    into: int

    model_config = examples({"into": 1})


class PairOut(Schema):
    id: int = Field(description="Vote on it at POST /pairs/{id}.")
    round: str
    left: IdeaOut
    right: IdeaOut


class PairVoteIn(InputSchema):
    choice: Choice

    model_config = examples({"choice": "left"})


class PairVoteOut(Schema):
    id: int
    choice: Choice
    answered_at: datetime


class VotingRoundIn(InputSchema):
    name: str = Field(max_length=LONG)

    model_config = examples({"name": "Spring 2027"})


class VotingRoundOut(Schema):
    id: int
    name: str
    opened_at: datetime
    closed_at: datetime | None


class RankedOut(Schema):
    idea: int
    title: str
    rank: int
    strength: float = Field(description="Bradley-Terry log-strength; 0 is the average idea.")
    chance_to_win: float = Field(description="0-100: chance to beat a random other idea.")
    chance_low: float
    chance_high: float
    wins: int
    losses: int
    all_our_ideas_score: float = Field(description="(wins + 1) / (wins + losses + 2) * 100")
    support: int
    combined: float


class RankingOut(Schema):
    voters: int
    votes: int
    computed_at: datetime
    ideas: list[RankedOut]


class ShortlistOut(Schema):
    idea: int
    title: str
    value: float = Field(description="0-100: half opportunity served, half ranking.")
    best_opportunity: float
    rank: int | None
    reasons: list[str]


class FiguresOut(Schema):
    who: str
    answered: int
    median_hours: float | None
    within_week: float | None = Field(description="Share answered within 7 days, 0-1.")
    counted: int


class MetricsOut(Schema):
    organisation: FiguresOut
    waiting: int
    waiting_over_week: int
    staff: list[FiguresOut]


class JobStepIn(InputSchema):
    name: str = Field(max_length=LONG)

    model_config = examples({"name": "Locate the sessions worth attending"})


class JobStepOut(Schema):
    id: int
    name: str
    position: int


class OutcomeIn(InputSchema):
    direction: Direction
    metric: str = Field(max_length=LONG)
    object_of_control: str = Field(max_length=LONG)
    clarifier: str = Field("", max_length=LONG)
    step: int | None = None

    model_config = examples(
        {
            "direction": "minimise",
            "metric": "the time it takes",
            "object_of_control": "to find a session",
            "clarifier": "worth attending",
        }
    )


class OutcomeOut(Schema):
    id: int
    job: int = Field(alias="job_id")
    step: int | None = Field(alias="step_id")
    direction: Direction
    metric: str
    object_of_control: str
    clarifier: str
    statement: str
    status: Curation


class JobIn(InputSchema):
    title: str = Field(max_length=LONG)
    description: str = Field("", max_length=LONG)

    model_config = examples({"title": "Get the most out of a conference day"})


class JobOut(Schema):
    id: int
    title: str
    description: str
    status: Curation
    steps: list[JobStepOut]
    outcomes: list[OutcomeOut]


class CurateIn(InputSchema):
    status: Curation

    model_config = examples({"status": "accepted"})


class OutcomeSurveyIn(InputSchema):
    title: str = Field(max_length=LONG)
    introduction: str = Field("", max_length=LONG)
    outcomes: list[int] = Field(max_length=1000)
    roles: list[str] = Field(default_factory=lambda: ["customer"])
    segment: dict[str, list[str]] = Field(
        default_factory=dict, description='Profile answers, e.g. {"industry": ["Retail"]}.'
    )

    model_config = examples(
        {"title": "What matters on the day", "outcomes": [1, 2], "roles": ["customer"]}
    )


class OutcomeSurveyOut(Schema):
    id: int
    title: str
    introduction: str
    status: SurveyStatus
    roles: list[str]
    segment: dict[str, list[str]]
    sent_to: int
    opened_at: datetime | None
    closed_at: datetime | None


class OutcomeSurveyDetailOut(OutcomeSurveyOut):
    outcomes: list[OutcomeOut]
    answered: bool


class RatingIn(InputSchema):
    importance: int
    satisfaction: int


class AnswerIn(InputSchema):
    ratings: dict[str, RatingIn] = Field(description="By outcome id: both ratings, 1-5.")

    model_config = examples({"ratings": {"1": {"importance": 5, "satisfaction": 2}}})


class ResponseOut(Schema):
    id: int
    survey: int = Field(alias="survey_id")
    submitted_at: datetime


class IntervalOut(Schema):
    low: float
    high: float


class OpportunityOut(Schema):
    outcome: int
    statement: str
    importance: float
    satisfaction: float
    opportunity: float
    label: str
    respondents: int
    importance_interval: IntervalOut
    satisfaction_interval: IntervalOut
    opportunity_interval: IntervalOut


class SegmentOut(Schema):
    number: int
    size: int
    share: float
    top_opportunities: list[dict[str, Any]]
    over_represented: list[dict[str, Any]]


class SegmentationOut(Schema):
    k: int
    silhouettes: dict[int, float]
    segments: list[SegmentOut]


class ChallengeIn(InputSchema):
    title: str = Field(max_length=LONG)
    problem: str = Field(max_length=LONG)
    constraints: str = Field("", max_length=LONG)
    out_of_scope: str = Field("", max_length=LONG)
    deadline: date

    model_config = examples(
        {
            "title": "Recordings people actually watch",
            "problem": "Half the attendees miss sessions they wanted; how do they catch up?",
            "constraints": "No budget for a film crew; rooms have one projector each.",
            "out_of_scope": "Live streaming.",
            "deadline": "2030-06-30",
        }
    )


class ChallengeOut(Schema):
    id: int
    idea: int = Field(alias="idea_id")
    title: str
    problem: str
    constraints: str
    out_of_scope: str
    deadline: date
    status: ChallengeStatus
    result: str
    created_at: datetime


class ChallengeMessageIn(InputSchema):
    body: str = Field(max_length=LONG)

    model_config = examples({"body": "A first sketch: clips of five minutes per talk."})


class ChallengeMessageOut(Schema):
    id: int
    author: str
    role: str
    body: str
    created_at: datetime


class ChallengeDetailOut(ChallengeOut):
    invited: list[str]
    messages: list[ChallengeMessageOut]


class InviteIn(InputSchema):
    members: list[int] = Field(max_length=1000, description="Membership ids of customers.")

    model_config = examples({"members": [1]})


class CandidateOut(Schema):
    member: int
    name: str
    score: int
    ideas: int
    comments: int
    supports: int
    votes: int
    surveys: int
    challenges: int
    invited: bool


class CloseIn(InputSchema):
    result: str = Field(max_length=LONG)

    model_config = examples({"result": "We film every talk from the spring edition on."})
