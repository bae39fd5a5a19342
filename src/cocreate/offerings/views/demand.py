"""What customers chose and could not have: the organisation's view of demand."""

import hashlib
import time
from typing import Any

from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from cocreate.core.charts import chart
from cocreate.offerings import demand as figures
from cocreate.offerings.charts import breakdown_chart, demand_chart
from cocreate.offerings.models import Offering
from cocreate.offerings.views import lookup
from cocreate.organisations import selectors as organisation_selectors
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.models import FieldKind, ProfileField
from cocreate.organisations.rules import Permission

# The page reads every choice, attempt and profile of the offering, so its figures are
# kept in the shared cache with their fingerprint. A refresh when nothing changed costs a
# few aggregate queries. While designs keep coming in (a registration rush), the figures
# are rebuilt at most every FRESH_SECONDS, and the page says when they are from.
FRESH_SECONDS = 5
KEEP_SECONDS = 3600


@org_page(Permission.VIEW_DEMAND)
def demand(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    # Answers that fall into a few groups: choice questions, not free text.
    fields = [
        f
        for f in organisation_selectors.profile_fields(request.organisation)
        if f.kind in (FieldKind.SINGLE_CHOICE, FieldKind.MULTI_CHOICE)
    ]
    field_key = request.GET.get("by") or (fields[0].key if fields else "")
    field = next((f for f in fields if f.key == field_key), None)
    label = f"{field.key}:{field.label}" if field else ""
    key = f"demand:{found.pk}:{hashlib.sha256(label.encode()).hexdigest()[:16]}"
    kept = cache.get(key)
    fresh = kept is not None and time.time() - kept["at"] < FRESH_SECONDS
    stamp = "" if fresh else figures.fingerprint(found)
    if kept is not None and (fresh or kept["stamp"] == stamp):
        context = kept["context"]
    else:
        context = {**_figures(request, found, field), "as_of": timezone.now()}
        cache.set(key, {"stamp": stamp, "at": time.time(), "context": context}, KEEP_SECONDS)
    page = {**context, "offering": found, "field": field, "fields": fields}
    return render(request, "offerings/demand.html", page)


def _figures(request: OrgRequest, found: Offering, field: ProfileField | None) -> dict[str, Any]:
    rows = figures.option_demand(found)
    csv_url = reverse("offering_demand_csv", args=[request.organisation.slug, found.slug])
    wanted = sum(r.wanted for r in rows)
    context = {
        "rows": rows,
        "conflicts": figures.common_conflicts(found),
        "open_answers": figures.open_answers(found),
        "totals": {
            "confirmed": sum(r.confirmed for r in rows),
            "waitlisted": sum(r.waitlisted for r in rows),
            "tried": sum(r.tried for r in rows),
        },
        "demand_chart": chart(
            demand_chart(rows),
            title="Demand for each option",
            data_url=csv_url,
            summary=f"{wanted} choices wanted across {len(rows)} options.",
        ),
    }
    if field is not None:
        context["breakdown_chart"] = chart(
            breakdown_chart(rows, figures.breakdown(found, field.key), field.label),
            title=f"Who chose what, by “{field.label}”",
            data_url=f"{csv_url}?by={field.key}",
        )
    return context


@org_page(Permission.VIEW_DEMAND)
def demand_csv(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    field_key = request.GET.get("by", "")
    if field_key:
        document, name = figures.breakdown_csv(found, field_key), f"{found.slug}-by-{field_key}"
    else:
        document, name = figures.demand_csv(found), f"{found.slug}-demand"
    response = HttpResponse(document, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response
