"""Audit entries are written, never changed: by the model everywhere, by a trigger on PostgreSQL."""

import pytest
from django.db import DatabaseError, connection, transaction

from patients.roles import Role
from screening.audit.models import AuditEntry
from screening.audit.services import audit_record
from tests.factories import make_case, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry():
    return audit_record(actor=make_user(Role.CLINICIAN), action="case_viewed", case=make_case())


def test_the_model_refuses_to_change_or_delete_an_entry(entry):
    with pytest.raises(ValueError, match="append-only"):
        entry.save()
    with pytest.raises(ValueError, match="append-only"):
        entry.delete()


def test_the_database_refuses_updates_and_deletes_on_postgresql(entry):
    queries = (
        "UPDATE screening_auditentry SET detail = 'edited'",
        "DELETE FROM screening_auditentry",
    )
    for sql in queries:
        if connection.vendor == "postgresql":
            with (
                pytest.raises(DatabaseError, match="append-only"),
                transaction.atomic(),
                connection.cursor() as cursor,
            ):
                cursor.execute(sql)
        else:  # SQLite (development): the model guard above is the protection
            assert connection.vendor == "sqlite"
    assert AuditEntry.objects.get().detail == ""
