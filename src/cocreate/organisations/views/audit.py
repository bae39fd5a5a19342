from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from cocreate.organisations import selectors
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


@org_page(Permission.VIEW_AUDIT)
def audit_log(request: OrgRequest) -> HttpResponse:
    entries = selectors.audit_entries(request.organisation)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "organisations/audit_log.html", {"page": page})
