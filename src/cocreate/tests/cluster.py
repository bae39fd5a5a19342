"""Real processes for tests: web servers (granian, as in production) and background
workers, each its own OS process, all sharing the test's database.

Used by the scale-out and fault tests; every process is stopped when the block ends.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection


def database_url() -> str:
    """The test database, as another process reaches it."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def environment(**extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DEBUG": "false",
        "SECRET_KEY": "test-only-secret-key-that-is-long-enough-for-django-checks-1234",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "HTTPS": "false",
        "EMAIL_URL": "console://",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(condition: Callable[[], bool], timeout: float = 60, what: str = "it") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def start_worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "cocreate", "worker", "--interval", "0.2"]
    command += ["--watch-interval", "0.5", "--no-startup-delay", "-v", "0"]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)


@dataclass
class Web:
    process: subprocess.Popen[bytes]
    url: str

    def kill(self) -> None:
        """SIGKILL the server and its worker processes at once, as a crash would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


def start_web(env: dict[str, str]) -> Web:
    port = free_port()
    command = [sys.executable, "-m", "cocreate", "serve", "--production"]
    command += [f"127.0.0.1:{port}", "--workers", "1"]
    # Its own process group: granian's workers are children, and go with it.
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, start_new_session=True)
    web = Web(process, f"http://127.0.0.1:{port}")
    wait_for(lambda: _ready(web.url), timeout=90, what=f"the web process on port {port}")
    return web


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/readyz", timeout=2) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


@dataclass
class Cluster:
    webs: list[Web] = field(default_factory=list)
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)


@contextmanager
def cluster(*, webs: int, workers: int, **env: str) -> Iterator[Cluster]:
    """`webs` web processes and `workers` workers on the test database."""
    settings = environment(**env)
    running = Cluster()
    try:
        running.workers = [start_worker(settings) for _ in range(workers)]
        running.webs = [start_web(settings) for _ in range(webs)]
        yield running
    finally:
        for process in running.workers:
            if process.poll() is None:
                process.terminate()
        for web in running.webs:
            if web.process.poll() is None:
                os.killpg(web.process.pid, signal.SIGTERM)
        for process in [*running.workers, *(w.process for w in running.webs)]:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
