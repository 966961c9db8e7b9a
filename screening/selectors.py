"""Reads of screening state."""

from screening.rules import DEFAULT_THRESHOLDS, Thresholds


def active_thresholds() -> Thresholds:
    """The thresholds new screenings use: the contract's defaults until rule sets are stored."""
    return DEFAULT_THRESHOLDS
