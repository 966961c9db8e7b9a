"""Idle sessions: the page warns before the end, and activity keeps the session alive."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from patients.roles import Role
from tests.factories import make_patient, make_user

pytestmark = pytest.mark.django_db


def expires_in(client: Client) -> timedelta:
    session = Session.objects.get(session_key=client.session.session_key)
    return session.expire_date - timezone.now()


def test_a_keepalive_renews_a_session_about_to_end(patient_client):
    patient_client.get("/account/")
    Session.objects.filter(session_key=patient_client.session.session_key).update(
        expire_date=timezone.now() + timedelta(seconds=20)
    )

    response = patient_client.post("/session/keepalive/")

    assert response.status_code == 204
    assert timedelta(minutes=29) < expires_in(patient_client) <= timedelta(minutes=30)


def test_a_keepalive_cannot_revive_an_ended_session(client):
    response = client.post("/session/keepalive/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_a_keepalive_is_a_post(patient_client):
    assert patient_client.get("/session/keepalive/").status_code == 405


@pytest.mark.parametrize(
    ("role", "page", "seconds"),
    [(Role.PATIENT, "/account/", 1800), (Role.CLINICIAN, "/review/", 900)],
)
def test_signed_in_pages_carry_the_warning_with_the_roles_limit(client, role, page, seconds):
    user = make_patient().user if role is Role.PATIENT else make_user(role)
    client.force_login(user)

    html = client.get(page).content.decode()

    assert f'data-idle-seconds="{seconds}"' in html
    assert "/static/js/idle.js" in html
    assert 'action="/session/keepalive/"' in html


def test_the_limit_follows_the_settings(patient_client, settings):
    settings.SESSION_IDLE_SECONDS_PATIENT = 600

    assert 'data-idle-seconds="600"' in patient_client.get("/account/").content.decode()


def test_signed_out_pages_have_no_idle_warning(client):
    html = client.get("/").content.decode()

    assert "idle-warning" not in html
    assert "idle.js" not in html


def session_writes(client: Client, page: str) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(page).status_code == 200
    return [q["sql"] for q in captured.captured_queries if 'UPDATE "django_session"' in q["sql"]]


def test_pages_read_within_a_minute_of_the_last_renewal_write_no_session(patient_client):
    patient_client.get("/account/")

    assert session_writes(patient_client, "/account/") == []


def test_a_page_read_after_a_minute_moves_the_end_of_the_session(patient_client):
    patient_client.get("/account/")
    session = patient_client.session
    session.set_expiry(timezone.now() + timedelta(minutes=28))  # renewed two minutes ago
    session.save()

    assert len(session_writes(patient_client, "/account/")) == 1
    assert timedelta(minutes=29) < expires_in(patient_client) <= timedelta(minutes=30)
