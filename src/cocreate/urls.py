from django.contrib import admin
from django.urls import include, path

from cocreate.accounts import urls as accounts_urls
from cocreate.agenda import urls as agenda_urls
from cocreate.api import api
from cocreate.core.health import healthz, readyz
from cocreate.ideas import urls as ideas_urls
from cocreate.listening import urls as listening_urls
from cocreate.messaging import urls as messaging_urls
from cocreate.offerings import urls as offerings_urls
from cocreate.organisations import urls as organisations_urls
from cocreate.overview import urls as overview_urls
from cocreate.privacy import urls as privacy_urls

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("", include(organisations_urls.urlpatterns)),
    path("", include(agenda_urls.urlpatterns)),
    path("", include(offerings_urls.urlpatterns)),
    path("", include(listening_urls.public_patterns)),
    path(
        "o/<slug:org>/",
        include(
            overview_urls.org_patterns
            + organisations_urls.org_patterns
            + messaging_urls.org_patterns
            + offerings_urls.org_patterns
            + ideas_urls.org_patterns
            + agenda_urls.org_patterns
            + listening_urls.org_patterns
        ),
    ),
    path(
        "me/",
        include(
            accounts_urls.urlpatterns + messaging_urls.personal_patterns + privacy_urls.urlpatterns
        ),
    ),
    path("accounts/", include("allauth.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
