"""The patient journey in Spanish, in Chromium: the switch from the home page, sign-in, the
whole questionnaire with a crisis answer, the crisis page and the result, with the keyboard,
axe-core with lang="es" on <html>, and at 390 px.

The instruments are asked as a patient meets them today (their Spanish not yet read back
against the publishers' forms: English, marked lang="en") and as they will be once it is."""

import pytest

from patients.intake import wording, wording_es
from patients.models import Patient
from tests.e2e.accessible import assert_accessible_on_desktop_and_phone
from tests.e2e.test_intake_journey import choose, tick, type_into
from tests.factories import PASSWORD, make_patient

pytestmark = pytest.mark.django_db(transaction=True)


def words(name, *path, read_back):
    """The label a patient reads: the validated Spanish once read back, else the English."""
    source = wording_es if read_back and hasattr(wording_es, name) else wording
    value = getattr(source, name)
    for step in path:
        value = value[step]
    return value


def html_lang(page):
    return page.evaluate("document.documentElement.lang")


def continue_(page):
    page.get_by_role("button", name="Guardar y continuar").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def switch_to_spanish(page):
    page.goto("/")
    assert html_lang(page) == "en"
    switch = page.get_by_role("button", name="Español")
    assert switch.get_attribute("lang") == "es"
    switch.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert html_lang(page) == "es"
    assert page.get_by_role("button", name="English").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Evaluación para la terapia con ketamina").is_visible()
    assert_accessible_on_desktop_and_phone(page)


def sign_in_in_spanish(page, email):
    page.get_by_role("link", name="Iniciar sesión").first.click()
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_label("Contraseña").press("Enter")
    page.wait_for_url("**/account/")
    assert html_lang(page) == "es"
    assert page.get_by_role("heading", name="Hola, Robin").is_visible()


def reading(page, number, systolic, diastolic, pulse):
    group = f"Medición {number}"
    type_into(page, "Número de arriba (sistólica)", systolic, within=group)
    type_into(page, "Número de abajo (diastólica)", diastolic, within=group)
    type_into(page, "Pulso (frecuencia cardíaca)", pulse, within=group)


def answer_in_spanish(page, read_back):
    """Every step, a clean candidate but for a suicidal plan, with the keyboard alone."""
    choose(page, "¿Qué sexo le asignaron al nacer?", "Femenino")
    choose(page, "¿Está embarazada, o podría estarlo?", "No")
    choose(page, "¿Está amamantando?", "No")
    type_into(page, "Estatura en centímetros", "168")
    type_into(page, "Peso en kilogramos", "64")
    continue_(page)

    reading(page, 1, "122", "78", "72")
    reading(page, 2, "120", "76", "70")
    continue_(page)

    tick(page, "Ninguna de estas")
    choose(page, "¿Alguna vez ha tenido alergia o una mala reacción a la ketamina", "No")
    continue_(page)

    tick(page, "Ninguna de estas")
    continue_(page)

    choose(page, "¿Alguna vez ha tenido síntomas psicóticos", "No, nunca")
    choose(page, "¿Alguna vez ha tenido un episodio maníaco", "No")
    choose(page, "¿Le han diagnosticado un trastorno disociativo", "No")
    choose(page, "En el último año, ¿se ha comportado de forma agresiva", "No")
    continue_(page)

    choose(
        page,
        "¿Ha tenido problemas por el consumo de alcohol o drogas?",
        "No, nunca he tenido problemas con el alcohol ni con las drogas",
    )
    choose(page, "¿Alguna vez ha usado ketamina fuera de la atención médica", "No")
    audit = words("AUDIT_C_QUESTIONS", 0, read_back=read_back)
    choose(page, audit[0], audit[1][0][1])
    # DAST-10 has no validated Spanish: asked in English, under a Spanish heading.
    choose(
        page,
        "1. Have you used drugs other than those required",
        "No",
        within="Consumo de drogas en los últimos 12 meses",
    )
    continue_(page)

    options = [label for _, label in words("OVER_TWO_WEEKS", read_back=read_back)]
    for number in range(1, 9):
        choose(page, f"{number}. ", options[2], within="Su estado de ánimo")
    choose(page, "9. ", options[0], within="Su estado de ánimo")
    for number in range(1, 8):
        choose(page, f"{number}. ", options[1], within="Preocupación y ansiedad")
    choose(page, "¿Le han diagnosticado trastorno de pánico", "No")
    continue_(page)

    def question(key):
        return words("CSSRS_QUESTIONS", key, read_back=read_back)[:40]

    choose(page, question("wish_dead"), "Sí")
    choose(page, question("suicidal_thoughts"), "Sí")
    choose(page, question("method"), "Sí")
    choose(page, question("intent"), "No")
    choose(page, question("plan"), "Sí")
    choose(page, question("behavior_lifetime"), "No")
    continue_(page)

    # Crisis resources before anything else, with the Lifeline's Spanish line.
    assert "/intake/support/" in page.url
    assert page.locator("main h2").first.inner_text() == "No tiene que pasar por esto solo(a)"
    crisis = page.locator("main")
    lifeline = crisis.get_by_role("link", name="Llame al 988 y luego marque 2")
    assert lifeline.get_attribute("href") == "tel:988"
    texting = crisis.get_by_role("link", name="envíe AYUDA por mensaje de texto al 988")
    assert texting.get_attribute("href") == "sms:988"
    assert_accessible_on_desktop_and_phone(page)
    page.get_by_role("link", name="Continuar el cuestionario").click()

    type_into(page, "¿Cuántos medicamentos antidepresivos diferentes", "3")
    continue_(page)

    choose(page, "¿Tiene en su casa un lugar seguro", "Sí")
    choose(page, "¿Hay un adulto de su confianza", "Sí")
    continue_(page)

    type_into(page, "Contacto de emergencia: nombre", "José Ejemplo")
    type_into(page, "Contacto de emergencia: número de teléfono", "+1 555 010 0100")
    type_into(page, "Persona de apoyo: nombre", "Carmen Ejemplo")
    type_into(page, "Persona de apoyo: número de teléfono", "(555) 010-0101")
    type_into(page, "La dirección de sus sesiones en casa", "12 Elm Street\nSpringfield, IL 62701")
    continue_(page)


@pytest.mark.parametrize("read_back", [False, True], ids=["as-today", "once-read-back"])
def test_a_patient_answers_in_spanish_and_reads_the_crisis_page_and_result(
    page, read_back, monkeypatch
):
    for instrument in wording_es.READ_BACK:
        monkeypatch.setitem(wording_es.READ_BACK, instrument, read_back)
    patient = make_patient(email=f"espanol-{int(read_back)}@example.org")
    switch_to_spanish(page)
    sign_in_in_spanish(page, patient.user.email)
    assert Patient.objects.get(pk=patient.pk).language == "es"  # kept on the account

    page.get_by_role("button", name="Comenzar el cuestionario").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/intake/step/about-you/")
    assert page.get_by_text("Paso 1 de 12").is_visible()
    assert_accessible_on_desktop_and_phone(page)

    answer_in_spanish(page, read_back)

    assert page.get_by_role("heading", name="Revise sus respuestas").is_visible()
    assert html_lang(page) == "es"
    assert_accessible_on_desktop_and_phone(page)
    page.get_by_role("button", name="Enviar mis respuestas").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/submissions/**")

    assert page.get_by_role("heading", name="Gracias: sus respuestas se han enviado").is_visible()
    assert page.get_by_text(
        "Un profesional de salud revisará sus respuestas", exact=True
    ).is_visible()
    assert (
        page.locator("main").get_by_role("link", name="Llame al 988 y luego marque 2").is_visible()
    )
    assert_accessible_on_desktop_and_phone(page)
    submission = patient.submissions.get()
    assert submission.language == "es"
    assert submission.answers["cssrs"]["plan"] is True  # the same codes as in English
