"""Unsigned records with the days left of the 7-day deadline; one reminder a day."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client

from tests.integration.treatment.helpers import discharged_record
from tests.treatment import make_clinician, make_record
from treatment.clinic.services import record_sign
from treatment.clinic.tasks import records_remind_unsigned

pytestmark = pytest.mark.django_db


def test_the_list_shows_days_left_and_overdue_records(controlled_clock):
    clinician = make_clinician()
    old = make_record(clinician=clinician, dosed_at=controlled_clock.now())
    controlled_clock.advance(days=9)
    make_record(clinician=clinician, dosed_at=controlled_clock.now())
    make_record(clinician=clinician)  # not dosed: nothing to sign yet
    client = Client()
    client.force_login(clinician)

    response = client.get("/treatment/unsigned/")

    rows = [(row["record"].pk, row["days_left"]) for row in response.context["rows"]]
    assert rows[0] == (old.pk, -2)
    assert rows[1][1] == 7
    page = response.content.decode()
    assert "overdue by 2 days" in page
    assert "7 days left" in page


def test_signed_records_leave_the_list(controlled_clock):
    record = discharged_record(controlled_clock)
    record_sign(record=record, actor=record.created_by)
    client = Client()
    client.force_login(record.created_by)

    assert client.get("/treatment/unsigned/").context["rows"] == []


def test_each_clinician_is_reminded_once_a_day(controlled_clock):
    first, second = make_clinician(), make_clinician()
    make_record(clinician=first, dosed_at=controlled_clock.now())
    make_record(clinician=first, dosed_at=controlled_clock.now())
    make_record(clinician=second, dosed_at=controlled_clock.now())
    make_clinician()  # nothing unsigned: no email

    assert records_remind_unsigned.delay().get() == 2
    assert records_remind_unsigned.delay().get() == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.email, second.email])
    to_first = next(m for m in mail.outbox if m.to == [first.email])
    assert to_first.subject == "2 monitoring record(s) to sign"
    assert "due in 7 day(s)" in to_first.body
    assert "Robin" not in to_first.body

    controlled_clock.advance(days=1)
    assert records_remind_unsigned.delay().get() == 2
    assert len(mail.outbox) == 4
    assert timedelta(days=1)
