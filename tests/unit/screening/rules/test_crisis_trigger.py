"""Section 4: who sees crisis resources at once."""

import pytest

from screening.rules import crisis_resources_needed, parse_answers
from tests.builders import answers


def needed(**changes):
    return crisis_resources_needed(parse_answers(answers(**changes)))


@pytest.mark.parametrize("item", ["intent", "plan", "behavior_3_months"])
def test_it_shows_crisis_resources_for_high_risk_cssrs(item):
    cssrs = {"wish_dead": True, "suicidal_thoughts": True, "method": False, "intent": False}
    cssrs |= {"plan": False, "behavior_3_months": False, item: True}

    assert needed(cssrs=cssrs)


@pytest.mark.parametrize(("item9", "expected"), [(0, False), (1, False), (2, True), (3, True)])
def test_it_shows_crisis_resources_from_phq9_item9_of_two_or_more(item9, expected):
    assert needed(phq9=[1, 1, 1, 1, 1, 1, 1, 1, item9]) is expected


def test_it_does_not_show_them_for_a_passive_wish():
    assert not needed(
        cssrs={"wish_dead": True, "suicidal_thoughts": False, "behavior_3_months": False}
    )
