from zoneinfo import available_timezones

from django import forms

from cocreate.messaging.events import EVENTS
from cocreate.messaging.kinds import MUTABLE_KINDS
from cocreate.messaging.rendering import LIMITS


class WebhookForm(forms.Form):
    url = forms.CharField(
        max_length=500,
        label="URL",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
        help_text="We POST each event here, signed (Standard Webhooks).",
    )
    description = forms.CharField(max_length=200, required=False, label="What it is for")
    events_chosen = forms.MultipleChoiceField(
        choices=[(name, f"{name}: {about}") for name, about in EVENTS.items()],
        widget=forms.CheckboxSelectMultiple,
        label="Events",
    )


class WebhookEditForm(WebhookForm):
    active = forms.BooleanField(required=False, label="Active")


class WordingForm(forms.Form):
    """An organisation's own wording for a kind; an empty part keeps Cocreate's."""

    subject = forms.CharField(required=False, max_length=LIMITS["subject"] * 2, label="Subject")
    text = forms.CharField(
        required=False,
        label="Short text (SMS, previews)",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    body = forms.CharField(required=False, label="Body", widget=forms.Textarea(attrs={"rows": 8}))


class NotificationSettingsForm(forms.Form):
    quiet_start = forms.TimeField(
        required=False,
        label="Quiet from",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    quiet_end = forms.TimeField(
        required=False,
        label="Quiet until",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    time_zone = forms.ChoiceField(
        choices=[(zone, zone) for zone in sorted(available_timezones())], label="Your time zone"
    )
    muted_kinds = forms.MultipleChoiceField(
        required=False,
        choices=[(kind.key, kind.label) for kind in MUTABLE_KINDS],
        widget=forms.CheckboxSelectMultiple,
        label="I do not want",
    )
