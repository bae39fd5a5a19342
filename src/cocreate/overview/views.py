"""An organisation's overview: what each person has to do next there, the answers their
profile still misses, and (for those who see members) who is in the organisation."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from cocreate.organisations import selectors as organisations
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission, allows
from cocreate.overview import selectors


@org_page()
def org_home(request: OrgRequest) -> HttpResponse:
    membership = request.membership
    missing = organisations.missing_required_answers(membership)
    context = {
        "overview": selectors.overview_of(membership, now=timezone.now()),
        "missing_profile": [field.label for field in missing],
    }
    if allows(membership.role, Permission.VIEW_MEMBERS):
        context["role_counts"] = organisations.role_counts(request.organisation)
    return render(request, "overview/org_home.html", context)
