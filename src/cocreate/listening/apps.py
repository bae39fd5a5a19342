from django.apps import AppConfig


class ListeningConfig(AppConfig):
    name = "cocreate.listening"
    label = "listening"
    verbose_name = "Listening"
