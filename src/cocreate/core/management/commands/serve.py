import os
import shutil
import subprocess
import sys
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = (
        "Serve Cocreate on 127.0.0.1:8000 (or the address given): Django's development "
        "server with a background worker beside it, or with --production the granian WSGI "
        "server alone, after collecting the static files (run `cocreate worker` as its own "
        "service)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("address", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--production", action="store_true", help="Serve with granian.")
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
        parser.add_argument(
            "--no-worker", action="store_true", help="Development: do not start a worker."
        )

    def handle(
        self, *args: Any, address: str, production: bool, workers: int, **options: Any
    ) -> None:
        if production:
            self.serve_production(address, workers)
        worker = None
        if not options["no_worker"]:
            worker = subprocess.Popen([sys.executable, "-m", "cocreate", "worker", "-v", "0"])
            self.stdout.write(f"Background worker started (process {worker.pid}).")
        try:
            call_command("runserver", address, use_reloader=False)
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=10)

    def serve_production(self, address: str, workers: int) -> None:
        host, _, port = address.rpartition(":")
        if not host or not port.isdigit():
            raise CommandError(f"{address!r} is not host:port, e.g. 127.0.0.1:8000.")
        # Static files with hashed names, for WhiteNoise to serve with long cache lifetimes.
        call_command("collectstatic", interactive=False, verbosity=0)
        granian = shutil.which("granian", path=os.path.dirname(sys.executable))
        if granian is None:
            raise CommandError("granian is not installed in this environment.")
        command = [granian, "--interface", "wsgi", "--host", host, "--port", port]
        os.execv(granian, [*command, "--workers", str(workers), "cocreate.wsgi:application"])
