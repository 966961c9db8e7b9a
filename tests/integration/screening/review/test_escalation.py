"""Periodic tasks: overdue cases escalate once; each clinician gets one digest a day."""

import pytest

from patients.roles import Role
from screening.review.models import Case, DigestSent
from screening.review.notifications import cases_escalate_overdue_now, digests_send_now
from screening.review.tasks import cases_escalate_overdue, digests_send
from tests.factories import make_case, make_user

CRISIS_BP = {"bp_readings": [{"systolic": 185, "diastolic": 90}]}


@pytest.mark.django_db
def test_it_escalates_an_overdue_case_once(mailoutbox):
    make_user(Role.CLINICIAN, "duty@clinic.example")
    make_user(Role.ADMIN, "lead@clinic.example")
    overdue = make_case(hours_ago=2, **CRISIS_BP)
    make_case(hours_ago=0.5, **CRISIS_BP)  # urgent but within the hour
    make_case(hours_ago=10)  # routine, within 72 hours

    assert cases_escalate_overdue_now() == 1
    assert cases_escalate_overdue_now() == 0

    assert len(mailoutbox) == 1
    assert sorted(mailoutbox[0].to) == ["duty@clinic.example", "lead@clinic.example"]
    assert overdue.submission.case_number in mailoutbox[0].body
    assert Case.objects.get(pk=overdue.pk).escalated_at is not None


@pytest.mark.django_db
def test_it_does_not_escalate_decided_cases(mailoutbox):
    make_user(Role.CLINICIAN)
    case = make_case(hours_ago=100)
    Case.objects.filter(pk=case.pk).update(status=Case.Status.DECIDED)

    assert cases_escalate_overdue_now() == 0


@pytest.mark.django_db
def test_it_sends_each_clinician_one_digest_a_day(mailoutbox):
    first = make_user(Role.CLINICIAN, "a@clinic.example")
    make_user(Role.CLINICIAN, "b@clinic.example")
    make_case(**CRISIS_BP)
    make_case()
    Case.objects.filter(pk=Case.objects.first().pk).update(status="claimed", claimed_by=first)

    assert digests_send_now() == 2
    assert digests_send_now() == 0

    assert sorted(m.to[0] for m in mailoutbox) == ["a@clinic.example", "b@clinic.example"]
    digest = next(m for m in mailoutbox if m.to == ["a@clinic.example"])
    assert "Waiting for review: 2 (urgent: 1, overdue: 0)" in digest.body
    assert "Claimed by you: 1" in digest.body
    assert DigestSent.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_the_periodic_tasks_run_through_a_real_worker(worker, mailoutbox):
    make_user(Role.CLINICIAN, "duty@clinic.example")
    make_case(hours_ago=2, **CRISIS_BP)

    escalated = cases_escalate_overdue.delay().get(timeout=30)
    again = cases_escalate_overdue.delay().get(timeout=30)
    digests = digests_send.delay().get(timeout=30)
    digests_again = digests_send.delay().get(timeout=30)

    assert (escalated, again, digests, digests_again) == (1, 0, 1, 0)
    to_staff = (m for m in mailoutbox if m.to == ["duty@clinic.example"])
    subjects = sorted(m.subject for m in to_staff if "awaits review" not in m.subject)
    assert subjects[0] == "[Ketamine therapy screening] 1 case(s) overdue for review"
    assert subjects[1].startswith("[Ketamine therapy screening] Review queue on ")
    assert len(subjects) == 2
