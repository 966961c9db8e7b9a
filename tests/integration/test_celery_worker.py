"""A task goes through a real broker and a real Celery worker, never eagerly."""

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings

from config.celery import app
from screening.tasks import ping


@pytest.fixture
def worker_app():
    """The project's app, not eager: Redis when CELERY_BROKER_URL is set, else in-memory."""
    saved = {key: app.conf[key] for key in ("task_always_eager", "broker_url", "result_backend")}
    app.conf.task_always_eager = False
    yield app
    app.conf.update(saved)


def test_it_runs_a_task_in_a_worker(worker_app):
    with start_worker(worker_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        result = ping.delay()

        assert result.get(timeout=20) == "pong"
    assert worker_app.conf.broker_url == settings.CELERY_BROKER_URL
    assert result.backend.__class__.__name__ != "DisabledBackend"
