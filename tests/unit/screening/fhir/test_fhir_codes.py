"""Every LOINC code of the export passes LOINC's check digit: no code was mistyped."""

import pytest

from screening.fhir.codes import LOINC_CODES


def check_digit(number: str) -> int:
    """LOINC's mod 10: from the right, odd positions doubled, digits summed."""
    total = 0
    for position, digit in enumerate(reversed(number), start=1):
        value = int(digit) * (2 if position % 2 else 1)
        total += value // 10 + value % 10
    return (10 - total % 10) % 10


def test_the_check_digit_is_the_published_one():
    assert check_digit("44249") == 1
    assert check_digit("85354") == 9


@pytest.mark.parametrize("code", [c.code for c in LOINC_CODES])
def test_each_loinc_code_has_its_check_digit(code):
    number, _, digit = code.partition("-")

    assert check_digit(number) == int(digit)
