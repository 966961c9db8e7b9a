"""The clinic's fasting windows are asked in its own words: hours when whole, else minutes."""

import pytest

from treatment.forms import PreDoseForm


@pytest.mark.parametrize(
    ("food", "drink", "food_label", "drink_label"),
    [
        (120, 30, "Food in the last 2 hours?", "Anything to drink in the last 30 minutes?"),
        (360, 120, "Food in the last 6 hours?", "Anything to drink in the last 2 hours?"),
        (60, 60, "Food in the last hour?", "Anything to drink in the last hour?"),
        (90, 45, "Food in the last 90 minutes?", "Anything to drink in the last 45 minutes?"),
    ],
)
def test_the_pre_dose_check_asks_the_clinics_own_windows(
    settings, food, drink, food_label, drink_label
):
    settings.CLINIC_FOOD_WINDOW_MINUTES = food
    settings.CLINIC_DRINK_WINDOW_MINUTES = drink

    form = PreDoseForm()

    assert form.fields["ate_recently"].label == food_label
    assert form.fields["drank_recently"].label == drink_label
