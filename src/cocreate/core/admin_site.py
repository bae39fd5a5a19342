from collections.abc import Callable
from typing import Any

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django_scopes import scopes_disabled


class CocreateAdminSite(AdminSite):
    """The admin is for superusers, who look across organisations: it runs unscoped."""

    site_header = "Cocreate administration"
    site_title = "Cocreate admin"

    def admin_view(self, view: Callable[..., Any], cacheable: bool = False) -> Callable[..., Any]:
        return super().admin_view(scopes_disabled()(view), cacheable)


class CocreateAdminConfig(AdminConfig):
    default_site = "cocreate.core.admin_site.CocreateAdminSite"
