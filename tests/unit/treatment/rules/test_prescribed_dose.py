"""The prescribed dose of a session: versioned changes with a reason, never once given; the
dose recorded in the clinic is the one prescribed, by its route."""

from decimal import Decimal

import pytest

from treatment.rules.therapy import (
    MEDICINE_ROUTES,
    Dose,
    Route,
    dose_change_error,
    given_dose_error,
)

SUBLINGUAL_200 = Dose(Decimal("200.0"), Route.SUBLINGUAL)


def test_the_first_version_needs_no_reason():
    assert dose_change_error(None, SUBLINGUAL_200, reason="", started=False) is None


def test_a_change_needs_its_reason():
    new = Dose(Decimal("250.0"), Route.SUBLINGUAL)

    assert dose_change_error(SUBLINGUAL_200, new, reason=" ", started=False) == (
        "Write the reason for the change."
    )
    assert (
        dose_change_error(SUBLINGUAL_200, new, reason="Little effect at 200", started=False) is None
    )


def test_a_change_of_route_alone_is_a_change():
    new = Dose(Decimal("200.0"), Route.INTRANASAL)

    assert dose_change_error(SUBLINGUAL_200, new, reason="Nausea", started=False) is None


def test_the_same_dose_again_is_no_new_version():
    assert "already prescribed" in dose_change_error(
        SUBLINGUAL_200, SUBLINGUAL_200, reason="again", started=False
    )


def test_a_session_that_has_started_keeps_its_dose():
    new = Dose(Decimal("150.0"), Route.SUBLINGUAL)

    assert "has started" in dose_change_error(SUBLINGUAL_200, new, reason="Too much", started=True)


@pytest.mark.parametrize("mg", ["0", "0.05", "1000.1", "-5"])
def test_a_dose_out_of_range_is_refused(mg):
    error = dose_change_error(None, Dose(Decimal(mg), Route.INTRAVENOUS), reason="", started=False)

    assert error == "Enter a dose between 0.1 and 1000 mg."


def test_the_clinic_records_the_prescribed_dose_by_its_route():
    prescribed = Dose(Decimal("35.0"), Route.INTRAVENOUS)

    assert given_dose_error(prescribed, Decimal("35"), "ketamine_iv") is None
    assert "35.0 mg, intravenous" in given_dose_error(prescribed, Decimal("40"), "ketamine_iv")
    assert given_dose_error(prescribed, Decimal("35"), "ketamine_im") is not None
    assert given_dose_error(prescribed, Decimal("35"), "unknown") is not None


def test_every_medicine_of_the_record_has_a_route():
    from treatment.models import MEDICINE_CHOICES

    assert {name for name, _ in MEDICINE_CHOICES} == set(MEDICINE_ROUTES)
