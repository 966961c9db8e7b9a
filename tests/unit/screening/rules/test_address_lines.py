"""The place of sessions may be typed on two lines; other control characters are refused."""

import pytest

from screening.rules import InvalidAnswers, parse_answers
from tests.builders import answers

TWO_LINES = "12 Elm Street\nSpringfield, IL 62704"


def error_of(location):
    with pytest.raises(InvalidAnswers) as raised:
        parse_answers(answers(session_location=location))
    return raised.value.first.field, raised.value.first.message


def test_it_accepts_an_address_on_two_lines():
    assert parse_answers(answers(session_location=TWO_LINES)).session_location == TWO_LINES


def test_it_reads_a_browsers_line_break_as_one():
    parsed = parse_answers(answers(session_location="12 Elm Street\r\nSpringfield"))

    assert parsed.session_location == "12 Elm Street\nSpringfield"


@pytest.mark.parametrize("character", ["\t", "\x00", "\r", "\x1b"])
def test_it_still_refuses_another_control_character_in_plain_words(character):
    field, message = error_of(f"12 Elm Street{character}Springfield")

    assert field == "session_location"
    assert message == (
        "the address holds a character that is not a letter, digit, sign or line break "
        "(a tab, say): type it again without it"
    )


def test_it_keeps_the_length_limit_with_line_breaks():
    assert error_of("x\n" * 150 + "x") == (
        "session_location",
        "the address is longer than 300 characters",
    )


def test_line_breaks_stay_refused_in_other_text():
    with pytest.raises(InvalidAnswers) as raised:
        parse_answers(
            answers(emergency_contact={"name": "Jamie\nExample", "phone": "555 010 0100"})
        )

    assert raised.value.first.message == "the name holds a control character"
