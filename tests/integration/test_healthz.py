"""/healthz tells a load balancer whether the database and the broker answer."""

import pytest

from config.celery import app


@pytest.mark.django_db
def test_it_reports_ok_without_signing_in(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_it_reports_a_broker_that_is_down(client, settings, monkeypatch):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    saved = app.conf.broker_url
    dead = "redis://127.0.0.1:1/0"  # nothing listens there
    monkeypatch.setenv("CELERY_BROKER_URL", dead)  # Celery reads it before its own setting
    app.conf.broker_url = dead
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = saved

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "broker": "down"}


@pytest.mark.django_db
def test_a_probe_by_the_instances_own_address_is_answered(client, settings):
    settings.ALLOWED_HOSTS = ["screening.example.org"]

    probe = client.get("/healthz", headers={"host": "10.0.0.5:8000"})

    assert probe.status_code == 200
    assert probe.json()["status"] == "ok"
    assert client.get("/", headers={"host": "10.0.0.5:8000"}).status_code == 400
