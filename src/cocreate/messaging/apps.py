from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "cocreate.messaging"
    label = "messaging"
