"""Each list costs the same queries for a few rows or many: no query per row (N+1)."""

import pytest

from patients.roles import Role
from screening.audit.models import AuditEntry
from screening.audit.services import audit_record
from screening.rulesets.models import RuleSet
from tests.decided import decided_case
from tests.factories import make_case, make_patient, make_user

pytestmark = pytest.mark.django_db


def queries_before_and_after(client, django_assert_max_num_queries, path, add_rows):
    """The page's queries with the rows there now, then at most as many after `add_rows`."""
    client.get(path)  # the first page after signing in also renews the session
    with django_assert_max_num_queries(50) as few:
        assert client.get(path).status_code == 200
    add_rows()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(path).status_code == 200
    return len(few.captured_queries)


def test_a_case_page_with_a_long_history(client, django_assert_max_num_queries):
    patient = make_patient()
    clinician = make_user(Role.CLINICIAN)
    case = make_case(patient=patient, hours_ago=1)
    decided_case(patient=patient, outcome="confirm_at_home", clinician=clinician)
    client.force_login(clinician)

    def earlier_submissions():
        for _ in range(6):
            decided_case(patient=patient, outcome="confirm_at_home", clinician=clinician)

    queries_before_and_after(
        client,
        django_assert_max_num_queries,
        f"/review/cases/{case.submission.public_id}/",
        earlier_submissions,
    )
    assert patient.submissions.count() == 8


def test_the_rule_set_list_with_many_versions(client, django_assert_max_num_queries):
    admin = make_user(Role.ADMIN)
    client.force_login(admin)
    published = RuleSet.objects.get(status="published")

    def retired_versions():
        for version in range(2, 9):
            RuleSet.objects.create(
                version=version,
                name=f"v{version}",
                status=RuleSet.Status.RETIRED,
                thresholds=published.thresholds,
                based_on=published,
                created_by=admin,
                published_by=admin,
                signed_off_by=make_user(Role.CLINICIAN),
            )

    queries_before_and_after(client, django_assert_max_num_queries, "/rulesets/", retired_versions)


def test_the_audit_log_with_many_people_cases_and_drafts(client, django_assert_max_num_queries):
    client.force_login(make_user(Role.ADMIN))
    case = make_case()
    audit_record(actor=case.patient.user, action=AuditEntry.Action.SUBMITTED, case=case)

    def entries_by_many():
        for _ in range(6):
            other = make_case()
            reader = make_user(Role.CLINICIAN)
            audit_record(actor=reader, action=AuditEntry.Action.CASE_VIEWED, case=other)
            audit_record(
                actor=other.patient.user,
                action=AuditEntry.Action.ANSWERS_SAVED,
                draft=other.submission.draft,
            )

    queries_before_and_after(
        client, django_assert_max_num_queries, "/review/audit/", entries_by_many
    )
