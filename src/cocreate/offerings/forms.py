"""Forms collect what organisers type; the services decide whether it is acceptable."""

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cocreate.offerings.models import Dimension, Kind, Offering, Option, Partner, RuleKind
from cocreate.organisations.models import Membership, ProfileField

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class OfferingForm(forms.Form):
    name = forms.CharField(max_length=120)
    description = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label="What it is"
    )
    kind = forms.ChoiceField(choices=Kind.choices)
    unit = forms.CharField(
        max_length=20, required=False, label="Costs counted in", help_text="EUR, points, credits…"
    )
    budget = forms.DecimalField(
        required=False,
        min_value=0,
        decimal_places=2,
        label="Budget per customer",
        help_text="Leave empty for no cap.",
    )

    @classmethod
    def of(cls, offering: Offering, data: Any = None) -> "OfferingForm":
        initial = {
            f: getattr(offering, f) for f in ("name", "description", "kind", "unit", "budget")
        }
        return cls(data, initial=initial)


class NewOfferingForm(OfferingForm):
    slug = forms.SlugField(
        max_length=60,
        required=False,
        label="Web address",
        help_text="Letters, numbers and hyphens; made from the name if empty.",
    )
    field_order = ["name", "slug", "kind", "description", "unit", "budget"]


class ImportForm(forms.Form):
    document = forms.FileField(label="Offering file (JSON)")
    slug = forms.SlugField(max_length=60, required=False, label="Web address (optional)")

    def clean_document(self) -> Any:
        upload = self.cleaned_data["document"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError("The file is larger than 2 MB.")
        try:
            return json.loads(upload.read().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise forms.ValidationError(f"This is not a JSON file: {error}.") from None


# What a step asks, as organisers choose it; an event's sessions step comes with it.
ASKS = [
    ("options", _("Options to choose from")),
    ("open", _("An open answer, in their own words")),
    ("talk", _("An open answer that can become a session proposal (events)")),
    ("contact", _("How to reach them (their contact preferences)")),
    ("profile", _("Questions from their profile")),
]


class DimensionForm(forms.Form):
    name = forms.CharField(max_length=120, label=_("Step name"))
    help_text = forms.CharField(max_length=300, required=False, label=_("Help for customers"))
    asks = forms.ChoiceField(
        choices=ASKS, initial="options", required=False, label=_("What the step asks")
    )
    questions = forms.ModelMultipleChoiceField(
        queryset=ProfileField.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Profile questions it asks"),
        help_text=_("For a profile step: asked here, answered once, kept in the profile."),
    )
    min_picks = forms.IntegerField(min_value=0, initial=0, label=_("Least picks"))
    max_picks = forms.IntegerField(
        min_value=1, required=False, label=_("Most picks"), help_text=_("Empty: no limit.")
    )

    def __init__(
        self, *args: Any, questions: Any = None, sessions: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if sessions:  # the agenda's step: what it asks is not the organisers' to change
            del self.fields["asks"], self.fields["questions"]
        elif questions is not None:
            self.fields["questions"].queryset = questions  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "asks" in self.fields:  # the service's terms: where the step's answer comes from
            asks = data.pop("asks", "") or "options"
            data["source"] = "options" if asks == "open" else asks
            data["open_answer"] = asks in ("open", "talk")
        return data

    @classmethod
    def of(cls, dimension: Dimension, data: Any = None, questions: Any = None) -> "DimensionForm":
        plain_open = dimension.open_answer and dimension.source == "options"
        initial = {
            "name": dimension.name,
            "help_text": dimension.help_text,
            "min_picks": dimension.min_picks,
            "max_picks": dimension.max_picks,
            "asks": "open" if plain_open else dimension.source,
            "questions": list(dimension.questions.all()),
        }
        sessions = dimension.source == "sessions"
        return cls(data, initial=initial, questions=questions, sessions=sessions)


class OptionForm(forms.Form):
    name = forms.CharField(max_length=120)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    capacity = forms.IntegerField(
        min_value=0, required=False, help_text="Seats; empty for unlimited."
    )
    cost = forms.DecimalField(min_value=0, decimal_places=2, initial=0)
    tags = forms.CharField(
        required=False, help_text="Comma-separated; matched with customers' interests."
    )
    starts_at = forms.DateTimeField(required=False, widget=DATETIME, label="Starts")
    ends_at = forms.DateTimeField(required=False, widget=DATETIME, label="Ends")
    eligibility = forms.CharField(
        required=False,
        label="Only for",
        help_text="One per line: profile field key = answers (e.g. membership = member).",
    )
    partner = forms.ModelChoiceField(
        queryset=Partner.objects.none(), required=False, label="Delivered by partner"
    )

    def __init__(self, *args: Any, partners: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners  # type: ignore[attr-defined]

    def clean_eligibility(self) -> list[dict[str, Any]]:
        conditions = []
        for line in self.cleaned_data["eligibility"].splitlines():
            if not line.strip():
                continue
            key, sep, answers = line.partition("=")
            if not sep:
                raise forms.ValidationError(f"Write “field = answer” (not “{line.strip()}”).")
            allowed = [a.strip() for a in answers.split(",") if a.strip()]
            conditions.append({"field": key.strip(), "allowed": allowed})
        return conditions

    @classmethod
    def of(cls, option: Option, data: Any = None, partners: Any = ()) -> "OptionForm":
        initial = {
            name: getattr(option, name)
            for name in (
                "name",
                "description",
                "capacity",
                "cost",
                "starts_at",
                "ends_at",
                "partner",
            )
        }
        initial["tags"] = ", ".join(option.tags)
        initial["eligibility"] = "\n".join(
            f"{c['field']} = {', '.join(c['allowed'])}" for c in option.eligibility
        )
        return cls(data, initial=initial, partners=partners)


class RuleForm(forms.Form):
    kind = forms.ChoiceField(choices=RuleKind.choices, label="Rule")
    subject = forms.ChoiceField(
        choices=(), required=False, label="This option…", help_text="For requires and excludes."
    )
    targets = forms.MultipleChoiceField(
        choices=(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        label="…and these options",
        help_text="For at most / at least: the set counted.",
    )
    k = forms.IntegerField(min_value=0, required=False, initial=1, label="k (at most / at least)")
    label = forms.CharField(
        max_length=200,
        required=False,
        label="Wording for customers",
        help_text="E.g. “Pick at most two lifestyle events”.",
    )

    def __init__(self, *args: Any, options: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(o.pk), f"{o.dimension.name}: {o.name}") for o in options]
        self.fields["subject"].choices = [("", "—"), *choices]  # type: ignore[attr-defined]
        self.fields["targets"].choices = choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") in (RuleKind.REQUIRES, RuleKind.EXCLUDES) and not data.get("subject"):
            self.add_error("subject", "Choose the option the rule is about.")
        return data

    def service_arguments(self) -> dict[str, Any]:
        """The rule as the service takes it: the subject first, for requires and excludes."""
        data = self.cleaned_data
        targets = [int(t) for t in data["targets"]]
        if data["kind"] in (RuleKind.REQUIRES, RuleKind.EXCLUDES):
            subject = int(data["subject"]) if data["subject"] else None
            targets = ([subject] if subject else []) + [t for t in targets if t != subject]
        return {
            "kind": data["kind"],
            "options": targets,
            "k": data["k"] or 0,
            "label": data["label"],
        }


class PartnerForm(forms.Form):
    name = forms.CharField(max_length=120)
    members = forms.ModelMultipleChoiceField(
        queryset=Membership.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Members with the partner role who act for it.",
    )

    def __init__(self, *args: Any, members: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = members  # type: ignore[attr-defined]
        self.fields["members"].label_from_instance = (  # type: ignore[attr-defined]
            lambda m: m.user.name or m.user.email
        )
