"""Offerings: what an organisation can deliver, and what each customer designed inside it.

An offering is dimensions of options under rules; a customer's `Design` is the options
they picked (one `Choice` each: confirmed or waitlisted) and their open answers, every
submitted version kept. `Option.seats_taken` counts the confirmed choices of an option
with a capacity and is changed only by conditional updates (services/seats.py), with a
database constraint as the last line against overselling.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from cocreate.organisations.models import Membership, Organisation, ProfileField
from cocreate.organisations.scoping import OrganisationScopedManager


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"  # organisers only
    OPEN = "open", "Open"  # designs accepted
    LOCKED = "locked", "Locked"  # no more changes
    DELIVERED = "delivered", "Delivered"


class Kind(models.TextChoices):
    EVENT = "event", "An event"
    SERVICE = "service", "A service"
    PRODUCT = "product", "A product's lifetime of use"


class Offering(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    slug = models.SlugField(max_length=60)
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.EVENT)
    unit = models.CharField(
        max_length=20, blank=True, help_text="What costs are counted in: EUR, points, credits."
    )
    budget = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, help_text="The cap per customer."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # Bumped by every change to dimensions, options or rules: the rules engine's compiled
    # form of the offering is cached under it (offerings/engine.py).
    revision = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "slug"], name="unique_offering_slug"),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0), name="budget_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class StepSource(models.TextChoices):
    """Where a step's choices come from. Only `options` steps list options the organisers
    type; the others are kept by the part of the product that owns what they ask."""

    OPTIONS = "options", "Options listed here"
    SESSIONS = "sessions", "The sessions of the event's agenda"
    TALK = "talk", "An answer that can become a session proposal"
    CONTACT = "contact", "How to reach the person (their contact preferences)"
    PROFILE = "profile", "Questions from the person's profile"


# Steps the rules engine never sees: their answers live with the person, not the design.
PERSONAL_SOURCES = (StepSource.CONTACT, StepSource.PROFILE)


class Dimension(models.Model):
    """One step of the designer: a choice among options, or an open answer; or, by its
    `source`, the event's sessions, the person's contact channel or profile questions."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    offering = models.ForeignKey(Offering, on_delete=models.CASCADE, related_name="dimensions")
    name = models.CharField(max_length=120)
    help_text = models.CharField(max_length=300, blank=True)
    min_picks = models.PositiveIntegerField(default=0)
    max_picks = models.PositiveIntegerField(null=True, blank=True, help_text="Empty: no limit.")
    open_answer = models.BooleanField(
        default=False, help_text="A free-text answer instead of options."
    )
    max_answer_length = models.PositiveIntegerField(default=500)
    source = models.CharField(max_length=10, choices=StepSource.choices, default=StepSource.OPTIONS)
    questions = models.ManyToManyField(
        ProfileField, blank=True, related_name="+", help_text="What a profile step asks."
    )
    position = models.PositiveIntegerField(default=0)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            # One sessions step per offering: the agenda has one place to keep its sessions.
            models.UniqueConstraint(
                fields=["offering"],
                condition=Q(source="sessions"),
                name="one_sessions_step",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Partner(models.Model):
    """A partner organisation that delivers some options, with the members who act for it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=120)
    members = models.ManyToManyField(Membership, related_name="partners", blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_partner_name")
        ]

    def __str__(self) -> str:
        return self.name


class Option(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    offering = models.ForeignKey(Offering, on_delete=models.CASCADE, related_name="options")
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="options")
    key = models.SlugField(max_length=60, help_text="Stable name in exports and rules.")
    name = models.CharField(max_length=150)  # a session's title, as its speaker wrote it
    description = models.TextField(blank=True)
    capacity = models.PositiveIntegerField(null=True, blank=True, help_text="Empty: unlimited.")
    cost = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    tags = models.JSONField(default=list, blank=True)
    starts_at = models.DateTimeField(null=True, blank=True)
    ends_at = models.DateTimeField(null=True, blank=True)
    location = models.CharField(max_length=120, blank=True, help_text="A room or a venue.")
    # People who give or host it (a session's speakers): it is in their plan as theirs.
    hosts = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    eligibility = models.JSONField(
        default=list, blank=True, help_text='[{"field": "membership", "allowed": ["member"]}]'
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.SET_NULL, null=True, blank=True, related_name="options"
    )
    position = models.PositiveIntegerField(default=0)
    seats_taken = models.PositiveIntegerField(default=0)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["position", "id"]  # within a dimension; selectors order by dimension first
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(seats_taken__lte=F("capacity")),
                name="never_oversold",
            ),
            models.CheckConstraint(condition=Q(cost__gte=0), name="cost_not_negative"),
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True, ends_at__isnull=True)
                | Q(starts_at__lt=F("ends_at")),
                name="window_starts_before_it_ends",
            ),
            models.UniqueConstraint(fields=["offering", "key"], name="unique_option_key"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def seats_left(self) -> int | None:
        return None if self.capacity is None else self.capacity - self.seats_taken


class RuleKind(models.TextChoices):
    REQUIRES = "requires", "requires"
    EXCLUDES = "excludes", "excludes"
    AT_MOST = "at_most", "at most k of"
    AT_LEAST = "at_least", "at least k of"


class Rule(models.Model):
    """requires/excludes: the first option is the subject, the rest its targets;
    at_most/at_least: `k` of the options. Budget caps, time overlaps and eligibility live
    on the offering and its options."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    offering = models.ForeignKey(Offering, on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(max_length=10, choices=RuleKind.choices)
    options = models.JSONField(help_text="Option ids, in order.")
    k = models.PositiveIntegerField(default=0)
    label = models.CharField(max_length=200, blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.label or f"{self.kind} {self.options}"


class Design(models.Model):
    """A customer's design of one offering: what they submitted (its `choices` and
    `answers`, numbered `version`) and the draft they are working on."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    offering = models.ForeignKey(Offering, on_delete=models.CASCADE, related_name="designs")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="designs"
    )
    answers = models.JSONField(default=dict, blank=True, help_text="Open answers by dimension id.")
    version = models.PositiveIntegerField(default=0, help_text="0: never submitted.")
    submitted_at = models.DateTimeField(null=True, blank=True)
    draft_options = models.JSONField(default=list, blank=True)
    draft_answers = models.JSONField(default=dict, blank=True)
    draft_weights = models.JSONField(
        default=dict, blank=True, help_text="Must attend or would like, by session option id."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["offering", "user"], name="one_design_each")]

    def __str__(self) -> str:
        return f"{self.user} designs {self.offering}"


class DesignVersion(models.Model):
    """Every submitted version of a design, kept."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    design = models.ForeignKey(Design, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    options = models.JSONField()
    answers = models.JSONField()
    cost = models.DecimalField(max_digits=12, decimal_places=2)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["design", "number"], name="unique_version_number")
        ]

    def __str__(self) -> str:
        return f"version {self.number} of {self.design}"


class ChoiceStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    WAITLISTED = "waitlisted", "On the waitlist"


class Weight(models.TextChoices):
    """How much a person wants a session: what the agenda's optimiser plans from."""

    MUST = "must", "Must attend"
    LIKE = "like", "Would like"


class Choice(models.Model):
    """One option in a customer's submitted design: confirmed (a seat, where the option
    has a capacity) or waitlisted; and, once delivered, who fulfilled it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    design = models.ForeignKey(Design, on_delete=models.CASCADE, related_name="choices")
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="choices")
    status = models.CharField(max_length=10, choices=ChoiceStatus.choices)
    weight = models.CharField(
        max_length=4, choices=Weight.choices, blank=True, help_text="Sessions only."
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    fulfilled_at = models.DateTimeField(null=True, blank=True)
    fulfilled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["created_at", "id"]  # the waitlist's order
        constraints = [
            models.UniqueConstraint(fields=["design", "option"], name="one_choice_per_option")
        ]

    def __str__(self) -> str:
        return f"{self.option} ({self.status})"


class CalendarFeed(models.Model):
    """A secret address at which a calendar app reads one person's plan of one offering.

    Only the token's SHA-256 is kept.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    offering = models.ForeignKey(Offering, on_delete=models.CASCADE, related_name="feeds")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["offering", "user"], name="one_plan_feed_each")
        ]

    def __str__(self) -> str:
        return f"feed of {self.user} for {self.offering}"


class Attempt(models.Model):
    """A choice a customer tried that broke a rule: what the organisation could not give.

    One row per person, option and reason, counted, so a customer clicking the same
    conflict ten times counts once as a person and ten times as attempts.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    offering = models.ForeignKey(Offering, on_delete=models.CASCADE, related_name="attempts")
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=30)
    message = models.CharField(max_length=300)
    count = models.PositiveIntegerField(default=1)
    last_at = models.DateTimeField(auto_now=True)

    objects = OrganisationScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["option", "user", "code", "message"], name="one_attempt_row_each"
            )
        ]

    def __str__(self) -> str:
        return f"{self.option}: {self.code}"
