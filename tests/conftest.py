import io
import logging
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import settings

from tests.factories import make_case, make_patient

# HYPOTHESIS_PROFILE=thorough explores far more intakes than the default run.
settings.register_profile("thorough", max_examples=5000, deadline=None)
settings.register_profile("default", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


LOCALE = Path(__file__).resolve().parent.parent / "locale"


def pytest_sessionstart(session):
    """The translations as `make install` compiles them: a catalogue newer than its .mo
    (or without one) is compiled again, with GNU gettext's msgfmt, as compilemessages does."""
    for po in LOCALE.glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        msgfmt = shutil.which("msgfmt")
        if msgfmt is None:
            raise pytest.UsageError(
                "msgfmt (GNU gettext) is needed to compile the translations: install gettext"
            )
        subprocess.run([msgfmt, "--check-format", "-o", str(mo), str(po)], check=True)


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A request in Spanish leaves Spanish active in the thread, as the middleware does for
    each request; the next test starts in the default language again."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture
def patient(db):
    return make_patient()


@pytest.fixture
def patient_client(client, patient):
    client.force_login(patient.user)
    return client


@pytest.fixture
def walk_ids(db):
    """Real objects for the ids in URL patterns: a case, its owner, rule set 1, and the
    owner's course of treatment with an in-clinic session, its record and a task, an
    at-home session (for the patient's own pages), and the therapist assigned to the
    course."""
    from tests.treatment import (
        assign_therapist,
        make_course,
        make_record,
        make_session,
        make_task,
    )
    from treatment.rules import Setting

    case = make_case()
    course = make_course(case=case)
    record = make_record(course=course)
    therapist = assign_therapist(course)
    # The patient's own pages of an at-home session need one: the course has both settings.
    home_session = make_session(course, setting=Setting.AT_HOME)
    return {
        "therapist": therapist,
        "uuid": case.submission.public_id,
        "version": 1,
        "owner": case.patient.user,
        "course_id": course.public_id,
        "session_id": record.session.public_id,
        "home_session_id": home_session.public_id,
        "record_id": record.public_id,
        "task_id": make_task(course=course).public_id,
        "patient_id": case.patient.public_id,
    }


DB_FIXTURES = (
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
)


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """Rate limits and used codes live in the cache: each test starts with none used.

    The cache is shared by every process (the database, or Redis in CI), so only a
    test that may use the database may use it.
    """
    from django.core.cache import cache

    named = [name for name in DB_FIXTURES if name in request.fixturenames]
    if not named and request.node.get_closest_marker("django_db") is None:
        return
    for name in named:
        request.getfixturevalue(name)
    cache.clear()


@pytest.fixture(autouse=True)
def _tasks_run_eagerly():
    """Tasks run in the test's process; the worker test alone goes through the broker."""
    from config.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = eager


@pytest.fixture(autouse=True)
def texts(settings):
    """Texts (SMS) go to an outbox in memory, emptied for each test."""
    from config.sms import LocmemBackend

    settings.SMS_BACKEND = "config.sms.LocmemBackend"
    LocmemBackend.outbox.clear()
    return LocmemBackend.outbox


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Tests create many users; a strong, slow hash proves nothing here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def worker():
    """A real Celery worker in a thread: tasks go through the broker, not eagerly."""
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        yield app
    app.conf.task_always_eager = eager


@pytest.fixture
def controlled_clock(monkeypatch):
    """treatment/ reads this clock, in this process (the live server's thread too)."""
    from datetime import UTC, datetime

    from tests.treatment import Clock

    clock = Clock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    monkeypatch.setattr("treatment.clock.now", clock.now)
    return clock


@pytest.fixture
def log_output():
    """The app's log handler (with its filter), at DEBUG, for the whole test."""
    from config.logfilter import RedactHealthData

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactHealthData())
    handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield stream
    root.removeHandler(handler)
    root.setLevel(level)
