"""Forms collect what people type; the services decide whether it is acceptable."""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cocreate.listening import answers, csvfiles, importing
from cocreate.listening.models import (
    ConditionOperator,
    ImportKind,
    Phase,
    Question,
    QuestionKind,
    Survey,
    Touchpoint,
)
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


class WholeNumber(forms.CharField):
    """A number picked from radio buttons, as a number; whether it is on the scale is
    the service's to say (for the page and the API alike)."""

    def to_python(self, value: Any) -> Any:
        text = super().to_python(value) or ""
        if text.isascii() and text.lstrip("-").isdecimal() and len(text) < 10:
            return int(text)
        return text or None


def own_field(question: Question) -> forms.Field:
    """The input for one of the form's own questions. No input is required here: the service
    says what is missing, once it knows which questions apply."""
    common: dict[str, Any] = {
        "label": question.label,
        "help_text": question.help_text,
        "required": False,
    }
    choices = [(c, c) for c in question.choices]
    if question.kind == QuestionKind.SINGLE_CHOICE:
        return forms.CharField(widget=forms.RadioSelect(choices=choices), **common)
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        return forms.Field(widget=forms.CheckboxSelectMultiple(choices=choices), **common)
    if question.kind == QuestionKind.SCALE:
        low, high = answers.scale_of(question)
        points = [(str(n), str(n)) for n in range(low, high + 1)]
        return WholeNumber(widget=forms.RadioSelect(choices=points), **common)
    return forms.CharField(widget=forms.Textarea({"rows": 3}), **common)


@dataclass(frozen=True)
class OwnQuestion:
    """One own question on the public page, with what its script needs to hide it."""

    question: Question
    field: forms.BoundField
    condition: str  # when it applies, in words; "" when always
    when: str  # the name of the input its condition looks at
    choices: list[str]

    @property
    def choices_json(self) -> str:
        return json.dumps(self.choices)

    @property
    def wide(self) -> bool:
        """Few enough points for the buttons to share the whole width."""
        low, high = answers.scale_of(self.question)
        return high - low < 7


class AnswerForm(forms.Form):
    """The public feedback form: the built-in questions it asks, then its own."""

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

    def __init__(
        self,
        *args: Any,
        survey: Survey,
        organisation_name: str,
        questions: Sequence[Question] = (),
        **kwargs: Any,
    ) -> None:
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
        subjects = {name: str(self.fields[name].label) for name in answers.SCORES}
        for name, is_asked in asked.items():
            if not is_asked:
                del self.fields[name]
        self.questions = list(questions)
        for question in self.questions:
            self.fields[question.key] = own_field(question)
            subjects[question.key] = question.label
        self.own = [self._own(q, subjects) for q in self.questions]

    def _own(self, question: Question, subjects: dict[str, str]) -> OwnQuestion:
        when = answers.subject_key(question)
        condition = answers.condition_words(question, subjects.get(when, "")) if when else ""
        return OwnQuestion(
            question, self[question.key], condition, when, list(question.condition_choices)
        )

    def built_in_answers(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k in ("nps", "csat", "ces", "text")}

    def own_answers(self) -> dict[str, Any]:
        return {q.key: self.cleaned_data.get(q.key) for q in self.questions}


def choice_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class QuestionForm(forms.Form):
    """An organiser's own question; only the inputs its kind and condition use are sent
    on to the service, which decides what holds together."""

    label = forms.CharField(max_length=200, label=gettext_lazy("Question"))
    kind = forms.ChoiceField(choices=QuestionKind.choices, label=gettext_lazy("Kind of answer"))
    help_text = forms.CharField(max_length=300, required=False, label=gettext_lazy("Help text"))
    required = forms.BooleanField(
        required=False, label=gettext_lazy("Must be answered whenever it is asked")
    )
    choices = forms.CharField(
        required=False,
        widget=forms.Textarea({"rows": 4}),
        label=gettext_lazy("Choices"),
        help_text=gettext_lazy("One per line, 2 to 20."),
    )
    scale_min = forms.IntegerField(required=False, initial=1, label=gettext_lazy("From"))
    scale_max = forms.IntegerField(required=False, initial=5, label=gettext_lazy("To"))
    low_label = forms.CharField(
        max_length=60, required=False, label=gettext_lazy("Words for the low end")
    )
    high_label = forms.CharField(
        max_length=60, required=False, label=gettext_lazy("Words for the high end")
    )
    condition_on = forms.CharField(required=False, label=gettext_lazy("Ask it"))
    condition_operator = forms.ChoiceField(
        required=False,
        choices=[("", "—"), *ConditionOperator.choices],
        label=gettext_lazy("when the answer"),
    )
    condition_number = forms.IntegerField(
        required=False,
        label=gettext_lazy("this number"),
        help_text=gettext_lazy("For a score or a scale."),
    )
    condition_choices = forms.CharField(
        required=False,
        widget=forms.Textarea({"rows": 3}),
        label=gettext_lazy("these choices"),
        help_text=gettext_lazy("For a choice question: one per line."),
    )

    def __init__(
        self,
        *args: Any,
        survey: Survey,
        questions: Sequence[Question],
        question: Question | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        earlier = list(questions)
        if question is not None:
            earlier = earlier[: [q.pk for q in earlier].index(question.pk)]
        subjects = [("", _("always"))]
        subjects += [
            (score, _("depending on %(score)s") % {"score": answers.SCORE_NAMES[score]})
            for score in answers.SCORES
            if getattr(survey, f"asks_{score}")
        ]
        subjects += [
            (str(q.pk), _("depending on “%(question)s”") % {"question": q.label})
            for q in earlier
            if q.kind != QuestionKind.TEXT
        ]
        self.fields["condition_on"].widget = forms.Select(choices=subjects)
        # For the editor's script: picking one of these sets the operator to "is one of".
        self.choice_subjects = [str(q.pk) for q in earlier if q.kind in answers.CHOICE_KINDS]

    @property
    def choice_subjects_json(self) -> str:
        return json.dumps(self.choice_subjects)

    @classmethod
    def of(
        cls, question: Question, questions: Sequence[Question], data: Any = None
    ) -> "QuestionForm":
        initial = {
            name: getattr(question, name)
            for name in (
                "label",
                "kind",
                "help_text",
                "required",
                "scale_min",
                "scale_max",
                "low_label",
                "high_label",
                "condition_operator",
                "condition_number",
            )
        }
        initial["choices"] = "\n".join(question.choices)
        initial["condition_choices"] = "\n".join(question.condition_choices)
        initial["condition_on"] = question.condition_score or (
            str(question.condition_question_id) if question.condition_question_id else ""
        )
        return cls(
            data, initial=initial, survey=question.survey, questions=questions, question=question
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        data["choices"] = (
            choice_lines(data.get("choices") or "") if kind in answers.CHOICE_KINDS else []
        )
        if kind != QuestionKind.SCALE:
            data.update(scale_min=None, scale_max=None, low_label="", high_label="")
        operator = data.get("condition_operator") or ""
        if not data.get("condition_on"):
            data.update(condition_operator="", condition_number=None, condition_choices=[])
        elif operator == ConditionOperator.ONE_OF:
            data["condition_number"] = None
            data["condition_choices"] = choice_lines(data.get("condition_choices") or "")
        else:
            data["condition_choices"] = []
        return data


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
