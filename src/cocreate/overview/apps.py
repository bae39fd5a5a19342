from django.apps import AppConfig


class OverviewConfig(AppConfig):
    name = "cocreate.overview"
    label = "overview"
    verbose_name = "Overview"
