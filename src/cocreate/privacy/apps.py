from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "cocreate.privacy"
    label = "privacy"
