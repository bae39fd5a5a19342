from typing import Any

from django.core.management import call_command
from django.core.management.commands.migrate import Command as DjangoMigrate


class Command(DjangoMigrate):
    """Django's migrate, then the database cache table (rate limits live there)."""

    def handle(self, *args: Any, **options: Any) -> None:
        super().handle(*args, **options)
        call_command("createcachetable", database=options["database"], verbosity=0)
