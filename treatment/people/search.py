"""What a search of the Patients page means: a name in either order, part of a name, a date
of birth, a phone number or a case number. Each reading that fits the words is tried."""

from __future__ import annotations

import re
from datetime import date, datetime

from django.db.models import Exists, OuterRef, Q

from patients.models import Submission

DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m-%d-%Y", "%d %B %Y", "%B %d %Y", "%d %b %Y", "%b %d %Y")
CASE_NUMBER = re.compile(r"[0-9A-Fa-f]{8}")
PHONE = re.compile(r"[\d\s().+-]+")
PHONE_DIGITS_AT_LEAST = 4


def date_in(term: str) -> date | None:
    """A date written the usual US or ISO ways ("04/02/1980", "1980-04-02", "April 2 1980")."""
    cleaned = term.replace(",", " ")
    cleaned = " ".join(cleaned.split())
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    return None


def _name(term: str) -> Q | None:
    if not any(char.isalpha() for char in term):
        return None
    if "," in term:  # "Lee, Morgan": the last name first
        family, given = (part.strip() for part in term.split(",", 1))
        found = Q(family_name__icontains=family) if family else Q()
        return found & Q(given_name__icontains=given) if given else found
    found = Q()
    for word in term.split():  # "Morgan Lee", "Lee Morgan" or "Mor": each word in a name
        found &= Q(given_name__icontains=word) | Q(family_name__icontains=word)
    return found


def patient_search(term: str) -> Q:
    """The patients a search term names; every patient for an empty one."""
    term = " ".join(term.split())
    if not term:
        return Q()
    found = Q(pk__in=[])  # matches nothing: each reading below adds its patients
    readings = 0
    if CASE_NUMBER.fullmatch(term):
        found |= Q(
            Exists(Submission.objects.filter(patient=OuterRef("pk"), case_number=term.upper()))
        )
        readings += 1
    born = date_in(term)
    if born is not None:
        found |= Q(date_of_birth=born)
        readings += 1
    digits = re.sub(r"\D", "", term)
    if born is None and PHONE.fullmatch(term) and len(digits) >= PHONE_DIGITS_AT_LEAST:
        # Stored as typed ("(555) 010-0199"): the digits in order, anything between them.
        found |= Q(phone__regex=r"\D*".join(digits))
        readings += 1
    name = _name(term) if born is None else None
    if name is not None:
        found |= name
        readings += 1
    return found if readings else Q(pk__in=[])
