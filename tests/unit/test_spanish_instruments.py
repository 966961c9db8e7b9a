"""The Spanish (US) instrument texts keep the English structure: no item lost, none left English."""

from __future__ import annotations

from typing import Any

import pytest

from patients.intake import wording, wording_es


def _public_names(module: Any) -> set[str]:
    return {name for name in vars(module) if name.isupper()}


def _strings(value: Any) -> list[str]:
    """Every display string in a constant; a (key, label) pair gives its label only."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], str):
        return [value[1]]
    return [s for item in value for s in _strings(item)]


SPANISH = sorted(_public_names(wording_es) & _public_names(wording) - {"READ_BACK", "UNTRANSLATED"})


def test_every_english_text_is_in_spanish_or_named_as_untranslated():
    english = _public_names(wording)
    spanish = _public_names(wording_es) - {"READ_BACK", "UNTRANSLATED"}
    assert spanish <= english, "Spanish names mirror wording.py"
    assert wording_es.UNTRANSLATED <= english
    assert not spanish & wording_es.UNTRANSLATED
    assert spanish | wording_es.UNTRANSLATED == english


def test_phq9_has_nine_items_and_gad7_seven():
    assert len(wording_es.PHQ9_ITEMS) == len(wording.PHQ9_ITEMS) == 9
    assert len(wording_es.GAD7_ITEMS) == len(wording.GAD7_ITEMS) == 7


def test_four_response_options_with_the_english_scores_and_keys():
    assert [score for score, _ in wording_es.OVER_TWO_WEEKS] == [0, 1, 2, 3]
    assert [k for k, _ in wording_es.DIFFICULTY] == [k for k, _ in wording.DIFFICULTY]
    assert len(wording_es.DIFFICULTY) == 4


def test_cssrs_has_the_six_screener_questions_and_the_three_month_question():
    assert wording_es.CSSRS_QUESTIONS.keys() == wording.CSSRS_QUESTIONS.keys()
    assert len(wording_es.CSSRS_QUESTIONS) == 7
    assert [k for k, _ in wording_es.YES_NO] == [k for k, _ in wording.YES_NO]


def test_audit_c_has_three_questions_of_five_options_scored_0_to_4():
    assert len(wording_es.AUDIT_C_QUESTIONS) == len(wording.AUDIT_C_QUESTIONS) == 3
    for _question, options in wording_es.AUDIT_C_QUESTIONS:
        assert [score for score, _ in options] == [0, 1, 2, 3, 4]


def test_no_instrument_is_marked_as_read_back_yet():
    assert set(wording_es.READ_BACK) == {"phq9", "gad7", "cssrs", "audit_c"}
    assert not any(wording_es.READ_BACK.values())


@pytest.mark.parametrize("name", SPANISH)
def test_every_string_is_non_empty_and_not_the_english(name):
    spanish, english = _strings(getattr(wording_es, name)), _strings(getattr(wording, name))
    assert len(spanish) == len(english), name
    for es, en in zip(spanish, english, strict=True):
        assert es.strip(), name
        # "No" is the same word in both languages.
        assert es != en or es == "No", (name, es)
