from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "cocreate.agenda"
    label = "agenda"
