"""Forms collect what people type; the services decide whether it is acceptable."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cocreate.organisations.models import FieldKind, ProfileField, Role


class OrganisationForm(forms.Form):
    name = forms.CharField(max_length=120, label="Name")
    description = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label="What it is about"
    )
    allow_self_join = forms.BooleanField(
        required=False,
        label="Anyone signed in may join as a customer",
        help_text="Otherwise people join by invitation only.",
    )


class NewOrganisationForm(OrganisationForm):
    slug = forms.SlugField(
        max_length=50, label="Web address", help_text="Letters, numbers and hyphens: /o/<this>/"
    )
    field_order = ["name", "slug", "description", "allow_self_join"]


class InvitationForm(forms.Form):
    email = forms.EmailField(label="Email address")
    role = forms.ChoiceField(choices=Role.choices, initial=Role.CUSTOMER, label="Role")


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices, label="Role")


def _choice_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ProfileFieldEditForm(forms.Form):
    label = forms.CharField(max_length=120, label="Question")
    help_text = forms.CharField(max_length=300, required=False, label="Help text")
    choices = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Choices",
        help_text="One per line; for choice fields only.",
    )
    asked_of_everyone = forms.BooleanField(
        required=False,
        initial=True,
        label=_("Ask every member, on their profile page"),
        help_text=_(
            "Otherwise only the offerings that use it ask it, of the people taking part. "
            "Answers already given are kept either way."
        ),
    )
    required = forms.BooleanField(
        required=False,
        label=_("An answer is required"),
        help_text=_("Where it is asked: on the profile page, or in the offering that asks it."),
    )

    def clean_choices(self) -> list[str]:
        return _choice_lines(self.cleaned_data["choices"])

    @classmethod
    def for_field(cls, field: ProfileField, data: Any = None) -> "ProfileFieldEditForm":
        initial = {
            "label": field.label,
            "help_text": field.help_text,
            "choices": "\n".join(field.choices),
            "asked_of_everyone": field.asked_of_everyone,
            "required": field.required,
        }
        return cls(data, initial=initial)


class ProfileFieldForm(ProfileFieldEditForm):
    key = forms.SlugField(max_length=50, label="Key", help_text="Used in the API and exports.")
    kind = forms.ChoiceField(choices=FieldKind.choices, label="Kind of answer")
    field_order = ["label", "key", "kind", "help_text", "choices", "asked_of_everyone", "required"]


def profile_form(
    fields: Iterable[ProfileField],
    data: Any = None,
    initial: Any = None,
    *,
    optional: Iterable[ProfileField] = (),
    prefix: str | None = None,
) -> Any:
    """A form with one input per profile field; the service checks the answers.

    `optional` fields are never marked required here (they are asked elsewhere); `prefix`
    keeps its inputs apart from a page's other fields (the designer's profile step)."""
    form = forms.Form(data, initial=initial, prefix=prefix)
    for field in fields:
        form.fields[field.key] = _input_for(field, required=field.required)
    for field in optional:
        form.fields[field.key] = _input_for(field, required=False)
    return form


def _input_for(field: ProfileField, *, required: bool) -> forms.Field:
    label = gettext("%(label)s (required)") % {"label": field.label} if required else field.label
    common: dict[str, Any] = {
        "label": label,
        "help_text": field.help_text,
        "required": False,  # the service says what is missing, for the API as well
    }
    choices = [(choice, choice) for choice in field.choices]
    if field.kind == FieldKind.NUMBER:
        return forms.CharField(widget=forms.NumberInput(attrs={"step": "any"}), **common)
    if field.kind == FieldKind.SINGLE_CHOICE:
        return forms.ChoiceField(choices=[("", "—"), *choices], **common)
    if field.kind == FieldKind.MULTI_CHOICE:
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    return forms.CharField(max_length=1000, **common)
