"""A customer's lifetime with the organisation, for the staff who serve them."""

from django.http import HttpResponse
from django.shortcuts import render

from cocreate.listening import insights
from cocreate.listening.views import lookup
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


@org_page(Permission.VIEW_LISTENING, methods=["GET"])
def customer(request: OrgRequest, membership_id: int) -> HttpResponse:
    membership = lookup.member(request, membership_id)
    moments = insights.timeline(request.organisation, membership)
    counts: dict[str, int] = {}
    for moment in moments:
        counts[moment.kind] = counts.get(moment.kind, 0) + 1
    context = {"member": membership, "moments": moments, "counts": counts}
    return render(request, "listening/customer.html", context)
