"""The record prints as one HTML page (print stylesheet) and as a one-page PDF."""

import re
import zlib

import pytest
from django.test import Client

from screening.audit.models import AuditEntry
from tests.integration.treatment.helpers import discharged_record

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    """The text drawn on the PDF's pages (their content streams, inflated)."""
    chunks = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            chunks.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            chunks.append(stream.decode("latin-1"))
    return "".join(chunks)


@pytest.fixture
def staff(controlled_clock):
    record = discharged_record(controlled_clock)
    client = Client()
    client.force_login(record.created_by)
    return client, record


def test_the_pdf_is_one_page_with_the_rems_fields(staff):
    client, record = staff

    response = client.get(f"/treatment/records/{record.public_id}/pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", response.content)) == 1
    text = pdf_text(response.content)
    for expected in (
        "Robin Example",
        "Ketamine IV",
        "35.0 mg",
        "LOT-1",
        "Total monitoring",
        "120 min",
        "Ready to leave at",
        "11:00",
        "UNSIGNED",
    ):
        assert expected in text, expected
    assert AuditEntry.objects.filter(action="record_printed", detail__endswith="pdf").exists()


def test_the_html_record_carries_the_fields_and_a_print_stylesheet(staff):
    client, record = staff

    response = client.get(f"/treatment/records/{record.public_id}/print/")

    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="print-record"' in page
    for expected in ("Ketamine IV", "LOT-1", "Time given (t0)", "Total monitoring", "2\xa0hours"):
        assert expected in page, expected
    css = client.get("/static/css/app.css")
    assert b"@media print" in b"".join(css.streaming_content)
