"""Inviting people: the organiser's list and form, and the link the invitee opens."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from cocreate.core.access import public_page
from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.organisations import selectors, services
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.forms import InvitationForm
from cocreate.organisations.models import Invitation
from cocreate.organisations.rules import Permission


@org_page(Permission.MANAGE_INVITATIONS)
def invitations(request: OrgRequest) -> HttpResponse:
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                organisation=request.organisation, invited_by=request.user, **form.cleaned_data
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, f"Invitation sent to {invitation.email}.")
            return redirect("invitations", request.organisation.slug)
    context = {
        "form": form,
        "pending": selectors.pending_invitations(request.organisation),
        "valid_days": settings.INVITATION_VALID_DAYS,
        "now": timezone.now(),
    }
    return render(request, "organisations/invitations.html", context)


def _invitation_or_404(request: OrgRequest, invitation_id: int) -> Invitation:
    return get_object_or_404(selectors.pending_invitations(request.organisation), pk=invitation_id)


@org_page(Permission.MANAGE_INVITATIONS, methods=["POST"])
def invitation_resend(request: OrgRequest, invitation_id: int) -> HttpResponse:
    found = _invitation_or_404(request, invitation_id)
    try:
        services.invitation_resend(invitation=found, actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"A new link is on its way to {found.email}.")
    return redirect("invitations", request.organisation.slug)


@org_page(Permission.MANAGE_INVITATIONS, methods=["POST"])
def invitation_revoke(request: OrgRequest, invitation_id: int) -> HttpResponse:
    found = _invitation_or_404(request, invitation_id)
    try:
        services.invitation_revoke(invitation=found, actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"The invitation for {found.email} no longer works.")
    return redirect("invitations", request.organisation.slug)


@public_page
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The emailed link: shows the invitation; a signed-in invitee accepts it with a POST."""
    try:
        found = services.invitation_for_token(token)
    except ServiceError as error:
        return render(
            request, "organisations/invitation_invalid.html", {"error": error}, status=error.status
        )
    if request.method == "POST" and request.user.is_authenticated:
        try:
            membership = services.invitation_accept(token=token, user=request.user)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"Welcome to {membership.organisation.name}!")
            return redirect("my_profile", membership.organisation.slug)
    return render(request, "organisations/invitation.html", {"invitation": found})
