from django import forms
from django.http import HttpRequest

from cocreate.accounts.models import Channel, User


class SignupForm(forms.Form):
    """Extra sign-up fields, added to allauth's email and password."""

    name = forms.CharField(
        max_length=150,
        label="Your name",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    field_order = ["name", "email", "password1"]

    def signup(self, request: HttpRequest, user: User) -> None:
        user.name = self.cleaned_data["name"].strip()
        user.save(update_fields=["name"])


class AccountSettingsForm(forms.Form):
    name = forms.CharField(
        max_length=150, label="Your name", widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    preferred_channel = forms.ChoiceField(
        choices=Channel.choices, widget=forms.RadioSelect, label="Reach me by"
    )
    phone = forms.CharField(
        required=False,
        label="Mobile number (for SMS)",
        widget=forms.TextInput(attrs={"autocomplete": "tel", "placeholder": "+44 7911 123456"}),
    )
    social_network = forms.CharField(
        required=False, label="Social network", help_text="For example Mastodon, LinkedIn, X."
    )
    social_handle = forms.CharField(required=False, label="Your handle there")
    webhook_url = forms.CharField(
        required=False,
        label="Webhook URL",
        help_text="We POST a JSON message to this address.",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        max_length=100, label="Token name", help_text="What will use it, e.g. “CRM sync”."
    )
