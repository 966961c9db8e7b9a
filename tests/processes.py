"""Run code in other Python processes against the test database, as other workers would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.db import connection

ROOT = Path(__file__).resolve().parents[1]

PRELUDE = """
import json, os, sys
import django
django.setup()
"""


def database_environment() -> dict[str, str]:
    """Environment variables that point another process at this test's database."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return {"SQLITE_NAME": Path(settings["NAME"]).name, "DATABASE_URL": ""}
    user = settings["USER"] or ""
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    host = settings["HOST"] or "localhost"
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    return {"DATABASE_URL": f"postgres://{user}{password}@{host}{port}/{settings['NAME']}"}


def run_in_process(source: str, **variables: Any) -> Any:
    """Run `source` in a new process with `variables` (JSON) bound; return what it prints (JSON)."""
    script = PRELUDE + f"globals().update(json.loads({json.dumps(json.dumps(variables))}))\n"
    env = {**os.environ, **database_environment(), "DJANGO_SETTINGS_MODULE": "config.settings"}
    result = subprocess.run(
        [sys.executable, "-c", script + source],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
