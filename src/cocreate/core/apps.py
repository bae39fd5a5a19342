from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cocreate.core"
    label = "core"
    verbose_name = "Cocreate core"
