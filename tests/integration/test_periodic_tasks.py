"""Celery beat's schedule names real tasks; the session clean-up removes ended sessions."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from config.celery import app
from patients.tasks import sessions_clear_expired


def test_every_scheduled_task_exists():
    app.loader.import_default_modules()
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert scheduled - set(app.tasks) == set()


@pytest.mark.django_db
def test_ended_sessions_are_cleared_and_live_ones_kept(patient_client):
    patient_client.get("/account/")
    live = patient_client.session.session_key
    Session.objects.create(
        session_key="ended" * 4, session_data="", expire_date=timezone.now() - timedelta(1)
    )

    sessions_clear_expired.delay()

    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
