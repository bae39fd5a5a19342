"""Organisations (the tenants), the people in them, invitations and personal profiles.

Every model that holds an organisation's data has an `organisation` field and a scoped
default manager (django-scopes): querying it outside `scope(organisation=...)` raises,
so a query that forgets its tenant fails loudly instead of leaking. See access.py.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cocreate.organisations.scoping import OrganisationScopedManager


class Role(models.TextChoices):
    ORGANISER = "organiser", "Organiser"
    STAFF = "staff", "Staff"
    PARTNER = "partner", "Partner"
    CUSTOMER = "customer", "Customer"


class Organisation(models.Model):
    slug = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=120, help_text="The name people see.")
    description = models.TextField(blank=True)
    allow_self_join = models.BooleanField(
        default=False, help_text="Anyone signed in may join as a customer."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A person in an organisation: their role there and their profile for it."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.CUSTOMER)
    profile = models.JSONField(
        default=dict, blank=True, help_text="Answers to the organisation's profile fields, by key."
    )
    profile_updated_at = models.DateTimeField(null=True, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="one_membership_each")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.organisation} ({self.role})"


class Invitation(models.Model):
    """An emailed link that lets one person join with a preset role.

    Only the SHA-256 of the link's token is stored.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(max_length=10, choices=Role.choices)
    digest = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} to {self.organisation} as {self.role}"


class FieldKind(models.TextChoices):
    TEXT = "text", "Text"
    NUMBER = "number", "Number"
    SINGLE_CHOICE = "single_choice", "One choice"
    MULTI_CHOICE = "multi_choice", "Several choices"


class ProfileField(models.Model):
    """One question an organisation asks its members.

    Asked of everyone, it is on every member's profile page; otherwise only the offerings
    that use it ask it, of the people taking part. Either way the answer is stored in
    `Membership.profile` under the key, and everything that reads profiles sees it.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="profile_fields"
    )
    key = models.SlugField(max_length=50, help_text="Stable name used in the API and exports.")
    label = models.CharField(max_length=120)
    help_text = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=15, choices=FieldKind.choices)
    choices = models.JSONField(default=list, blank=True)
    required = models.BooleanField(default=False)
    asked_of_everyone = models.BooleanField(
        default=True,
        help_text=_("On every member's profile page; otherwise only where an offering asks it."),
    )
    position = models.PositiveIntegerField(default=0)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key"], name="unique_field_key")
        ]

    def __str__(self) -> str:
        return self.label


class AuditEntry(models.Model):
    """Who changed what in an organisation, and when: one row per organiser action."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="audit_entries"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=60)
    target = models.CharField(max_length=200, help_text="What was acted on, as people read it.")
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = OrganisationScopedManager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.actor} {self.action} {self.target}"
