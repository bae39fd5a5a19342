from django.urls import path

from cocreate.overview import views

# Included under /o/<org>/ (cocreate/urls.py); every view goes through org_page.
org_patterns = [
    path("", views.org_home, name="org_home"),
]
