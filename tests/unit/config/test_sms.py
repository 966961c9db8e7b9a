"""Texts go through one pluggable backend; a provider receives the number and the words only."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs

import pytest

from config.sms import LocmemBackend, Text, mobile_number, send_texts


@pytest.mark.parametrize(
    ("phone", "mobile"),
    [
        ("(555) 010-0199", "+15550100199"),
        ("1 555 010 0199", "+15550100199"),
        ("+44 20 7946 0000", "+442079460000"),
        ("010-0199", ""),
        ("٥٥٥٠١٠٠١٩٩٠", ""),  # no digits a provider reads
    ],
)
def test_a_phone_number_becomes_the_providers_form_or_nothing(phone, mobile):
    assert mobile_number(phone) == mobile


def test_the_memory_backend_keeps_texts_and_cuts_long_ones(settings):
    settings.SMS_BACKEND = "config.sms.LocmemBackend"
    LocmemBackend.outbox.clear()

    sent = send_texts([Text("+15550100199", "x" * 500), Text("", "no number")])

    assert sent == 1
    assert [len(t.body) for t in LocmemBackend.outbox] == [320]


def test_nothing_is_sent_when_texts_are_switched_off(settings):
    settings.SMS_BACKEND = "config.sms.DisabledBackend"

    assert send_texts([Text("+15550100199", "hello")]) == 0


def test_the_provider_gets_the_number_and_the_words_with_its_credentials(settings):
    received = []

    class Provider(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers["Content-Length"])
            received.append((self.path, self.headers["Authorization"], self.rfile.read(length)))
            body = json.dumps({"sid": "SM1"}).encode()
            self.send_response(201)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Provider)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    settings.SMS_BACKEND = "config.sms.TwilioBackend"
    settings.SMS_API_URL = f"http://127.0.0.1:{server.server_port}/Accounts/{{account}}/Messages"
    settings.SMS_ACCOUNT_ID, settings.SMS_AUTH_TOKEN, settings.SMS_FROM = (
        "AC1",
        "tok",
        "+15550000000",
    )

    sent = send_texts([Text("+15550100199", "Elm Clinic: a reading is due.")])

    thread.join(5)
    server.server_close()
    assert sent == 1
    [(path, auth, body)] = received
    assert path == "/Accounts/AC1/Messages"
    assert auth == "Basic QUMxOnRvaw=="
    assert parse_qs(body.decode()) == {
        "To": ["+15550100199"],
        "From": ["+15550000000"],
        "Body": ["Elm Clinic: a reading is due."],
    }


def test_a_provider_that_fails_costs_a_log_line_not_an_error(settings, caplog):
    class Refusing(BaseHTTPRequestHandler):
        def do_POST(self):
            self.send_response(500)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Refusing)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    settings.SMS_BACKEND = "config.sms.TwilioBackend"
    settings.SMS_API_URL = f"http://127.0.0.1:{server.server_port}/{{account}}"

    with caplog.at_level("WARNING", logger="config.sms"):
        sent = send_texts([Text("+15550100199", "hello")])

    thread.join(5)
    server.server_close()
    assert sent == 0
    assert "sending 1 text(s) failed" in caplog.text
    assert "+1555" not in caplog.text


def test_a_provider_address_must_be_https(settings):
    settings.SMS_BACKEND = "config.sms.TwilioBackend"
    settings.SMS_API_URL = "http://sms.example.org/{account}"

    assert send_texts([Text("+15550100199", "hello")]) == 0
