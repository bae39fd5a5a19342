from django.urls import path

from cocreate.privacy import views

urlpatterns = [
    path("privacy/", views.privacy, name="privacy"),
    path("privacy/export/", views.export, name="privacy_export"),
]
