"""Ideas, jobs and outcomes: what customers try to get done, which outcomes matter and are
poorly served, the ideas that serve them, how people rank them, and what became of each.

A `Job` (with its `JobStep`s) is something customers are trying to get done; an
`Outcome` is a desired-outcome statement about it in the standard form. A `Survey` asks a
segment to rate outcomes (`Response`, one `Rating` per outcome). An `Idea` serves outcomes
and jobs; people `Support` it, comment, flag it and follow it; organisers hide or merge
it, move it through its statuses and post public `IdeaUpdate`s. In a `VotingRound` each
voter is shown pairs (`Comparison`) and picks one or cannot decide. A `Challenge` turns
a shortlisted idea into a bounded problem for invited lead customers, with a thread.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from cocreate.organisations.models import Organisation
from cocreate.organisations.scoping import OrganisationScopedManager

USER = settings.AUTH_USER_MODEL


class Curation(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Not taken up"


class Job(models.Model):
    """A job to be done: what customers are trying to get done, in their words."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Curation.choices, default=Curation.PROPOSED)
    proposed_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title


class JobStep(models.Model):
    """One step of a job (define, locate, prepare, confirm, execute, monitor, conclude...)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="steps")
    name = models.CharField(max_length=120)
    position = models.PositiveIntegerField(default=0)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class Direction(models.TextChoices):
    MINIMISE = "minimise", "Minimise"
    INCREASE = "increase", "Increase"


class Outcome(models.Model):
    """A desired outcome: direction + metric + object of control + clarifier, as in
    "Minimise | the time it takes | to find a session | worth attending"."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="outcomes")
    step = models.ForeignKey(
        JobStep, on_delete=models.SET_NULL, null=True, blank=True, related_name="outcomes"
    )
    direction = models.CharField(max_length=10, choices=Direction.choices)
    metric = models.CharField(max_length=80, help_text="the time it takes, the likelihood")
    object_of_control = models.CharField(max_length=160, help_text="to find a session")
    clarifier = models.CharField(max_length=120, blank=True, help_text="worth attending")
    status = models.CharField(max_length=10, choices=Curation.choices, default=Curation.PROPOSED)
    proposed_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["job_id", "id"]

    def __str__(self) -> str:
        return self.statement

    @property
    def statement(self) -> str:
        words = [self.get_direction_display(), self.metric, self.object_of_control, self.clarifier]
        return " ".join(w.strip() for w in words if w.strip())


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Survey(models.Model):
    """An outcome survey sent to a segment: members with these roles and profile answers."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=120)
    introduction = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    outcomes = models.ManyToManyField(Outcome, related_name="surveys")
    roles = models.JSONField(default=list, help_text='Roles asked, e.g. ["customer"].')
    segment = models.JSONField(
        default=dict, blank=True, help_text='Profile answers, e.g. {"industry": ["Retail"]}.'
    )
    sent_to = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Response(models.Model):
    """One person's answers to a survey: at most one each."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "user"], name="one_response_each")]

    def __str__(self) -> str:
        return f"{self.user} answered {self.survey}"


class Rating(models.Model):
    """How important an outcome is to the respondent and how satisfied they are, 1-5."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="ratings")
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="ratings")
    importance = models.PositiveSmallIntegerField()
    satisfaction = models.PositiveSmallIntegerField()

    objects = OrganisationScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "outcome"], name="one_rating_each"),
            models.CheckConstraint(
                condition=Q(importance__gte=1, importance__lte=5), name="importance_1_to_5"
            ),
            models.CheckConstraint(
                condition=Q(satisfaction__gte=1, satisfaction__lte=5), name="satisfaction_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.outcome}: {self.importance}/{self.satisfaction}"


class IdeaStatus(models.TextChoices):
    NEW = "new", "New"
    UNDER_REVIEW = "under_review", "Under review"
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    SHIPPED = "shipped", "Shipped"
    DECLINED = "declined", "Declined"


class Idea(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=140, help_text="The idea in one sentence.")
    description = models.TextField(blank=True)
    author = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=15, choices=IdeaStatus.choices, default=IdeaStatus.NEW)
    decline_reason = models.CharField(max_length=500, blank=True)
    jobs = models.ManyToManyField(Job, related_name="ideas", blank=True)
    outcomes = models.ManyToManyField(Outcome, related_name="ideas", blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(max_length=300, blank=True)
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged"
    )
    merged_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The first answer from staff or an organiser (a status, an update or a comment).
    first_response_at = models.DateTimeField(null=True, blank=True)
    first_response_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The title's sentence vector (float32 bytes) for near-duplicates, and its model.
    vector = models.BinaryField(null=True, blank=True)
    vector_model = models.CharField(max_length=60, blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decline_reason=""),
                name="declined_with_a_reason",
            ),
            models.CheckConstraint(
                condition=~Q(merged_into=models.F("id")), name="not_merged_into_itself"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def visible(self) -> bool:
        """Shown, voted on and ranked: neither hidden by a moderator nor merged away."""
        return self.hidden_at is None and self.merged_into_id is None


class Support(models.Model):
    """A support vote: "I want this too"."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="one_support_each")]

    def __str__(self) -> str:
        return f"{self.user} supports {self.idea}"


class FollowReason(models.TextChoices):
    AUTHOR = "author", "You shared it"
    SUPPORTER = "supporter", "You support it"
    COMMENTER = "commenter", "You commented"
    VOTER = "voter", "You voted for it"
    FOLLOWER = "follower", "You follow it"


class Follower(models.Model):
    """Someone who hears what becomes of an idea, and why."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="followers")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=10, choices=FollowReason.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="one_follow_each")]

    def __str__(self) -> str:
        return f"{self.user} follows {self.idea}"


class Comment(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=10, help_text="The author's role when they wrote it.")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    hidden_at = models.DateTimeField(null=True, blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.author} on {self.idea}"


class Flag(models.Model):
    """Someone asks the moderators to look at an idea (spam, abuse, off topic...)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="one_flag_each")]

    def __str__(self) -> str:
        return f"{self.user} flagged {self.idea}"


class IdeaUpdate(models.Model):
    """A public update on an idea: a new status, a message, or both."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    old_status = models.CharField(max_length=15, choices=IdeaStatus.choices)
    new_status = models.CharField(max_length=15, choices=IdeaStatus.choices)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.idea}: {self.new_status}"


class VotingRound(models.Model):
    """A period of pairwise voting: within it, nobody is shown the same pair twice."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=120)
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-opened_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(closed_at__isnull=True),
                name="one_open_round",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Choice(models.TextChoices):
    LEFT = "left", "The left idea"
    RIGHT = "right", "The right idea"
    CANT_DECIDE = "cant_decide", "I can't decide"


class Comparison(models.Model):
    """A pair shown to a voter ("which matters more to you?") and, once answered, their
    choice. `pair` names the two ideas lowest id first, so a pair is one pair whichever
    side each idea was shown on."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(VotingRound, on_delete=models.CASCADE, related_name="comparisons")
    voter = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    left = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="+")
    pair = models.CharField(max_length=41)
    shown_at = models.DateTimeField(auto_now_add=True)
    choice = models.CharField(max_length=11, choices=Choice.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["shown_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "voter", "pair"], name="one_comparison_per_pair_and_round"
            ),
            models.CheckConstraint(condition=~Q(left=models.F("right")), name="two_ideas"),
        ]
        indexes = [models.Index(fields=["organisation", "answered_at"])]

    def __str__(self) -> str:
        return f"{self.voter}: {self.pair} ({self.choice or 'not answered'})"


class RankingSnapshot(models.Model):
    """The last ranking computed (Bradley-Terry with bootstrap intervals), and the state of
    votes and ideas it was computed from: a page recomputes it only when that changed."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="+")
    fingerprint = models.CharField(max_length=200)
    computed_at = models.DateTimeField(auto_now=True)
    voters = models.PositiveIntegerField(default=0)
    votes = models.PositiveIntegerField(default=0)
    ideas = models.JSONField(default=list)

    objects = OrganisationScopedManager()

    def __str__(self) -> str:
        return f"ranking of {self.organisation_id}"


class ChallengeStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Challenge(models.Model):
    """A shortlisted idea as a bounded problem for lead customers to work on."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="challenges")
    title = models.CharField(max_length=140)
    problem = models.TextField()
    constraints = models.TextField(blank=True)
    out_of_scope = models.TextField(blank=True)
    deadline = models.DateField()
    status = models.CharField(
        max_length=10, choices=ChallengeStatus.choices, default=ChallengeStatus.OPEN
    )
    result = models.TextField(blank=True, help_text="What came of it, recorded by the organiser.")
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class ChallengeInvitation(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    invited_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    invited_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["invited_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["challenge", "user"], name="one_invitation_each")
        ]

    def __str__(self) -> str:
        return f"{self.user} invited to {self.challenge}"


class ChallengeMessage(models.Model):
    """One message in a challenge's thread."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=10)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.author} in {self.challenge}"
