from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django_scopes import scopes_disabled

_View = TypeVar("_View", bound=Callable[..., Any])


class CocreateAdminSite(AdminSite):
    """The admin is for superusers, who look across organisations: it runs unscoped."""

    site_header = "Cocreate administration"
    site_title = "Cocreate admin"

    def admin_view(self, view: _View, cacheable: bool = False) -> _View:
        return super().admin_view(scopes_disabled()(view), cacheable)


class CocreateAdminConfig(AdminConfig):
    default_site = "cocreate.core.admin_site.CocreateAdminSite"
