"""An organisation's overview, a member's own profile there, and leaving it."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.organisations import selectors, services
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.forms import profile_form
from cocreate.organisations.rules import Permission, permissions_of


@org_page()
def org_home(request: OrgRequest) -> HttpResponse:
    membership = request.membership
    fields = selectors.profile_fields(request.organisation)
    missing = [f.label for f in fields if f.required and f.key not in membership.profile]
    context = {
        "permissions": permissions_of(membership.role),
        "missing_profile": missing,
    }
    if Permission.VIEW_MEMBERS in context["permissions"]:
        context["role_counts"] = selectors.role_counts(request.organisation)
    return render(request, "organisations/org_home.html", context)


@org_page(Permission.EDIT_OWN_PROFILE)
def my_profile(request: OrgRequest) -> HttpResponse:
    fields = list(selectors.profile_fields(request.organisation))
    membership = request.membership
    form = profile_form(fields, request.POST or None, initial=membership.profile)
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update(membership=membership, answers=form.cleaned_data)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, "Your profile is saved.")
            return redirect("my_profile", request.organisation.slug)
    return render(request, "organisations/my_profile.html", {"form": form, "fields": fields})


@org_page(methods=["POST"])
def leave(request: OrgRequest) -> HttpResponse:
    try:
        services.membership_remove(membership=request.membership, actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("org_home", request.organisation.slug)
    messages.success(request, f"You have left {request.organisation.name}.")
    return redirect("home")
