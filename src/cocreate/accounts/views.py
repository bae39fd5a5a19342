"""A person's own settings: name, how to reach them, and API tokens."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from cocreate.accounts import selectors, services
from cocreate.accounts.forms import AccountSettingsForm, ApiTokenForm
from cocreate.accounts.typing import AuthedRequest
from cocreate.core.access import personal_page
from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error


@personal_page()
def account_settings(request: AuthedRequest) -> HttpResponse:
    preferences = selectors.contact_preferences(request.user)
    initial = {
        "name": request.user.name,
        "preferred_channel": preferences.preferred_channel,
        "phone": preferences.phone,
        "social_network": preferences.social_network,
        "social_handle": preferences.social_handle,
        "webhook_url": preferences.webhook_url,
    }
    form = AccountSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_update(user=request.user, **form.cleaned_data)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, "Your settings are saved.")
            return redirect("account_settings")
    return render(request, "accounts/settings.html", {"form": form})


@personal_page()
def api_tokens(request: AuthedRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            _, created = services.api_token_create(user=request.user, **form.cleaned_data)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            form = ApiTokenForm()
    context = {"form": form, "tokens": selectors.api_tokens(request.user), "created": created}
    return render(request, "accounts/api_tokens.html", context)


@personal_page(methods=["POST"])
def api_token_revoke(request: AuthedRequest, token_id: int) -> HttpResponse:
    services.api_token_revoke(user=request.user, token_id=token_id)
    messages.success(request, "The token no longer works.")
    return redirect("api_tokens")
