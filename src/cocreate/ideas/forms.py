"""Forms collect what people type; the services decide whether it is acceptable."""

from collections.abc import Sequence
from typing import Any

from django import forms

from cocreate.ideas.models import Curation, Direction, IdeaStatus, Job, Outcome
from cocreate.organisations.models import Role

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class IdeaForm(forms.Form):
    title = forms.CharField(
        label="Your idea in one sentence",
        max_length=200,  # the service says how long it may be, in a sentence
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    description = forms.CharField(
        label="Details (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What would change for you, and for whom.",
    )
    outcomes = forms.MultipleChoiceField(
        label="Which outcomes does it serve?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    jobs = forms.MultipleChoiceField(
        label="Which jobs does it help with?", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(
        self, *args: Any, outcomes: Sequence[Outcome] = (), jobs: Sequence[Job] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcomes"].choices = [(o.pk, o.statement) for o in outcomes]  # type: ignore[attr-defined]
        self.fields["jobs"].choices = [(j.pk, j.title) for j in jobs]  # type: ignore[attr-defined]
        if not outcomes:
            del self.fields["outcomes"]
        if not jobs:
            del self.fields["jobs"]


class CommentForm(forms.Form):
    body = forms.CharField(label="Your comment", widget=forms.Textarea(attrs={"rows": 3}))


class FlagForm(forms.Form):
    reason = forms.CharField(label="What is wrong with it?", max_length=400)


class RespondForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=IdeaStatus.choices)
    message = forms.CharField(
        label="Public update",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Everyone who shared, supported or voted for it receives it.",
    )
    reason = forms.CharField(
        label="Why it is declined", required=False, help_text="Needed to decline it."
    )


class HideForm(forms.Form):
    reason = forms.CharField(label="Why hide it?", max_length=400)


class MergeForm(forms.Form):
    into = forms.IntegerField(label="Merge into idea number", min_value=1)


class JobForm(forms.Form):
    title = forms.CharField(label="The job", max_length=200, help_text="Get the most out of …")
    description = forms.CharField(
        label="Details (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class StepForm(forms.Form):
    name = forms.CharField(label="New step", max_length=200)


class OutcomeForm(forms.Form):
    direction = forms.ChoiceField(label="Direction", choices=Direction.choices)
    metric = forms.CharField(label="Metric", max_length=200, help_text="the time it takes")
    object_of_control = forms.CharField(
        label="Object of control", max_length=300, help_text="to find a session"
    )
    clarifier = forms.CharField(
        label="Clarifier (optional)", required=False, max_length=200, help_text="worth attending"
    )
    step = forms.TypedChoiceField(label="Job step", required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, job: Job | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        steps = list(job.steps.all()) if job is not None else []
        if steps:
            self.fields["step"].choices = [("", "—"), *((s.pk, s.name) for s in steps)]  # type: ignore[attr-defined]
        else:
            del self.fields["step"]


class CurateForm(forms.Form):
    status = forms.ChoiceField(choices=Curation.choices)


class SurveyForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    introduction = forms.CharField(
        label="Introduction (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    outcomes = forms.MultipleChoiceField(
        label="Outcomes to rate", widget=forms.CheckboxSelectMultiple
    )
    roles = forms.MultipleChoiceField(
        label="Who is asked",
        choices=Role.choices,
        initial=[Role.CUSTOMER],
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args: Any,
        outcomes: Sequence[Outcome] = (),
        fields: Sequence[tuple[str, str, list[str]]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcomes"].choices = [(o.pk, o.statement) for o in outcomes]  # type: ignore[attr-defined]
        self.fields["outcomes"].initial = [o.pk for o in outcomes]
        self.segment_keys: list[str] = []
        for key, label, choices in fields:
            self.fields[f"segment-{key}"] = forms.MultipleChoiceField(
                label=f"Only people whose “{label}” is",
                required=False,
                choices=[(c, c) for c in choices],
                widget=forms.CheckboxSelectMultiple,
                help_text="Leave empty for everyone.",
            )
            self.segment_keys.append(key)

    def segment(self) -> dict[str, list[str]]:
        return {
            key: self.cleaned_data.get(f"segment-{key}") or []
            for key in self.segment_keys
            if self.cleaned_data.get(f"segment-{key}")
        }


class ChallengeForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    problem = forms.CharField(
        label="The problem", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    constraints = forms.CharField(
        label="Constraints", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    out_of_scope = forms.CharField(
        label="Out of scope", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    deadline = forms.DateField(label="Deadline", widget=DATE)


class PostForm(forms.Form):
    body = forms.CharField(label="Your message", widget=forms.Textarea(attrs={"rows": 3}))


class CloseForm(forms.Form):
    result = forms.CharField(
        label="What came of it",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Everyone invited receives it.",
    )


class RoundForm(forms.Form):
    name = forms.CharField(label="Name of the new round", max_length=200)
