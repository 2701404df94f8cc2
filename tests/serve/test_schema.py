"""Generated requests against the API's own OpenAPI schema: whatever comes, never a 500.

schemathesis reads ``/api/openapi.json`` from the app served on 127.0.0.1
over a real store (SQLite and PostgreSQL) and, for every operation, sends
requests that fit the schema and requests that break it, with the write
token, so that uploads are parsed too.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from tests.serve.conftest import NOW, TOKEN
from tests.serve.http import serving
from wiredesk.serve import Settings, create_app
from wiredesk.store import Store

EXAMPLES = 30


@pytest.mark.parametrize(
    "mode", [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]
)
def test_no_request_makes_the_api_fail(demo_store: Store, mode: Any) -> None:
    app = create_app(Settings(db=demo_store.url, token=TOKEN, clock=lambda: NOW), store=demo_store)
    with serving(app) as url:
        schema = schemathesis.openapi.from_url(f"{url}/api/openapi.json")
        operations = [result.ok() for result in schema.get_all_operations()]
        assert {operation.label for operation in operations} >= {
            "GET /api/v1/articles",
            "GET /api/v1/articles/{article_id}",
            "GET /api/v1/sections",
            "GET /api/v1/search",
            "POST /api/v1/captures",
        }
        for operation in operations:
            takes_input = bool(list(operation.iter_parameters())) or bool(operation.body)
            if mode == schemathesis.GenerationMode.NEGATIVE and not takes_input:
                continue  # nothing to get wrong

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def check(case: Any) -> None:
                case.call_and_validate(
                    headers={"Authorization": f"Bearer {TOKEN}"}, checks=[not_a_server_error]
                )

            check()
