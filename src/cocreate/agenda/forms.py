"""Forms collect what people type; the services decide whether it is acceptable."""

import re
from datetime import time
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cocreate.agenda.models import ConstraintKind, Format, Proposal, Room, Slot

LINES = forms.Textarea(attrs={"rows": 3})


def _lines(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,\n]", text) if part.strip()]


class EventForm(forms.Form):
    name = forms.CharField(max_length=120)
    description = forms.CharField(required=False, widget=LINES)
    topics = forms.CharField(
        required=False, widget=LINES, help_text="Tracks or topics, one per line or comma-separated."
    )

    def __init__(self, *args: Any, for_offering: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if for_offering:  # the offering has its name and description already
            del self.fields["name"], self.fields["description"]

    def clean_topics(self) -> list[str]:
        return _lines(self.cleaned_data["topics"])


class EventSettingsForm(EventForm):
    move_penalty = forms.FloatField(
        min_value=0,
        max_value=1000,
        label="Cost of moving an announced session",
        help_text="In wishes (a must-attend counts 3): higher keeps the agenda steadier.",
    )


class DayForm(forms.Form):
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    times = forms.CharField(
        widget=LINES,
        initial="09:30-10:30\n11:00-12:00\n13:30-14:30\n15:00-16:00",
        help_text="One slot per line, start-end; a gap between slots is a break.",
    )

    def clean_times(self) -> list[tuple[time, time]]:
        spans = []
        for line in _lines(self.cleaned_data["times"]):
            match = re.fullmatch(r"(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})", line)
            if not match:
                raise forms.ValidationError(f"Write “09:30-10:30”, not “{line}”.")
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            try:
                spans.append((time(h1, m1), time(h2, m2)))
            except ValueError:
                raise forms.ValidationError(f"“{line}” is not a time of day.") from None
        return spans


class RoomForm(forms.Form):
    name = forms.CharField(max_length=80)
    capacity = forms.IntegerField(min_value=1, label="Seats")
    strict_capacity = forms.BooleanField(required=False, label="Never more people than seats")
    features = forms.CharField(required=False, help_text="step-free, streaming, whiteboard…")
    closed = forms.BooleanField(required=False, label="Closed (takes no sessions)")

    def clean_features(self) -> list[str]:
        return _lines(self.cleaned_data["features"])


class ProposalForm(forms.Form):
    title = forms.CharField(max_length=150)
    abstract = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))
    format = forms.ChoiceField(choices=Format.choices)
    length = forms.IntegerField(min_value=1, initial=1, label="Length (slots)")
    topics = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, choices=()
    )
    needs = forms.CharField(required=False, help_text="Room features: streaming, whiteboard…")
    co_hosts = forms.CharField(
        required=False, label="Co-hosts", help_text="Their email addresses; they confirm."
    )

    def __init__(self, *args: Any, topics: list[str] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = [(t, t) for t in topics]  # type: ignore[attr-defined]

    def clean_needs(self) -> list[str]:
        return _lines(self.cleaned_data["needs"])

    def clean_co_hosts(self) -> list[str]:
        return _lines(self.cleaned_data["co_hosts"])


class TalkForm(forms.Form):
    """The designer's quick proposal: what someone wants to talk about, as a session."""

    prefix = "talk"
    title = forms.CharField(max_length=150, label=_("Session title"))
    format = forms.ChoiceField(choices=Format.choices, label=_("Format"))
    topics = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, choices=(), label=_("Topics")
    )
    abstract = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("A few words about it (optional)"),
    )

    def __init__(self, *args: Any, topics: list[str] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = [(t, t) for t in topics]  # type: ignore[attr-defined]


class FromSourceForm(forms.Form):
    """A session grown from an idea or a challenge, prefilled from it (sources.py); the
    title's length and the topics are the service's to check, as for the API."""

    title = forms.CharField(required=False, label=_("Session title"))
    abstract = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 4}), label=_("What it is about")
    )
    format = forms.ChoiceField(choices=Format.choices, label=_("Format"))
    length = forms.IntegerField(initial=1, label=_("Length (slots)"))
    topics = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, choices=(), label=_("Topics")
    )

    def __init__(self, *args: Any, topics: list[str] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = [(t, t) for t in topics]  # type: ignore[attr-defined]


class DeclineForm(forms.Form):
    reason = forms.CharField(max_length=500, widget=LINES, label="Why (the proposer is told)")


class ConstraintForm(forms.Form):
    kind = forms.ChoiceField(choices=ConstraintKind.choices)
    proposal = forms.ModelChoiceField(
        queryset=Proposal.objects.none(), required=False, label="Session"
    )
    other = forms.ModelChoiceField(
        queryset=Proposal.objects.none(), required=False, label="Other session"
    )
    room = forms.ModelChoiceField(queryset=Room.objects.none(), required=False)
    slot = forms.ModelChoiceField(queryset=Slot.objects.none(), required=False)
    immediately = forms.BooleanField(required=False, label="Immediately after (in sequence)")

    def __init__(self, *args: Any, event: Any, accepted: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("proposal", "other"):
            self.fields[name].queryset = accepted  # type: ignore[attr-defined]
        self.fields["room"].queryset = Room.objects.filter(event=event)  # type: ignore[attr-defined]
        self.fields["slot"].queryset = Slot.objects.filter(event=event)  # type: ignore[attr-defined]


class RunForm(forms.Form):
    time_limit = forms.FloatField(min_value=1, max_value=600, initial=20, label="Seconds to search")
