from django.contrib import admin
from django.urls import include, path

from cocreate.api import api

urlpatterns = [
    path("", include("cocreate.organisations.urls")),
    path("me/", include("cocreate.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
