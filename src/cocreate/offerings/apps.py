from django.apps import AppConfig


class OfferingsConfig(AppConfig):
    name = "cocreate.offerings"
    label = "offerings"
