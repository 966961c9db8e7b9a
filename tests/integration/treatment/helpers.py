"""A session run to discharge through the services, for tests that start from a full record."""

from datetime import timedelta

from tests.treatment import make_record, observe
from treatment.clinic.services import discharge_record, escort_set


def discharged_record(clock, course=None, clinician=None):
    """A record dosed at the clock's now, observed to 120 minutes and discharged when ready."""
    record = make_record(course=course, clinician=clinician, dosed_at=clock.now())
    t0 = record.dosed_at
    for minutes in (40, 70, 100, 120):
        clock.moment = t0 + timedelta(minutes=minutes)
        observe(record, clock.now())
    escort_set(record=record, present=True, actor=record.created_by)
    return discharge_record(record=record, actor=record.created_by)
