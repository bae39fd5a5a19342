"""Listening: the journey an organisation's customers go through, what they say at each
touchpoint, what staff feel, who served whom, and what people think of statements.

- `Phase` and `Touchpoint`: the customer experience cycle (by default discover, choose,
  buy, use, get help, stay or leave) and the moments in each phase.
- `Survey`: a feedback form at one touchpoint, answered through its shareable link.
- `Question`: one of the form's own questions (choices, a scale or text), asked after
  the built-in scores, shown only when its one condition on an earlier answer holds.
- `Feedback`: one answer to a form or the API, or one passive signal imported from a file
  (a support ticket, a review, a social mention). Scores are checked by constraints.
- `StaffPulse` and `Interaction`: staff experience, and which staff member served which
  customer where and when: the two halves of the staff-customer linkage.
- `SignalImport` (with its `ImportProblem`s): a CSV file, its column mapping and its
  progress; rows are written in batches, each batch with its progress, so an import that
  stops resumes where it left off and never writes half a batch.
- `Conversation`, `Statement`, `Vote`: statements people agree, disagree or pass on, for
  opinion groups.
- `TextVector`, `ThemeRun`, `Theme`: cached sentence vectors and the themes found in
  free text by a background run.

`external_key` names a row from outside (an API client's id, or an import row's key):
unique per organisation when given, so sending or importing the same row twice adds it
once.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cocreate.offerings.models import Option
from cocreate.organisations.models import Organisation
from cocreate.organisations.scoping import OrganisationScopedManager

DEFAULT_PHASES = ("discover", "choose", "buy", "use", "get help", "stay or leave")


class ListeningSettings(models.Model):
    """One organisation's choices for listening: which profile answer is a segment."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="+")
    segment_field = models.CharField(
        max_length=50, blank=True, help_text="The key of a one-choice profile field."
    )

    objects = OrganisationScopedManager()

    def __str__(self) -> str:
        return f"Listening settings of {self.organisation}"


class Phase(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=60)
    position = models.PositiveIntegerField(default=0)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_phase_name")
        ]

    def __str__(self) -> str:
        return self.name


class Touchpoint(models.Model):
    """A moment of the journey. One made for a session or a delivered option (`option`)
    is where the people who had it are asked how it went (services/ratings.py)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    phase = models.ForeignKey(Phase, on_delete=models.RESTRICT, related_name="touchpoints")
    name = models.CharField(max_length=80)
    description = models.CharField(max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)
    option = models.OneToOneField(
        Option, on_delete=models.SET_NULL, null=True, blank=True, related_name="touchpoint"
    )
    hosts_told_at = models.DateTimeField(
        null=True, blank=True, help_text="When its hosts heard how it was rated."
    )

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["phase__position", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_touchpoint_name")
        ]

    def __str__(self) -> str:
        return self.name


class Survey(models.Model):
    """A feedback form at one touchpoint; anyone with its link may answer it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    touchpoint = models.ForeignKey(Touchpoint, on_delete=models.RESTRICT, related_name="surveys")
    title = models.CharField(max_length=120)
    intro = models.CharField(max_length=300, blank=True)
    asks_nps = models.BooleanField(default=True)
    asks_csat = models.BooleanField(default=True)
    asks_ces = models.BooleanField(default=False)
    asks_text = models.BooleanField(default=True)
    is_open = models.BooleanField(default=True)
    # In the shareable link: not a secret (it is printed on posters), just unguessable.
    token = models.CharField(max_length=24, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "feedback form"
        constraints = [
            models.CheckConstraint(
                condition=Q(asks_nps=True)
                | Q(asks_csat=True)
                | Q(asks_ces=True)
                | Q(asks_text=True),
                name="survey_asks_something",
            )
        ]

    def __str__(self) -> str:
        return self.title


class QuestionKind(models.TextChoices):
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    SCALE = "scale", _("Scale")
    TEXT = "text", _("Text")


class ConditionOperator(models.TextChoices):
    AT_MOST = "at_most", _("is at most")
    AT_LEAST = "at_least", _("is at least")
    ONE_OF = "one_of", _("is one of")


class Question(models.Model):
    """One of a form's own questions. It may depend on one earlier answer: a built-in
    score of the form (`condition_score`) or an earlier question (`condition_question`)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    label = models.CharField(_("question"), max_length=200)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveIntegerField(default=0)
    choices = models.JSONField(default=list, blank=True)
    scale_min = models.SmallIntegerField(null=True, blank=True)
    scale_max = models.SmallIntegerField(null=True, blank=True)
    low_label = models.CharField(max_length=60, blank=True)
    high_label = models.CharField(max_length=60, blank=True)
    condition_score = models.CharField(max_length=4, blank=True)
    # RESTRICT, not PROTECT: deleting the whole form still takes its questions with it.
    condition_question = models.ForeignKey(
        "self", on_delete=models.RESTRICT, null=True, blank=True, related_name="dependents"
    )
    condition_operator = models.CharField(
        max_length=10, choices=ConditionOperator.choices, blank=True
    )
    condition_number = models.SmallIntegerField(null=True, blank=True)
    condition_choices = models.JSONField(default=list, blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=[k.value for k in QuestionKind]), name="question_kind_known"
            ),
            models.CheckConstraint(
                condition=~Q(kind="scale")
                | Q(scale_min__isnull=False, scale_max__isnull=False)
                & Q(scale_min__lt=models.F("scale_max")),
                name="question_scale_has_a_range",
            ),
            models.CheckConstraint(
                condition=Q(condition_score="") | Q(condition_question__isnull=True),
                name="question_has_one_condition",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def key(self) -> str:
        """Its name in a form's answers and in error messages: q<id>."""
        return f"q{self.pk}"

    @property
    def has_condition(self) -> bool:
        return bool(self.condition_score) or self.condition_question_id is not None


class Source(models.TextChoices):
    FORM = "form", "Feedback form"
    API = "api", "API"
    IMPORT = "import", "Imported file"
    RATING = "rating", "Asked after a session"


class SignalKind(models.TextChoices):
    RESPONSE = "response", "Feedback"
    TICKET = "ticket", "Support ticket"
    REVIEW = "review", "Review"
    MENTION = "mention", "Social mention"
    OTHER = "other", "Other signal"


def scored(field: str, low: int, high: int) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__range": (low, high)}),
        name=f"%(class)s_{field}_in_range",
    )


def unique_key() -> models.UniqueConstraint:
    return models.UniqueConstraint(
        fields=["organisation", "external_key"],
        condition=~Q(external_key=""),
        name="%(class)s_unique_external_key",
    )


class Feedback(models.Model):
    """What a customer said at a touchpoint, or a passive signal about it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    touchpoint = models.ForeignKey(Touchpoint, on_delete=models.RESTRICT, related_name="feedback")
    survey = models.ForeignKey(
        Survey, on_delete=models.SET_NULL, null=True, blank=True, related_name="feedback"
    )
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty for anonymous feedback.",
    )
    source = models.CharField(max_length=10, choices=Source.choices)
    kind = models.CharField(max_length=10, choices=SignalKind.choices, default=SignalKind.RESPONSE)
    nps = models.PositiveSmallIntegerField(null=True, blank=True)
    csat = models.PositiveSmallIntegerField(null=True, blank=True)
    ces = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)
    # Answers to the form's own questions by question id, each with the question's label
    # and kind at the time: still readable after the question is edited or deleted.
    answers = models.JSONField(default=dict, blank=True)
    segment = models.CharField(max_length=120, blank=True, help_text="At the time, if known.")
    submitted_at = models.DateTimeField(db_index=True)
    external_key = models.CharField(max_length=200, blank=True)
    signal_import = models.ForeignKey(
        "SignalImport", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name_plural = "feedback"
        constraints = [
            scored("nps", 0, 10),
            scored("csat", 1, 5),
            scored("ces", 1, 7),
            unique_key(),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.touchpoint_id} on {self.submitted_at:%Y-%m-%d}"


class StaffPulse(models.Model):
    """A staff member's answer to the pulse survey: satisfaction 1-5, eNPS 0-10."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    satisfaction = models.PositiveSmallIntegerField(null=True, blank=True)
    enps = models.PositiveSmallIntegerField(null=True, blank=True)
    submitted_at = models.DateTimeField(db_index=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.FORM)
    external_key = models.CharField(max_length=200, blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        constraints = [
            scored("satisfaction", 1, 5),
            scored("enps", 0, 10),
            models.CheckConstraint(
                condition=Q(satisfaction__isnull=False) | Q(enps__isnull=False),
                name="pulse_answers_something",
            ),
            unique_key(),
        ]

    def __str__(self) -> str:
        return f"Pulse of {self.staff_id} on {self.submitted_at:%Y-%m-%d}"


class Interaction(models.Model):
    """A staff member served a customer at a touchpoint."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    touchpoint = models.ForeignKey(
        Touchpoint, on_delete=models.RESTRICT, related_name="interactions"
    )
    occurred_at = models.DateTimeField(db_index=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.API)
    external_key = models.CharField(max_length=200, blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        constraints = [unique_key()]

    def __str__(self) -> str:
        return f"{self.staff_id} served {self.customer_id} at {self.touchpoint_id}"


class ImportKind(models.TextChoices):
    SIGNALS = "signals", "Passive signals (tickets, reviews, mentions)"
    INTERACTIONS = "interactions", "Interactions (who served whom)"
    PULSES = "pulses", "Staff pulses"


class ImportStatus(models.TextChoices):
    MAPPING = "mapping", "Waiting for its column mapping"
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Importing"
    DONE = "done", "Done"
    FAILED = "failed", "Stopped"


class SignalImport(models.Model):
    """A CSV file on its way in: its columns, how they map, and how far it got."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=15, choices=ImportKind.choices)
    file_name = models.CharField(max_length=200)
    content = models.BinaryField(help_text="The file as uploaded.")
    size = models.PositiveIntegerField()
    encoding = models.CharField(max_length=20, default="utf-8")
    delimiter = models.CharField(max_length=1, default=",")
    headers = models.JSONField(default=list)
    preview = models.JSONField(default=list, help_text="The first rows, for the mapping step.")
    mapping = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=10, choices=ImportStatus.choices, default=ImportStatus.MAPPING
    )
    rows_estimated = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0, help_text="Rows read, committed.")
    rows_imported = models.PositiveIntegerField(default=0)
    rows_duplicate = models.PositiveIntegerField(default=0)
    rows_refused = models.PositiveIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)
    # Each run that claims the import counts up, so a run that was given up for dead
    # and comes back cannot write over the run that took its place.
    attempt = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.file_name


class ImportProblem(models.Model):
    """A row that was not imported, and why."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    signal_import = models.ForeignKey(
        SignalImport, on_delete=models.CASCADE, related_name="problems"
    )
    line = models.PositiveIntegerField(help_text="In the file; the header is line 1.")
    reason = models.CharField(max_length=300)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["line", "id"]

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


class Conversation(models.Model):
    """Statements on one question that people agree, disagree or pass on."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    is_open = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Statement(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="statements"
    )
    text = models.CharField(max_length=280)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "text"], name="unique_statement_text")
        ]

    def __str__(self) -> str:
        return self.text


class Opinion(models.IntegerChoices):
    AGREE = 1, "Agree"
    PASS = 0, "Pass"
    DISAGREE = -1, "Disagree"


class Vote(models.Model):
    """One person's latest vote on one statement."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="+")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    value = models.SmallIntegerField(choices=Opinion.choices)
    voted_at = models.DateTimeField()

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["voted_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "participant"], name="one_vote_each"),
            models.CheckConstraint(condition=Q(value__in=[-1, 0, 1]), name="vote_is_an_opinion"),
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.get_value_display()} {self.statement_id}"


class TextVector(models.Model):
    """A sentence vector, cached by the text's SHA-256 and the model that made it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    model = models.CharField(max_length=80)
    digest = models.CharField(max_length=64)
    vector = models.BinaryField(help_text="float32, little-endian.")

    objects = OrganisationScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "model", "digest"], name="one_vector_per_text"
            )
        ]

    def __str__(self) -> str:
        return f"{self.model}:{self.digest[:12]}"


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ThemeRun(models.Model):
    """One search for themes in the free text of feedback: progress, then the result."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    model = models.CharField(max_length=80, blank=True)
    texts_total = models.PositiveIntegerField(default=0)
    texts_embedded = models.PositiveIntegerField(default=0, help_text="New vectors so far.")
    texts_to_embed = models.PositiveIntegerField(default=0)
    by_phase = models.JSONField(default=list, blank=True)
    error = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Themes run {self.pk} ({self.status})"


class Theme(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    run = models.ForeignKey(ThemeRun, on_delete=models.CASCADE, related_name="themes")
    number = models.PositiveIntegerField(help_text="0 is the largest.")
    label = models.CharField(max_length=200)
    top_words = models.JSONField(default=list)
    size = models.PositiveIntegerField()
    share = models.FloatField()
    sentiment = models.FloatField()
    positive_share = models.FloatField()
    negative_share = models.FloatField()
    examples = models.JSONField(default=list)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return self.label


class RatingRequest(models.Model):
    """A person asked, on their channel, how a session (or a delivered option) went. The
    secret in their link lets them answer in one tap without signing in; only its
    SHA-256 is kept. Their answer is one `Feedback` at the touchpoint, changed if they
    answer again."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    touchpoint = models.ForeignKey(
        Touchpoint, on_delete=models.CASCADE, related_name="rating_requests"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64, unique=True)
    asked_at = models.DateTimeField(auto_now_add=True)
    feedback = models.OneToOneField(
        Feedback, on_delete=models.SET_NULL, null=True, blank=True, related_name="request"
    )

    objects = OrganisationScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["touchpoint", "user"], name="asked_once_each")
        ]

    def __str__(self) -> str:
        return f"{self.user} asked about {self.touchpoint}"
