"""One reader of whole-number parameters: ASCII digits only, a bounded length."""

import pytest
from django.core.exceptions import BadRequest

from config.params import MAX_DIGITS, int_parameter


@pytest.mark.parametrize("value", ["0", "1", "12", "007", "9" * MAX_DIGITS])
def test_it_reads_ascii_digits(value):
    assert int_parameter(value) == int(value)


BAD = [
    None,
    "",
    " 1",
    "1 ",
    "-1",
    "+1",
    "1.0",
    "1e3",
    "1_000",
    "\u00b2",  # superscript two: isdigit() passes it, int() refuses it
    "\u0661",  # Arabic-Indic one: int() reads it as 1
    "\uff11",  # fullwidth one
    "9" * (MAX_DIGITS + 1),
    "9" * 5000,
    "abc",
]


@pytest.mark.parametrize("value", BAD, ids=repr)
def test_anything_else_is_the_default(value):
    assert int_parameter(value, default=4) == 4


@pytest.mark.parametrize("value", BAD, ids=repr)
def test_anything_else_without_a_default_is_a_bad_request(value):
    with pytest.raises(BadRequest):
        int_parameter(value)
