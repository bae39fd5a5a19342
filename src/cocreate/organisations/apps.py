from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "cocreate.organisations"
    label = "organisations"
