"""Co-created agendas: an event's slots and rooms, the sessions attendees propose, the
organisers' constraints, optimiser runs and published schedules.

An `Event` is the agenda of one offering of kind event: its name, address and lifecycle
are the offering's, and each accepted proposal is an option of the offering's sessions
step (`Proposal.option`). What people want to attend is their design's choices of those
options (must attend or would like), so the designer and the agenda read one record.
A proposal may grow from an idea or a challenge of the ideas app (`Proposal.idea`,
`Proposal.challenge`); the ideas app never imports the agenda.

A `Schedule` is a placement of every accepted proposal (room and first slot); the run that
made it is kept, organisers may move sessions by hand while it is a draft, and publishing
makes it the next numbered version: it gives each session's option its time, room and
seats (services/sessions.py).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from cocreate.ideas.models import Challenge, Idea
from cocreate.offerings.models import Offering, Option
from cocreate.organisations.models import Organisation
from cocreate.organisations.scoping import OrganisationScopedManager


class Phase(models.TextChoices):
    PROPOSALS = "proposals", "Proposals open"
    INTEREST = "interest", "Interest open"
    SCHEDULED = "scheduled", "Scheduled"
    LIVE = "live", "Live"
    CLOSED = "closed", "Closed"


class Event(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    offering = models.OneToOneField(Offering, on_delete=models.CASCADE, related_name="agenda")
    phase = models.CharField(max_length=10, choices=Phase.choices, default=Phase.PROPOSALS)
    topics = models.JSONField(default=list, blank=True, help_text="The tracks proposals pick from.")
    move_penalty = models.FloatField(
        default=20.0,
        help_text="What moving an announced session costs a re-plan, in wishes (must = 3).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(move_penalty__gte=0), name="move_penalty_positive"),
        ]

    def __str__(self) -> str:
        return self.name

    # The offering is the one record of what the event is called and where it lives.
    @property
    def name(self) -> str:
        return self.offering.name

    @property
    def slug(self) -> str:
        return self.offering.slug

    @property
    def description(self) -> str:
        return self.offering.description


class Slot(models.Model):
    """A time slot; a gap before it (or a new day) is a break no session runs across."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "starts_at"], name="one_slot_per_start"),
            models.CheckConstraint(condition=Q(starts_at__lt=F("ends_at")), name="slot_has_length"),
        ]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.starts_at):%a %d %b %H:%M}"


class Room(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(max_length=80)
    capacity = models.PositiveIntegerField()
    strict_capacity = models.BooleanField(
        default=False,
        help_text="Never more people than seats (fire safety), not just a preference.",
    )
    features = models.JSONField(default=list, blank=True, help_text="step-free, streaming, …")
    closed = models.BooleanField(default=False, help_text="Lost or not in use: takes no sessions.")

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-capacity", "name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "name"], name="unique_room_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Format(models.TextChoices):
    TALK = "talk", "Talk"
    DISCUSSION = "discussion", "Discussion"
    WORKSHOP = "workshop", "Workshop"
    PANEL = "panel", "Panel"
    DEMO = "demo", "Demo"


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    MERGED = "merged", "Merged"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Proposal(models.Model):
    """A session someone proposes; once accepted, a session the optimiser places."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="proposals")
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(max_length=150)
    abstract = models.TextField(blank=True)
    format = models.CharField(max_length=12, choices=Format.choices, default=Format.TALK)
    length = models.PositiveIntegerField(default=1, help_text="In slots.")
    needs = models.JSONField(default=list, blank=True, help_text="Room features it needs.")
    topics = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    reason = models.CharField(max_length=500, blank=True, help_text="Why it was declined.")
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged"
    )
    during_event = models.BooleanField(default=False)
    # Once accepted: the option of the offering's sessions step that people choose.
    option = models.OneToOneField(
        Option, on_delete=models.SET_NULL, null=True, blank=True, related_name="session"
    )
    # What the session grew from, if anything: its idea's followers, or its challenge's
    # lead customers, hear what becomes of it (services/from_ideas.py).
    idea = models.ForeignKey(
        Idea, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions"
    )
    challenge = models.ForeignKey(
        Challenge, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(idea__isnull=True) | Q(challenge__isnull=True),
                name="grown_from_one_source",
            ),
            # Once per event, unless declined or withdrawn: then it may be proposed again.
            models.UniqueConstraint(
                fields=["event", "idea"],
                condition=Q(status__in=["proposed", "accepted", "merged"]),
                name="one_session_per_idea",
            ),
            models.UniqueConstraint(
                fields=["event", "challenge"],
                condition=Q(status__in=["proposed", "accepted", "merged"]),
                name="one_session_per_challenge",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Speaker(models.Model):
    """A speaker or co-host; they count once they confirm (the proposer is confirmed)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="speakers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="one_speaker_entry")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.proposal}"


class Unavailability(models.Model):
    """A slot in which a person cannot give a session."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="unavailable")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    objects = OrganisationScopedManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["slot", "user"], name="unavailable_once")]

    def __str__(self) -> str:
        return f"{self.user} not at {self.slot}"


class ConstraintKind(models.TextChoices):
    PIN = "pin", "Pin to a room and/or slot"
    APART = "apart", "Keep apart"
    SEQUENCE = "sequence", "In sequence"
    RESERVE = "reserve", "Reserve a room and slot"


class Constraint(models.Model):
    """An organiser's hard constraint. pin: proposal + room and/or slot; apart and
    sequence: proposal, then other (`immediately` for sequence); reserve: room + slot."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="constraints")
    kind = models.CharField(max_length=10, choices=ConstraintKind.choices)
    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    other = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    room = models.ForeignKey(
        Room, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    slot = models.ForeignKey(
        Slot, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    immediately = models.BooleanField(default=False)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.get_kind_display()


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class Run(models.Model):
    """One optimiser run (a first plan or a re-plan), its progress and its outcome."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="runs")
    replan = models.BooleanField(default=False)
    status = models.CharField(max_length=8, choices=RunStatus.choices, default=RunStatus.QUEUED)
    time_limit = models.FloatField(default=20.0)
    seed = models.PositiveIntegerField(default=0)
    frozen_before = models.DateTimeField(
        null=True, blank=True, help_text="A re-plan keeps sessions that start before this."
    )
    progress = models.JSONField(default=list, blank=True, help_text="[seconds, objective, bound]")
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"run {self.pk} of {self.event}"


class Schedule(models.Model):
    """A placement of every accepted session: a draft until published as a version."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="schedules")
    run = models.OneToOneField(Run, on_delete=models.SET_NULL, null=True, related_name="schedule")
    version = models.PositiveIntegerField(null=True, blank=True, help_text="Set when published.")
    placements = models.JSONField(help_text='{"<proposal id>": [<room id>, <slot id>]}')
    figures = models.JSONField(default=dict)
    diff = models.JSONField(default=dict, blank=True, help_text="Against the published one.")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "version"], name="one_schedule_per_version")
        ]

    def __str__(self) -> str:
        return f"schedule {self.version or 'draft'} of {self.event}"
