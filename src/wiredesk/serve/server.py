"""Running the app with uvicorn: in this process, or in ``workers`` processes.

Both ways the server is configured here alone: the protocol that holds
connections to their limits (``connections.py``), and the security headers as
uvicorn's default headers, so that they are on the server's own answers too.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any

import uvicorn
from uvicorn.config import STARTUP_FAILURE

from wiredesk.serve.app import (
    BASE_URL_VARIABLE,
    DB_VARIABLE,
    TOKEN_VARIABLE,
    ZONE_VARIABLE,
    create_app,
)
from wiredesk.serve.connections import LIMITS, GuardedProtocol, Limits, guarded, raise_file_limit
from wiredesk.serve.guard import SECURITY_HEADERS
from wiredesk.serve.settings import Settings

FACTORY = "wiredesk.serve.app:app_from_environment"
PROTOCOL = f"{GuardedProtocol.__module__}:{GuardedProtocol.__name__}"
# A kept-alive connection with no next request is closed after this many seconds
# (uvicorn's default, said here beside the other limits).
KEEP_ALIVE_SECONDS = 5


def server_config(app: Any, *, host: str, port: int, limits: Limits = LIMITS) -> uvicorn.Config:
    """How wiredesk runs ``app`` on ``host``:``port``; the tests serve it the same way."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        http=guarded(limits),
        ws="none",  # no WebSockets: an upgrade would leave the protocol's counts
        headers=[*SECURITY_HEADERS],
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
    )


def run(settings: Settings, *, host: str, port: int, workers: int = 1) -> None:
    """Serve until interrupted.

    Several workers each open the store themselves, from the environment set
    here; this process then becomes uvicorn's supervisor (``exec``), which
    needs none of wiredesk in its memory.
    """
    raise_file_limit()  # inherited by the workers
    if workers > 1:
        os.environ[DB_VARIABLE] = settings.db
        os.environ[ZONE_VARIABLE] = settings.zone
        if settings.token:
            os.environ[TOKEN_VARIABLE] = settings.token
        if settings.base_url:
            os.environ[BASE_URL_VARIABLE] = settings.base_url
        # glibc gives each reading thread a memory arena of its own; two keep a
        # worker's resident memory about 10% lower at the same speed (bench/serve_bench.py).
        os.environ.setdefault("MALLOC_ARENA_MAX", "2")
        sys.stdout.flush()
        sys.stderr.flush()
        headers = [
            part for name, value in SECURITY_HEADERS for part in ("--header", f"{name}:{value}")
        ]
        os.execv(
            sys.executable,
            [
                sys.executable, "-m", "uvicorn", FACTORY, "--factory", "--host", host,
                "--port", str(port), "--workers", str(workers), "--log-level", "warning",
                "--http", PROTOCOL, "--ws", "none", "--timeout-keep-alive", str(KEEP_ALIVE_SECONDS),
                *headers,
            ],
        )  # fmt: skip
    server = uvicorn.Server(server_config(create_app(settings), host=host, port=port))
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C: uvicorn has shut down
        server.run()
    if not server.started:
        sys.exit(STARTUP_FAILURE)
