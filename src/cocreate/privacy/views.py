"""A person's own data: download all of it, or delete the account."""

import json

from django import forms
from django.contrib.auth import logout
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import render

from cocreate.accounts.typing import AuthedRequest
from cocreate.core.access import personal_page
from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.privacy.erase import account_erase
from cocreate.privacy.export import personal_data


class EraseForm(forms.Form):
    confirmation = forms.CharField(
        label="Type your email address to confirm", widget=forms.EmailInput
    )


@personal_page()
def privacy(request: AuthedRequest) -> HttpResponse:
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account_erase(user=request.user, confirmation=form.cleaned_data["confirmation"])
        except ServiceError as error:
            show_service_error(form, error)
        else:
            logout(request)
            return render(request, "privacy/erased.html")
    return render(request, "privacy/privacy.html", {"form": form})


@personal_page(methods=["GET"])
def export(request: AuthedRequest) -> HttpResponse:
    data = json.dumps(personal_data(request.user), cls=DjangoJSONEncoder, indent=2)
    response = HttpResponse(data, content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="cocreate-my-data.json"'
    return response
