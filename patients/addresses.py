"""Email addresses we accept: plain, deliverable-looking, never a look-alike."""

from __future__ import annotations

import ipaddress
from typing import Final

from django.core.exceptions import ValidationError

MAX_LENGTH: Final = 254  # the longest address mail servers accept (RFC 5321)


def address_problem(email: str) -> str | None:
    """What is wrong with `email`, in words for the person who typed it; None if nothing."""
    if len(email) > MAX_LENGTH:
        return f"An email address has at most {MAX_LENGTH} characters; this one has {len(email)}."
    local, at, domain = email.rpartition("@")
    if not at or not local or not domain:
        return "Enter an email address such as name@example.com."
    if domain.startswith("[") or _is_ip_address(domain):
        return "Use an address at a domain name (such as example.com), not at a numeric address."
    if not domain.isascii() or any(label.startswith("xn--") for label in domain.split(".")):
        return (
            "Use an address whose domain is written in plain letters (a-z), digits and "
            "hyphens: internationalised domains can imitate other addresses."
        )
    return None


def _is_ip_address(domain: str) -> bool:
    try:
        ipaddress.ip_address(domain)
    except ValueError:
        return False
    return True


def validate_address(email: str) -> None:
    problem = address_problem(email)
    if problem:
        raise ValidationError(problem, code="invalid_address")
