import logging
import threading
import time
from argparse import ArgumentParser
from typing import Any

from django.db import close_old_connections
from django_tasks_db.management.commands.db_worker import Command as DbWorker

from cocreate.messaging.tasks import wake_worker_if_due

logger = logging.getLogger(__name__)


class Command(DbWorker):
    help = (
        "Run a background worker: django-tasks' database worker, plus a watch that starts "
        "a delivery run whenever messages are due (a dead worker's claims included)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(reload=False)
        parser.add_argument(
            "--watch-interval",
            type=float,
            default=5.0,
            help="Seconds between looks for due messages (default: %(default)s).",
        )

    def handle(self, **options: Any) -> None:
        watch_interval = options.pop("watch_interval")
        if not options["batch"]:
            threading.Thread(target=watch, args=[watch_interval], daemon=True).start()
        super().handle(**options)


def watch(interval: float) -> None:
    while True:
        try:
            wake_worker_if_due()
        except Exception:  # the database may be briefly away; look again next time
            logger.exception("Could not look for due messages")
        finally:
            close_old_connections()
        time.sleep(interval)
