"""A person's inbox: every message the organisations they belong to sent them."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from cocreate.accounts.typing import AuthedRequest
from cocreate.core.access import personal_page
from cocreate.messaging import selectors, services


@personal_page()
def inbox(request: AuthedRequest) -> HttpResponse:
    page = Paginator(selectors.inbox(request.user), 25).get_page(request.GET.get("page"))
    return render(request, "messaging/inbox.html", {"page": page})


@personal_page(methods=["POST"])
def inbox_read(request: AuthedRequest, message_id: int) -> HttpResponse:
    message = get_object_or_404(selectors.inbox(request.user), pk=message_id)
    services.mark_read(user=request.user, message_ids=[message.pk])
    if request.htmx:
        message.refresh_from_db()
        return render(request, "messaging/inbox_message.html", {"message": message})
    return redirect("inbox")


@personal_page(methods=["POST"])
def inbox_read_all(request: AuthedRequest) -> HttpResponse:
    services.mark_read(user=request.user)
    return redirect("inbox")
