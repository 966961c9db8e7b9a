"""The patient side in Spanish: the switch, the account's language, staff in English, the
instruments only in validated Spanish, the same answers and decisions in either language,
and no English left on the pages translated so far."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client

from patients.intake import wording_es
from patients.intake.steps import SLUGS
from patients.models import Patient, Submission
from patients.roles import Role
from tests.factories import make_patient, make_user
from tests.intake import CLEAN_POSTS, complete_steps, post, step_url

SPANISH = "es-US,es;q=0.9"
PO = Path(__file__).resolve().parents[3] / "locale" / "es" / "LC_MESSAGES" / "django.po"


def spanish_client(patient: Patient) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=SPANISH)
    client.force_login(patient.user)
    return client


def html_lang(content: bytes) -> str:
    found = re.search(rb'<html lang="([^"]+)"', content)
    return found.group(1).decode() if found else ""


class VisibleText(HTMLParser):
    """The words a reader meets, leaving out what is marked lang="en" (the instruments not
    yet validated in Spanish, the switch's "English"), scripts and styles."""

    VOID = frozenset({"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # per open element: is its text left out?
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        skipped = (self.stack and self.stack[-1]) or tag in ("script", "style", "title")
        self.stack.append(bool(skipped) or dict(attrs).get("lang") == "en")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.words.append(data)


# Words of English that Spanish never uses: a sentence left in English has some of them.
ENGLISH_WORDS = frozenset(
    (  # noqa: SIM905 (a sentence of words reads better than a list)
        "the you your and with what please this that have has will would should there which "
        "when answers questionnaire before after about next back submit continue change "
        "save sign account step reading number enter call text we can an of to is are do "
        "does how who our my for from not yet been any were was if it on at be by as"
    ).split(" ")
)


def english_left(content: bytes) -> list[str]:
    """Runs of English words on a page rendered in Spanish (outside lang="en")."""
    parser = VisibleText()
    parser.feed(content.decode())
    found = []
    for chunk in parser.words:
        words = re.findall(r"[A-Za-z']+", chunk.lower())
        hits = [w for w in words if w in ENGLISH_WORDS]
        if len(hits) >= 2 or (hits and len(words) <= 3):
            found.append(chunk.strip())
    return found


@pytest.mark.django_db
def test_it_follows_the_browser_on_a_first_visit():
    response = Client(HTTP_ACCEPT_LANGUAGE=SPANISH).get("/")
    assert html_lang(response.content) == "es"
    assert b'lang="en"' in response.content and b">English</button>" in response.content
    english = Client(HTTP_ACCEPT_LANGUAGE="en-US").get("/")
    assert html_lang(english.content) == "en"
    assert b'value="es" lang="es"' in english.content


@pytest.mark.django_db
def test_it_switches_before_sign_in_with_a_plain_form_post():
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US")
    response = client.post("/language/", {"language": "es", "next": "/accounts/login/"})
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    page = client.get("/accounts/login/")
    assert html_lang(page.content) == "es"
    assert "Iniciar sesión".encode() in page.content


@pytest.mark.django_db
def test_it_keeps_the_patients_choice_on_the_account_for_every_device():
    patient = make_patient()
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US")
    client.force_login(patient.user)
    client.post("/language/", {"language": "es", "next": "/account/"})
    patient.refresh_from_db()
    assert patient.language == "es"
    elsewhere = Client(HTTP_ACCEPT_LANGUAGE="en-US")  # another browser, no cookie
    elsewhere.force_login(patient.user)
    assert html_lang(elsewhere.get("/intake/").content) == "es"
    client.post("/language/", {"language": "en", "next": "/account/"})
    patient.refresh_from_db()
    assert patient.language == "en"
    assert html_lang(Client(HTTP_ACCEPT_LANGUAGE=SPANISH).get("/").content) == "es"


@pytest.mark.django_db
def test_it_refuses_a_language_it_does_not_speak():
    patient = make_patient()
    client = Client()
    client.force_login(patient.user)
    client.post("/language/", {"language": "fr", "next": "/account/"})
    patient.refresh_from_db()
    assert patient.language == ""


@pytest.mark.django_db
def test_staff_read_english_whatever_their_browser_or_cookie():
    staff = Client(HTTP_ACCEPT_LANGUAGE=SPANISH)
    staff.force_login(make_user(Role.CLINICIAN))
    staff.post("/language/", {"language": "es", "next": "/review/"})
    response = staff.get("/review/")
    assert response.status_code == 200
    assert html_lang(response.content) == "en"
    assert b"language-switch" not in response.content


@pytest.mark.django_db
def test_the_instruments_stay_english_until_their_spanish_is_read_back(monkeypatch):
    client = spanish_client(make_patient())
    client.post("/intake/")
    page = client.get(step_url("mood")).content.decode()
    assert '<span lang="en">Little interest or pleasure in doing things</span>' in page
    assert "Poco interés" not in page
    # Once read back against the publisher's form, the validated Spanish is shown.
    monkeypatch.setitem(wording_es.READ_BACK, "phq9", True)
    monkeypatch.setitem(wording_es.READ_BACK, "gad7", True)
    page = client.get(step_url("mood")).content.decode()
    assert "1. Poco interés o placer en hacer cosas" in page
    assert "Ningún día" in page and "Casi todos los días" in page
    assert "Little interest" not in page


@pytest.mark.django_db
def test_the_cssrs_is_shown_in_spanish_once_read_back(monkeypatch):
    client = spanish_client(make_patient())
    client.post("/intake/")
    monkeypatch.setitem(wording_es.READ_BACK, "cssrs", True)
    page = client.get(step_url("safety")).content.decode()
    assert wording_es.CSSRS_QUESTIONS["wish_dead"] in page
    assert ">Sí<" in page or "Sí\n" in page


@pytest.mark.django_db
def test_dast10_has_no_validated_spanish_and_stays_english_marked_so():
    client = spanish_client(make_patient())
    client.post("/intake/")
    page = client.get(step_url("substance-use")).content.decode()
    assert '<span lang="en">Have you used drugs other than those required' in page


def _submit(client: Client, **posts: dict[str, object]) -> Submission:
    complete_steps(client, **posts)
    draft_id = client.get("/intake/review/").context["draft"].public_id
    client.post("/intake/submit/", {"draft": draft_id})
    return Submission.objects.filter(patient__user_id=client.session["_auth_user_id"]).latest(
        "submitted_at"
    )


CASES = {
    "clean": {},
    "crisis": {
        "safety": post(
            "safety",
            cssrs_wish_dead="yes",
            cssrs_suicidal_thoughts="yes",
            cssrs_method="yes",
            cssrs_intent="yes",
            cssrs_plan="no",
        )
    },
    "maoi and high blood pressure": {
        "medications": {"medications": "maoi"},
        "blood_pressure": post("blood-pressure", systolic_1="182", systolic_2="181"),
    },
    "imperial units, drugs": {
        "about_you": post(
            "about-you",
            units="imperial",
            height_cm=...,
            weight_kg=...,
            height_ft="5",
            height_in="7",
            weight_lb="150",
        ),
        "substance_use": post(
            "substance-use",
            **{f"dast10_{n}": "yes" for n in range(1, 11)},
        ),
    },
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES)
def test_the_same_answers_give_the_same_codes_and_decision_in_either_language(case, monkeypatch):
    for instrument in wording_es.READ_BACK:  # the Spanish wording on screen, as it will be
        monkeypatch.setitem(wording_es.READ_BACK, instrument, True)
    english, spanish = make_patient(), make_patient()
    english_client = Client(HTTP_ACCEPT_LANGUAGE="en-US")
    english_client.force_login(english.user)
    in_english = _submit(english_client, **CASES[case])
    in_spanish = _submit(spanish_client(spanish), **CASES[case])
    assert in_spanish.answers == in_english.answers
    assert in_english.language == "en" and in_spanish.language == "es"
    decided = {k: v for k, v in in_english.screening.decision.items() if k != "evaluated_at"}
    assert {
        k: v for k, v in in_spanish.screening.decision.items() if k != "evaluated_at"
    } == decided


@pytest.mark.django_db
def test_errors_are_in_spanish():
    client = spanish_client(make_patient())
    client.post("/intake/")
    response = client.post(step_url("about-you"), post("about-you", height_cm="20"))
    page = response.content.decode()
    assert "Su estatura debe estar entre" in page
    assert "Por favor, revise 1 respuesta" in page
    response = client.post(step_url("blood-pressure"), post("blood-pressure", systolic_1=...))
    assert "Medición 1: escriba el número de arriba." in response.content.decode()


@pytest.mark.django_db
def test_no_english_sentence_is_left_on_the_questionnaire_and_result_pages():
    client = spanish_client(make_patient())
    pages = {"/intake/": client.get("/intake/").content}
    client.post("/intake/")
    for slug in SLUGS:  # each step as met, before and after it is saved
        pages[step_url(slug)] = client.get(step_url(slug)).content
        client.post(step_url(slug), CLEAN_POSTS[slug])
    pages["/intake/review/"] = client.get("/intake/review/").content
    pages["/intake/support/"] = client.get("/intake/support/").content
    draft_id = client.get("/intake/review/").context["draft"].public_id
    result = client.post("/intake/submit/", {"draft": draft_id}, follow=True)
    pages["result"] = result.content
    left = {url: english_left(content) for url, content in pages.items()}
    assert {url: found for url, found in left.items() if found} == {}
    assert {url: html_lang(content) for url, content in pages.items()} == dict.fromkeys(pages, "es")


@pytest.mark.django_db
def test_the_crisis_resources_give_the_lifelines_spanish_line():
    client = spanish_client(make_patient())
    complete_steps(client, safety=CASES["crisis"]["safety"])
    page = client.get("/intake/review/").content.decode()
    assert "llame al 988 y luego marque 2" in page.lower()
    assert "No tiene que pasar por esto solo(a)" in page
    assert english_left(page.encode()) == []


@pytest.mark.django_db(transaction=True)
def test_the_receipt_is_emailed_in_the_patients_language():
    patient = make_patient()
    client = spanish_client(patient)
    client.post("/language/", {"language": "es", "next": "/account/"})
    mail.outbox.clear()
    _submit(client)
    receipt = [m for m in mail.outbox if patient.user.email in m.to][-1]
    assert "Hemos recibido su cuestionario" in receipt.subject
    assert "Gracias: su cuestionario llegó" in receipt.body
    assert "marque 2" in receipt.body


def test_the_catalogue_has_no_empty_or_fuzzy_entry():
    text = PO.read_text(encoding="utf-8")
    entries = text.split("\n\n")[1:]
    assert entries
    for entry in entries:
        assert "#, fuzzy" not in entry and ", fuzzy" not in entry, entry
        assert not re.search(r'^msgstr(\[\d\])? ""\n?(?!")', entry + "\n", re.M), entry


@pytest.mark.django_db
def test_the_english_detector_finds_the_english_pages_sentences():
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US")
    client.force_login(make_patient().user)
    client.post("/intake/")
    page = client.get(step_url("contacts")).content.replace(b'<html lang="en">', b"<html>")
    found = english_left(page)
    assert "Save and continue" in found
    assert any("Someone we can call" in chunk for chunk in found)


@pytest.mark.django_db
def test_staff_read_a_spanish_questionnaire_in_english_with_a_note():
    patient = make_patient()
    patient.language = "es"
    patient.save()
    submission = _submit(
        spanish_client(patient), contacts=post("contacts", support_name="Jos\u00e9 Pe\u00f1a")
    )
    assert submission.language == "es"
    staff = Client(HTTP_ACCEPT_LANGUAGE=SPANISH)
    staff.force_login(make_user(Role.CLINICIAN))
    case_url = f"/review/cases/{submission.public_id}/"
    for url in (case_url, f"{case_url}referral/"):
        page = staff.get(url).content.decode()
        assert html_lang(page.encode()) == "en", url
        assert "answered this questionnaire in Spanish" in page, url
    case = staff.get(case_url).content.decode()
    assert "Have you had problems with alcohol or drug use?" in case
    assert "Jos\u00e9 Pe\u00f1a" in case  # typed text as typed
    assert "Ningún día" not in case and "Sí" not in case


@pytest.mark.django_db
def test_signing_up_in_spanish_keeps_spanish_and_confirms_the_address_in_spanish():
    from tests.integration.patients.test_signup import SIGNUP

    client = Client(HTTP_ACCEPT_LANGUAGE=SPANISH)
    page = client.get("/accounts/signup/").content
    assert b"Fecha de nacimiento" in page and english_left(page) == []
    mail.outbox.clear()
    response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    patient = Patient.objects.get(user__email=SIGNUP["email"])
    assert patient.language == "es"
    (message,) = mail.outbox
    assert "Confirme su dirección de correo electrónico" in message.subject
    assert "Le damos la bienvenida" in message.body
    assert "It holds no health information" not in message.body


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/no-such-page/"])
def test_pages_before_sign_in_have_no_english_left(url):
    assert english_left(Client(HTTP_ACCEPT_LANGUAGE=SPANISH).get(url).content) == []


@pytest.mark.django_db
def test_the_pages_of_a_course_not_yet_in_spanish_say_so_and_are_marked_english():
    from tests.treatment import make_course, make_session
    from treatment.rules import Setting

    course = make_course(setting=Setting.AT_HOME)
    session = make_session(course, setting=Setting.AT_HOME)
    client = spanish_client(course.patient)
    for url in ("/treatment/mine/", f"/treatment/mine/sessions/{session.public_id}/"):
        page = client.get(url)
        assert page.status_code == 200, url
        html = page.content.decode()
        assert html_lang(page.content) == "es"
        assert '<main id="main" class="container my-4 flex-grow-1" lang="en">' in html
        assert "Esta página todavía no está disponible en español" in html
    account = client.get("/account/").content.decode()
    assert "no está disponible en español" not in account


@pytest.mark.django_db
def test_the_idle_warning_counts_down_in_spanish():
    page = spanish_client(make_patient()).get("/account/").content.decode()
    assert 'data-minutes="minutos"' in page and 'data-seconds="segundos"' in page
    assert "Por su privacidad, se cerrará su sesión" in page
