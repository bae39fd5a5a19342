from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from cocreate.organisations.navigation import SECTIONS
from cocreate.organisations.rules import allows, permissions_of
from cocreate.organisations.selectors import memberships_of_user


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The organisation switcher and, inside an organisation, the sections this role may use."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    membership = getattr(request, "membership", None)
    context: dict[str, Any] = {
        "my_memberships": memberships_of_user(user),
        "current_membership": membership,
    }
    if membership is not None:
        context["current_permissions"] = permissions_of(membership.role)
        slug = membership.organisation.slug
        url_name = request.resolver_match.url_name if request.resolver_match else None
        context["org_nav"] = [
            {
                "label": section.label,
                "url": reverse(section.url_name, args=[slug]),
                "current": section.is_current(url_name),
            }
            for section in SECTIONS
            if allows(membership.role, section.permission)
        ]
    return context
