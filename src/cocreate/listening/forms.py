"""Forms collect what people type; the services decide whether it is acceptable."""

from typing import Any

from django import forms

from cocreate.listening import csvfiles, importing
from cocreate.listening.models import ImportKind, Phase, Survey, Touchpoint
from cocreate.organisations.models import ProfileField

NPS_CHOICES = [(str(n), str(n)) for n in range(11)]
# Numbers only on the buttons (they fit a phone's width); the scale's ends say what
# they mean, under the buttons.
CSAT_CHOICES = [(str(n), str(n)) for n in range(1, 6)]
CES_CHOICES = [(str(n), str(n)) for n in range(1, 8)]


class PhaseForm(forms.Form):
    name = forms.CharField(max_length=60, label="Phase")


class TouchpointForm(forms.Form):
    name = forms.CharField(max_length=80, label="Touchpoint")
    phase = forms.ModelChoiceField(queryset=Phase.objects.none(), empty_label=None)
    description = forms.CharField(max_length=300, required=False)

    def __init__(self, *args: Any, phases: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phase"].queryset = phases  # type: ignore[attr-defined]


class SegmentForm(forms.Form):
    segment_field = forms.ChoiceField(
        label="Segments come from the profile question", required=False
    )

    def __init__(self, *args: Any, fields: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "No segments")] + [(f.key, f.label) for f in fields]
        self.fields["segment_field"].choices = choices  # type: ignore[attr-defined]


class SurveyForm(forms.Form):
    title = forms.CharField(max_length=120)
    touchpoint = forms.ModelChoiceField(queryset=Touchpoint.objects.none(), empty_label=None)
    intro = forms.CharField(
        max_length=300, required=False, label="Introduction", widget=forms.Textarea({"rows": 2})
    )
    asks_nps = forms.BooleanField(required=False, initial=True, label="Ask NPS (0–10)")
    asks_csat = forms.BooleanField(required=False, initial=True, label="Ask CSAT (1–5)")
    asks_ces = forms.BooleanField(required=False, label="Ask CES (1–7)")
    asks_text = forms.BooleanField(required=False, initial=True, label="Ask for comments")
    is_open = forms.BooleanField(required=False, initial=True, label="Open for answers")

    def __init__(self, *args: Any, touchpoints: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["touchpoint"].queryset = touchpoints  # type: ignore[attr-defined]

    @classmethod
    def of(cls, survey: Survey, touchpoints: Any, data: Any = None) -> "SurveyForm":
        names = ("title", "touchpoint", "intro", "asks_nps", "asks_csat", "asks_ces")
        initial = {n: getattr(survey, n) for n in (*names, "asks_text", "is_open")}
        return cls(data, initial=initial, touchpoints=touchpoints)


class AnswerForm(forms.Form):
    """The public feedback form: only the questions the form asks."""

    nps = forms.TypedChoiceField(
        choices=NPS_CHOICES, coerce=int, required=False, widget=forms.RadioSelect, empty_value=None
    )
    csat = forms.TypedChoiceField(
        choices=CSAT_CHOICES, coerce=int, required=False, widget=forms.RadioSelect, empty_value=None
    )
    ces = forms.TypedChoiceField(
        choices=CES_CHOICES, coerce=int, required=False, widget=forms.RadioSelect, empty_value=None
    )
    text = forms.CharField(required=False, widget=forms.Textarea({"rows": 4}), max_length=5000)
    # Left empty by people; filled by robots that fill in every field.
    website = forms.CharField(required=False, label="Leave this empty")

    def __init__(self, *args: Any, survey: Survey, organisation_name: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        place = survey.touchpoint.name
        self.fields[
            "nps"
        ].label = f"How likely are you to recommend {organisation_name} to a friend or colleague?"
        self.fields["csat"].label = f"How satisfied are you with {place}?"
        self.fields["ces"].label = f"{organisation_name} made it easy for me to handle {place}."
        self.fields["text"].label = "What is the main reason for your answers?"
        asked = {
            "nps": survey.asks_nps,
            "csat": survey.asks_csat,
            "ces": survey.asks_ces,
            "text": survey.asks_text,
        }
        for name, is_asked in asked.items():
            if not is_asked:
                del self.fields[name]


class PulseForm(forms.Form):
    satisfaction = forms.TypedChoiceField(
        choices=CSAT_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
        label="All in all, how satisfied are you with your work here these days?",
    )
    enps = forms.TypedChoiceField(
        choices=NPS_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
        label="How likely are you to recommend working here to a friend?",
    )


class UploadForm(forms.Form):
    kind = forms.ChoiceField(choices=ImportKind.choices, label="The file holds")
    file = forms.FileField(
        label="CSV file",
        help_text=f"Up to {csvfiles.MAX_BYTES // 1024 // 1024} MB, with a header row.",
    )


class ReadAsForm(forms.Form):
    encoding = forms.ChoiceField(choices=list(csvfiles.ENCODINGS.items()), label="Encoding")
    delimiter = forms.ChoiceField(
        choices=[(d, n) for d, n in csvfiles.DELIMITERS.items()], label="Columns separated by"
    )


class MappingForm(forms.Form):
    """One select per target: which column holds it; a few targets may be one value."""

    dates = forms.ChoiceField(
        choices=list(importing.DATE_ORDERS.items()), label="Dates are written"
    )

    def __init__(
        self, *args: Any, kind: str, headers: list[str], touchpoints: list[str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        columns = [("", "—")] + [(str(i), h) for i, h in enumerate(headers)]
        self.targets = importing.TARGETS[kind]
        for target in self.targets:
            self.fields[f"column_{target.name}"] = forms.ChoiceField(
                choices=columns,
                required=False,
                label=target.label + (" *" if target.required else ""),
                help_text=target.help,
                initial=guess_column(target.name, headers),
            )
            if target.fixed:
                options = (
                    touchpoints
                    if target.name == "touchpoint"
                    else [k.value for k in importing.IMPORTED_KINDS]
                )
                self.fields[f"fixed_{target.name}"] = forms.ChoiceField(
                    choices=[("", "—")] + [(o, o) for o in options],
                    required=False,
                    label=f"…or for every row, the {target.label.lower()}",
                    initial="ticket" if target.name == "kind" else "",
                )

    def mapping(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "columns": {
                t.name: int(data[f"column_{t.name}"])
                for t in self.targets
                if data.get(f"column_{t.name}") not in (None, "")
            },
            "fixed": {
                t.name: data[f"fixed_{t.name}"]
                for t in self.targets
                if t.fixed and data.get(f"fixed_{t.name}")
            },
            "dates": data["dates"],
        }


GUESSES = {
    "submitted_at": ("date", "time", "created", "submitted", "when"),
    "occurred_at": ("date", "time", "when", "occurred"),
    "touchpoint": ("touchpoint", "channel", "where"),
    "kind": ("kind", "type", "source"),
    "text": ("text", "comment", "message", "body", "review", "feedback"),
    "nps": ("nps", "recommend"),
    "csat": ("csat", "rating", "stars", "satisfaction"),
    "ces": ("ces", "effort"),
    "customer": ("customer", "email", "client"),
    "staff": ("staff", "agent", "employee"),
    "segment": ("segment",),
    "satisfaction": ("satisfaction",),
    "enps": ("enps",),
    "external_id": ("id", "ticket", "reference"),
}


def guess_column(target: str, headers: list[str]) -> str:
    """The column whose header names the target, most likely first ("" if none)."""
    lowered = [h.lower() for h in headers]
    for word in GUESSES.get(target, ()):
        for index, header in enumerate(lowered):
            if header == word or (len(word) > 3 and word in header):
                return str(index)
    return ""


class ConversationForm(forms.Form):
    title = forms.CharField(max_length=120)
    description = forms.CharField(required=False, widget=forms.Textarea({"rows": 3}))
    is_open = forms.BooleanField(required=False, initial=True, label="Open for votes")


class StatementsForm(forms.Form):
    texts = forms.CharField(
        widget=forms.Textarea({"rows": 4}),
        label="Statements",
        help_text="One per line, each up to 280 characters.",
    )

    def statements(self) -> list[str]:
        return [line for line in self.cleaned_data["texts"].splitlines() if line.strip()]


def profile_choices(fields: list[ProfileField]) -> list[tuple[str, str]]:
    return [(f.key, f.label) for f in fields]
