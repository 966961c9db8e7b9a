"""The audit log answers "who saw or changed this case, and when" with filters."""

from datetime import timedelta
from urllib.parse import parse_qsl

import pytest
from django.utils import timezone

from patients.roles import Role
from screening.audit.models import AuditEntry
from screening.audit.services import audit_record
from tests.factories import make_case, make_user

pytestmark = pytest.mark.django_db

VIEWED, SAVED = AuditEntry.Action.CASE_VIEWED, AuditEntry.Action.ANSWERS_SAVED


@pytest.fixture
def admin_client(client):
    client.force_login(make_user(Role.ADMIN))
    return client


def filtered(admin_client, query):
    """Post the filters (they are kept in the session) and read the first page."""
    admin_client.post("/review/audit/", dict(parse_qsl(query)))
    return admin_client.get("/review/audit/")


def listed(admin_client, query):
    response = filtered(admin_client, query)
    assert response.status_code == 200
    return [(e.actor.email, e.action) for e in response.context["page"]]


def test_a_case_number_finds_the_case_and_its_draft_entries(admin_client):
    case, other = make_case(), make_case()
    clinician = make_user(Role.CLINICIAN, "reader@clinic.test")
    audit_record(actor=case.patient.user, action=SAVED, draft=case.submission.draft)
    audit_record(actor=clinician, action=VIEWED, case=case)
    audit_record(actor=clinician, action=VIEWED, case=other)

    number = case.submission.case_number.lower()

    assert listed(admin_client, f"case_number={number}") == [
        ("reader@clinic.test", VIEWED),
        (case.patient.user.email, SAVED),
    ]


def test_it_filters_by_user_event_and_dates(admin_client):
    case = make_case()
    reader = make_user(Role.CLINICIAN, "reader@clinic.test")
    other = make_user(Role.CLINICIAN, "other@clinic.test")
    # Entries are append-only (a trigger on PostgreSQL): write the old one as old.
    AuditEntry.objects.create(
        actor=reader, action=VIEWED, case=case, at=timezone.now() - timedelta(days=40)
    )
    audit_record(actor=reader, action=VIEWED, case=case)
    audit_record(actor=reader, action=AuditEntry.Action.CASE_CLAIMED, case=case)
    audit_record(actor=other, action=VIEWED, case=case)
    since = (timezone.localdate() - timedelta(days=7)).isoformat()

    query = f"actor_email=READER@clinic.test&action=case_viewed&date_from={since}"

    assert listed(admin_client, query) == [("reader@clinic.test", VIEWED)]


def test_a_field_in_error_is_explained_and_the_other_filters_still_apply(admin_client):
    case = make_case()
    audit_record(actor=make_user(Role.CLINICIAN), action=VIEWED, case=case)
    audit_record(actor=make_user(Role.CLINICIAN), action=AuditEntry.Action.CASE_CLAIMED, case=case)

    response = filtered(admin_client, "actor_email=not-an-email&action=case_viewed")

    html = response.content.decode()
    assert "Enter a valid email address." in html
    assert 'value="not-an-email"' in html
    assert [e.action for e in response.context["page"]] == [VIEWED]


def test_the_pages_keep_the_filters(admin_client):
    case = make_case()
    clinician = make_user(Role.CLINICIAN)
    for _ in range(51):
        audit_record(actor=clinician, action=VIEWED, case=case)

    html = filtered(admin_client, "action=case_viewed").content.decode()
    page_2 = admin_client.get("/review/audit/?page=2")

    assert "51 entries" in html
    assert 'href="?page=2"' in html
    assert [e.action for e in page_2.context["page"]] == [VIEWED]
