import logging
import threading
import time
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.db import OperationalError, close_old_connections
from django.utils.module_loading import import_string
from django_tasks_db.management.commands.db_worker import Command as DbWorker
from django_tasks_db.management.commands.db_worker import Worker

from cocreate.messaging.tasks import wake_worker_if_due

logger = logging.getLogger(__name__)


class Command(DbWorker):
    help = (
        "Run a background worker: django-tasks' database worker, kept alive through a busy "
        "database, plus a watch that starts a delivery run whenever messages are due (a "
        "dead worker's claims included) and runs the periodic jobs of settings.PERIODIC_JOBS."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--watch-interval",
            type=float,
            default=5.0,
            help="Seconds between looks for due messages (default: %(default)s).",
        )

    def handle(self, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        queues = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        worker = SteadyWorker(
            queue_names=queues,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        if not options["batch"]:
            threading.Thread(target=watch, args=[options["watch_interval"]], daemon=True).start()
        worker.configure_signals()
        worker.run()


class SteadyWorker(Worker):
    """A database that stays busy too long (SQLite's lock, a failover) is waited out, not
    fatal: the worker starts its loop again after a pause."""

    def run(self) -> None:
        while self.running:
            try:
                super().run()
                return
            except OperationalError as error:
                logger.warning("The database is unavailable (%s); trying again in a second", error)
                close_old_connections()
                time.sleep(1)


def watch(interval: float) -> None:
    # Named in settings, not imported here: the jobs belong to apps above messaging.
    jobs = [(import_string(path), every) for path, every in settings.PERIODIC_JOBS]
    last_run = [0.0] * len(jobs)
    while True:
        try:
            wake_worker_if_due()
        except Exception:  # the database may be briefly away; look again next time
            logger.exception("Could not look for due messages")
        finally:
            close_old_connections()
        for index, (job, every) in enumerate(jobs):
            if time.monotonic() - last_run[index] < every:
                continue
            last_run[index] = time.monotonic()
            try:
                job()
            except Exception:  # one failing job must not stop deliveries or the others
                logger.exception("The periodic job %s failed", job.__name__)
            finally:
                close_old_connections()
        time.sleep(interval)
