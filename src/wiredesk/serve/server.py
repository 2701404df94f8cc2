"""Running the app with uvicorn: in this process, or in ``workers`` processes."""

from __future__ import annotations

import os
import sys

import uvicorn

from wiredesk.serve.app import DB_VARIABLE, TOKEN_VARIABLE, ZONE_VARIABLE, create_app
from wiredesk.serve.settings import Settings

FACTORY = "wiredesk.serve.app:app_from_environment"


def run(settings: Settings, *, host: str, port: int, workers: int = 1) -> None:
    """Serve until interrupted.

    Several workers each open the store themselves, from the environment set
    here; this process then becomes uvicorn's supervisor (``exec``), which
    needs none of wiredesk in its memory.
    """
    if workers > 1:
        os.environ[DB_VARIABLE] = settings.db
        os.environ[ZONE_VARIABLE] = settings.zone
        if settings.token:
            os.environ[TOKEN_VARIABLE] = settings.token
        # glibc gives each reading thread a memory arena of its own; two keep a
        # worker's resident memory about 10% lower at the same speed (bench/serve_bench.py).
        os.environ.setdefault("MALLOC_ARENA_MAX", "2")
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(
            sys.executable,
            [
                sys.executable, "-m", "uvicorn", FACTORY, "--factory", "--host", host,
                "--port", str(port), "--workers", str(workers), "--log-level", "warning",
            ],
        )  # fmt: skip
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
