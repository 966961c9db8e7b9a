"""DATABASE_URL and CELERY_BROKER_URL pick the real services; without them, SQLite and eager."""

import os

import pytest
from django.conf import settings
from django.db import connection


@pytest.mark.django_db
def test_it_uses_the_database_that_database_url_names():
    expected = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )

    assert connection.vendor == expected


def test_it_runs_tasks_eagerly_exactly_when_no_broker_is_set():
    broker = os.environ.get("CELERY_BROKER_URL", "")
    expected_broker = broker or "memory://localhost/"

    assert settings.CELERY_TASK_ALWAYS_EAGER is (broker == "")
    assert settings.CELERY_BROKER_URL == expected_broker
