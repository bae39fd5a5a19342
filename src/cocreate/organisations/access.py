"""The one way a request reaches an organisation's data.

`org_page` (views) and `org_operation` (API) resolve the organisation from the URL's `org`
slug, answer 404 unless the signed-in person is a member (never 403: outsiders must not
learn what exists), 403 when their role lacks the permission, and run the view inside
`scope(organisation=...)` so every scoped query is confined to that organisation.
"""

from collections.abc import Callable, Sequence
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django_scopes import scope, scopes_disabled

from cocreate.accounts.typing import AuthedRequest
from cocreate.core.access import (
    PAGE_METHODS,
    allow_methods,
    declare,
    declare_operation,
    keep_signature,
)
from cocreate.organisations.models import Membership, Organisation
from cocreate.organisations.rules import Permission, allows


class OrgRequest(AuthedRequest):
    """A request that passed `org_page` or `org_operation`."""

    membership: Membership
    organisation: Organisation


def membership_for(user: Any, org_slug: str, permission: Permission) -> Membership:
    if not getattr(user, "is_authenticated", False):
        raise Http404("No such organisation.")
    # One query for both: this person's membership of the organisation with this slug.
    # Unscoped, because the organisation is what is being found; the row is this person's.
    with scopes_disabled():
        membership = (
            Membership.objects.select_related("organisation")
            .filter(user=user, organisation__slug=org_slug)
            .first()
        )
    if membership is None:
        raise Http404("No such organisation.")
    membership.user = user  # the same person: no query when a service reads it
    if not allows(membership.role, permission):
        raise PermissionDenied(f"Your role ({membership.get_role_display()}) may not do this.")
    return membership


def _enter(request: HttpRequest, membership: Membership) -> OrgRequest:
    org_request: OrgRequest = request  # type: ignore[assignment]
    org_request.membership = membership
    org_request.organisation = membership.organisation
    return org_request


def org_page(
    permission: Permission = Permission.VIEW_ORGANISATION,
    *,
    methods: Sequence[str] = PAGE_METHODS,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate a view whose URL has `<slug:org>`; the view does not receive `org`.

    Other HTTP methods than `methods` get 405, once the person is known to be a member.
    """

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        checked_view = allow_methods(view, methods)

        @keep_signature(view)
        def wrapper(request: HttpRequest, org: str, *args: Any, **kwargs: Any) -> HttpResponse:
            membership = membership_for(request.user, org, permission)
            with scope(organisation=membership.organisation):
                return checked_view(_enter(request, membership), *args, **kwargs)

        return declare(login_required(wrapper), permission.value, methods)

    return decorate


def org_operation(permission: Permission) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate an API operation whose path has `{org}`; it receives `org` as ninja passes it."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @keep_signature(func)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            membership = membership_for(request.auth, kwargs["org"], permission)  # type: ignore[attr-defined]
            with scope(organisation=membership.organisation):
                return func(_enter(request, membership), *args, **kwargs)

        return declare_operation(wrapper, permission.value)

    return decorate
