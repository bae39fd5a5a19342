"""A stand-in for an SMS, social or webhook provider, for tests and benchmarks.

It listens on 127.0.0.1, honours `Idempotency-Key` / `webhook-id` the way a good
provider does (a repeat is answered 200 and not delivered again), can be told to fail
the next requests, and reports what it received at GET /stats.

    python -m cocreate.messaging.fake_provider --port 9100
"""

import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeProvider(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int = 0, delay: float = 0.0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.delay = delay  # seconds each request takes, to keep a batch in flight
        self.lock = threading.Lock()
        self.delivered: dict[str, dict[str, Any]] = {}  # by idempotency key
        self.requests = 0
        self.repeats = 0  # requests whose key was delivered already
        self._failures: list[int] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def fail_next(self, count: int, status: int = 500) -> None:
        with self.lock:
            self._failures.extend([status] * count)

    def start(self) -> "FakeProvider":
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()

    def receive(self, path: str, headers: dict[str, str], body: bytes) -> int:
        key = headers.get("idempotency-key") or headers.get("webhook-id") or ""
        time.sleep(self.delay)
        with self.lock:
            self.requests += 1
            if self._failures:
                return self._failures.pop(0)
            if key in self.delivered:
                self.repeats += 1
                return 200
            self.delivered[key] = {
                "path": path,
                "headers": headers,
                "body": body.decode(),
                "json": json.loads(body or b"null"),
                "at": time.time(),
            }
            return 200

    def stats(self) -> dict[str, Any]:
        with self.lock:
            return {
                "requests": self.requests,
                "repeats": self.repeats,
                "delivered": {key: item["at"] for key, item in self.delivered.items()},
            }


class _Handler(BaseHTTPRequestHandler):
    server: FakeProvider
    protocol_version = "HTTP/1.1"  # keep connections alive, as real providers do
    # Headers and body go out in two writes: without this, Nagle's algorithm holds the
    # body until the client's delayed ACK (40 ms), capping a connection at 25 requests/s.
    disable_nagle_algorithm = True

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {key.lower(): value for key, value in self.headers.items()}
        status = self.server.receive(self.path, headers, body)
        self._reply(status, {"ok": status == 200})

    def do_GET(self) -> None:
        self._reply(200, self.server.stats())

    def _reply(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=9100)
    parser.add_argument("--delay", type=float, default=0.0)
    arguments = parser.parse_args()
    server = FakeProvider(arguments.port, arguments.delay)
    print(server.url, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
