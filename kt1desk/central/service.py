"""``kt1desk central serve``: a small WSGI application behind waitress, behind the province's TLS proxy.

    POST /v1/bundles                      a counter's bundle → a signed receipt (200, or 4xx with a refusal)
    GET  /v1/counters/<uuid>/receipt      a signed receipt of what central holds (a push starts here)
    GET  /v1/health                       "ok" when PostgreSQL answers

Counters hold no database password: they only ever talk to this service. Request bodies are
bounded (``max_body``), each request uses a connection of its own, and a database that goes
away mid-request answers 503 with nothing half-applied (the batch's transaction is rolled back;
a push simply resumes). waitress is pure Python and production-grade on Linux and Windows alike.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable

from ..errors import Kt1Error
from .db import connect, require_schema
from .ingest import Outcome, cursor_of, ingest, receipt, serial_high

log = logging.getLogger("kt1desk.central")
MAX_BODY = 256 * 1024 * 1024
_RECEIPT = re.compile(r"^/v1/counters/([0-9a-fA-F-]{36})/receipt$")


class App:
    def __init__(self, dsn: str, signer, *, max_body: int = MAX_BODY,
                 before_commit: Callable[[int], None] | None = None):
        self.dsn = dsn
        self.signer = signer
        self.max_body = max_body
        self.before_commit = before_commit  # tests cut the link here

    def __call__(self, environ, start_response):
        method, path = environ.get("REQUEST_METHOD", "GET"), environ.get("PATH_INFO", "")
        try:
            if method == "POST" and path == "/v1/bundles":
                return self._post_bundle(environ, start_response)
            found = _RECEIPT.match(path)
            if method == "GET" and found:
                return self._get_receipt(found[1], start_response)
            if method == "GET" and path == "/v1/health":
                conn = connect(self.dsn)
                try:
                    require_schema(conn)
                finally:
                    conn.close()
                return _answer(start_response, 200, b"ok\n", "text/plain; charset=utf-8")
            return _answer(start_response, 404, b"not found\n", "text/plain; charset=utf-8")
        except Kt1Error as err:
            return _answer(start_response, 503, err.text("en").encode() + b"\n", "text/plain; charset=utf-8")
        except Exception as err:  # the database went away mid-request: nothing was committed
            if type(err).__module__.startswith("psycopg"):
                log.warning("database error: %s", err)
                return _answer(start_response, 503, b"database unavailable, try again\n", "text/plain; charset=utf-8")
            log.exception("request failed")
            return _answer(start_response, 500, b"internal error\n", "text/plain; charset=utf-8")

    def _post_bundle(self, environ, start_response):
        try:
            length = int(environ.get("CONTENT_LENGTH") or "")
        except ValueError:
            return _answer(start_response, 411, b"Content-Length required\n", "text/plain; charset=utf-8")
        if length > self.max_body:
            return _answer(start_response, 413, b"bundle too large\n", "text/plain; charset=utf-8")
        data = environ["wsgi.input"].read(length)
        conn = connect(self.dsn)
        try:
            province = require_schema(conn)
            outcome = ingest(conn, data, province=province, before_commit=self.before_commit)
        finally:
            conn.close()
        log.info("bundle from %s: %s", outcome.counter_uuid, outcome.as_dict())
        if outcome.counter_uuid is None:
            text = outcome.error.text("en") if outcome.error else "refused"
            return _answer(start_response, outcome.http_status, text.encode() + b"\n", "text/plain; charset=utf-8")
        return _answer(start_response, outcome.http_status, receipt(self.signer, outcome))

    def _get_receipt(self, counter_uuid: str, start_response):
        uuid.UUID(counter_uuid)
        conn = connect(self.dsn)
        try:
            require_schema(conn)
            held = cursor_of(conn, counter_uuid)
            # What the counter issued as central saw it: a counter restored from a backup moves past it.
            high = serial_high(conn, counter_uuid) if held is not None else []
        finally:
            conn.close()
        if held is None:
            return _answer(start_response, 404, b"unknown counter: register its key line with central trust\n",
                           "text/plain; charset=utf-8")
        outcome = Outcome(counter_uuid, confirmed_seq=held[0], confirmed_hash=held[1], serial_high=high)
        return _answer(start_response, 200, receipt(self.signer, outcome))


def _answer(start_response, status: int, body: bytes, content_type: str = "application/octet-stream"):
    reasons = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 409: "Conflict",
               411: "Length Required", 413: "Payload Too Large", 421: "Misdirected Request",
               500: "Internal Server Error", 503: "Service Unavailable"}
    start_response(f"{status} {reasons.get(status, 'Error')}",
                   [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]


def serve(app: App, host: str, port: int, *, threads: int = 4, trusted_proxy: str | None = None) -> None:
    """Run under waitress until interrupted."""
    import waitress

    options = {"host": host, "port": port, "threads": threads, "max_request_body_size": app.max_body,
               "channel_timeout": 120, "ident": "kt1desk-central"}
    if trusted_proxy:
        options |= {"trusted_proxy": trusted_proxy, "trusted_proxy_headers": "x-forwarded-for x-forwarded-proto",
                    "clear_untrusted_proxy_headers": True}
    waitress.serve(app, **options)
