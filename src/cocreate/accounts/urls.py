from django.urls import path

from cocreate.accounts import views

urlpatterns = [
    path("settings/", views.account_settings, name="account_settings"),
    path("tokens/", views.api_tokens, name="api_tokens"),
    path("tokens/<int:token_id>/revoke/", views.api_token_revoke, name="api_token_revoke"),
]
