"""A member's own profile in an organisation, and leaving it. (The organisation's
overview, which reads every app, is the overview app's.)"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.organisations import selectors, services
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.forms import profile_form
from cocreate.organisations.rules import Permission

# The keys of the questions the page showed; not a slug, so no field's key can be it.
SHOWN = "page:shown"


@org_page(Permission.EDIT_OWN_PROFILE)
def my_profile(request: OrgRequest) -> HttpResponse:
    membership = request.membership
    asked = selectors.own_profile_fields(membership)
    if request.method == "POST" and SHOWN in request.POST:
        # An answer given in an offering since the page was shown is not on it: keep it.
        asked = asked.among(request.POST.getlist(SHOWN))
    data = request.POST or None
    form = profile_form(asked.everyone, data, membership.profile, optional=asked.in_offerings)
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_answers_update(
                membership=membership,
                answers=form.cleaned_data,
                fields=asked.everyone,
                optional=asked.in_offerings,
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("my_profile", request.organisation.slug)
    context = {
        "form": form,
        "everyone": [form[f.key] for f in asked.everyone],
        "in_offerings": [form[f.key] for f in asked.in_offerings],
        "shown": SHOWN,
    }
    return render(request, "organisations/my_profile.html", context)


@org_page(methods=["POST"])
def leave(request: OrgRequest) -> HttpResponse:
    try:
        services.membership_remove(membership=request.membership, actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("org_home", request.organisation.slug)
    messages.success(request, f"You have left {request.organisation.name}.")
    return redirect("home")
