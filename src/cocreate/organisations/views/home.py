"""Pages outside any one organisation: the home page, joining and creating organisations."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from cocreate.accounts.typing import AuthedRequest
from cocreate.core.access import personal_page, public_page
from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.organisations import selectors, services
from cocreate.organisations.forms import NewOrganisationForm


@public_page
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "organisations/landing.html")
    joinable = selectors.joinable_organisations(request.user)[:6]
    return render(request, "organisations/home.html", {"joinable": joinable})


@personal_page()
def join(request: AuthedRequest) -> HttpResponse:
    joinable = selectors.joinable_organisations(request.user)
    return render(request, "organisations/join.html", {"joinable": joinable})


@personal_page(methods=["POST"])
def join_organisation(request: AuthedRequest, org: str) -> HttpResponse:
    organisation = selectors.joinable_organisation(org)
    if organisation is None:
        raise Http404("No such organisation.")
    try:
        services.organisation_join(user=request.user, organisation=organisation)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("join")
    messages.success(request, f"Welcome to {organisation.name}! Tell them a little about you.")
    return redirect("my_profile", organisation.slug)


@personal_page()
def organisation_new(request: AuthedRequest) -> HttpResponse:
    form = NewOrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(creator=request.user, **form.cleaned_data)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, f"{organisation.name} is ready. Invite your people next.")
            return redirect("org_home", organisation.slug)
    return render(request, "organisations/organisation_new.html", {"form": form})
