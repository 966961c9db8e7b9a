"""The pre-dose check's forms: the clinic's fasting windows in its own words (hours when
whole, else minutes), and the C-SSRS screener read alike at home and in the clinic."""

import pytest

from treatment.clinic.forms import PreDoseForm
from treatment.home.forms import CheckInForm
from treatment.rules import DEFAULT_LIMITS, Outcome, check_pre_dose


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


@pytest.mark.parametrize(
    ("form_class", "behavior"),
    [(PreDoseForm, "behavior_3_months"), (CheckInForm, "behavior")],
)
def test_a_suicide_question_left_out_is_missing_never_a_no_and_never_a_go(form_class, behavior):
    """Both checks read the screener the same way, whatever reaches them past the form."""
    from tests.treatment import CHECK_IN_POST

    clinic = {"behavior_3_months": "no", "ate_recently": "no", "drank_recently": "no"}
    clinic |= {"ride_home": "yes"}
    form = form_class(CHECK_IN_POST | clinic, pregnancy_relevant=False)
    assert form.is_valid(), form.errors
    form.cleaned_data.pop("wish_dead")
    form.cleaned_data.pop(behavior)

    answers = form.answers()

    assert (answers.cssrs.wish_dead, answers.cssrs.behavior_3_months) == (None, None)
    assert check_pre_dose(answers, DEFAULT_LIMITS).outcome is not Outcome.GO
