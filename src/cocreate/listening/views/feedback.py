"""What customers said, latest first."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from cocreate.listening import selectors
from cocreate.listening.models import Source
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


@org_page(Permission.VIEW_LISTENING, methods=["GET"])
def feedback(request: OrgRequest) -> HttpResponse:
    touchpoint = request.GET.get("touchpoint", "")
    source = request.GET.get("source", "")
    found = selectors.feedback(
        request.organisation,
        touchpoint=int(touchpoint) if touchpoint.isdigit() else None,
        source=source if source in Source.values else "",
        with_text=request.GET.get("text") == "1",
    )
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "touchpoints": selectors.touchpoints(request.organisation),
        "sources": Source.choices,
        "chosen": {"touchpoint": touchpoint, "source": source, "text": request.GET.get("text")},
    }
    return render(request, "listening/feedback.html", context)
