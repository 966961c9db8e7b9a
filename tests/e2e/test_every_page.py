"""Every page of the patient, clinician and admin journeys: no serious accessibility
violation (axe-core), and nothing wider than a 390 px phone.

The phone check uses a desktop context 390 px wide: in a mobile context Chromium
widens the layout viewport to the content, so a page too wide would pass.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]

from patients.intake import steps
from patients.models import IntakeDraft
from patients.roles import Role
from patients.services import draft_open
from screening.rules import DEFAULT_THRESHOLDS
from screening.rulesets.models import RuleSet
from screening.rulesets.services import ruleset_draft_create
from tests.e2e.sessions import signed_in_context
from tests.factories import make_case, make_clinical_lead, make_patient, make_user
from tests.treatment import make_course, make_record

pytestmark = pytest.mark.django_db(transaction=True)

SERIOUS = ("serious", "critical")
PHONE_WIDTH = 390


@pytest.fixture
def cast(controlled_clock):
    """A patient with a case and a half-done draft, a clinician, a clinical lead, an admin."""
    RuleSet.objects.get_or_create(
        version=1,
        defaults={
            "name": "default-1",
            "status": "published",
            "thresholds": DEFAULT_THRESHOLDS.values(),
        },
    )
    patient = make_patient()
    case = make_case(patient=patient, support_person="no")
    urgent = make_patient(given_name="Dana")
    draft = draft_open(patient=urgent)
    IntakeDraft.objects.filter(pk=draft.pk).update(
        answers={
            "cssrs": {
                "wish_dead": True,
                "suicidal_thoughts": True,
                "method": True,
                "intent": True,
                "plan": False,
                "behavior_3_months": False,
            }
        },
        urgent_since="2026-01-01T00:00:00Z",
    )
    draft_open(patient=patient)
    admin = make_user(Role.ADMIN)
    ruleset_draft_create(actor=admin)
    clinician = make_user(Role.CLINICIAN)
    course = make_course(case=case, clinician=clinician)
    record = make_record(course, clinician, dosed_at=controlled_clock.now())
    controlled_clock.advance(minutes=50)  # an observation is due: the session screen is busy
    at_home, calling = at_home_patients()
    from tests.treatment import make_home_course, make_home_session

    waiting = make_home_session(make_home_course(case=make_case(patient=make_patient())))
    therapist = therapy_around(clinician, course, at_home, waiting)
    return {
        "therapist": therapist,
        "waiting": waiting,
        "at_home": at_home,
        "calling": calling,
        "patient": patient,
        "case": case,
        "urgent_draft": draft,
        "clinician": clinician,
        "course": course,
        "session": record.session,
        "lead": make_clinical_lead(),
        "admin": admin,
    }


def therapy_around(clinician, course, dosing, waiting):
    """A therapist with three patients: the dosing one's integration is due, the waiting
    one has written goals and an intention and is not yet prepared."""
    from tests.treatment import assign_therapist, plan_meetings, prescribe
    from treatment.rules.therapy import Focus, Route
    from treatment.therapy.services import goals_write, intention_write

    therapist = make_user(Role.THERAPIST)
    assign_therapist(course, therapist, clinician=clinician)
    assign_therapist(dosing.course, therapist, focus=Focus.ANGER, clinician=clinician)
    assign_therapist(waiting.course, therapist, focus=Focus.SUBSTANCE_RECOVERY)
    for session in (dosing, waiting):
        plan_meetings(session)
    prescribe(waiting, "200.0", Route.SUBLINGUAL)
    patient = waiting.course.patient.user
    goals_write(course=waiting.course, goals=["Stay sober on weekends"], actor=patient)
    intention_write(session=waiting, text="To feel less alone", actor=patient)
    return therapist


def at_home_patients():
    """Two at-home patients with a session today: one dosing (readings due), one whose
    check-in called for crisis resources."""
    from tests.treatment import check_in, make_home_course, make_home_session, start_dose

    dosing = make_home_session(make_home_course(case=make_case(patient=make_patient())))
    check_in(dosing)
    start_dose(dosing)
    calling = make_home_session(make_home_course(case=make_case(patient=make_patient())))
    check_in(calling, behavior="yes")
    return dosing, calling


def at_home_pages(cast):
    """(who, path) of the at-home loop's pages, for the patient and the clinician."""
    dosing, calling = cast["at_home"], cast["calling"]
    waiting = cast["waiting"]
    mine = "/treatment/mine/sessions/{}/"
    return [
        (dosing.course.patient.user, "/treatment/mine/"),
        (dosing.course.patient.user, mine.format(dosing.public_id)),
        (calling.course.patient.user, "/treatment/mine/"),
        (calling.course.patient.user, mine.format(calling.public_id)),
        (waiting.course.patient.user, mine.format(waiting.public_id)),
        (waiting.course.patient.user, mine.format(waiting.public_id) + "check-in/"),
        (waiting.course.patient.user, "/treatment/mine/questionnaires/"),
        (cast["clinician"], "/treatment/today/"),
        (cast["clinician"], f"/treatment/courses/{dosing.course.public_id}/"),
        (cast["clinician"], f"/treatment/sessions/{dosing.public_id}/"),
        (cast["clinician"], f"/treatment/sessions/{calling.public_id}/"),
    ]


def therapy_pages(cast):
    """(who, path) of the therapy around each dose: the therapist's, the patient's."""
    dosing, waiting = cast["at_home"], cast["waiting"]
    therapist = cast["therapist"]
    mine = "/treatment/mine/sessions/{}/therapy/"
    return [
        (therapist, "/therapy/"),
        (therapist, f"/therapy/courses/{dosing.course.public_id}/"),
        (therapist, f"/therapy/courses/{dosing.course.public_id}/intake/"),
        (therapist, f"/therapy/sessions/{dosing.public_id}/"),
        (therapist, f"/therapy/sessions/{waiting.public_id}/"),
        (waiting.course.patient.user, "/treatment/mine/goals/"),
        (waiting.course.patient.user, mine.format(waiting.public_id)),
        (dosing.course.patient.user, mine.format(dosing.public_id)),
        (cast["clinician"], f"/treatment/courses/{waiting.course.public_id}/"),
        (cast["clinician"], f"/treatment/sessions/{waiting.public_id}/"),
    ]


def pages(cast):
    """(who, path) for every page of the three journeys."""
    case_id = cast["case"].submission.public_id
    patient_pages = [
        "/account/",
        "/intake/",
        *(f"/intake/step/{slug}/" for slug in steps.SLUGS),
        "/intake/review/",
        "/intake/support/",
        f"/submissions/{case_id}/",
        "/treatment/mine/",
        "/accounts/email/",
        "/accounts/password/change/",
    ]
    clinician_pages = [
        *(
            f"/review/?tab={tab}"
            for tab in ("waiting", "mine", "others", "awaiting_patient", "decided")
        ),
        f"/review/cases/{case_id}/",
        f"/review/drafts/{cast['urgent_draft'].public_id}/",
        "/rulesets/",
        "/rulesets/2/",
        "/accounts/2fa/",
        "/treatment/today/",
        "/treatment/unsigned/",
        f"/treatment/courses/{cast['course'].public_id}/",
        "/treatment/courses/",
        f"/patients/{cast['case'].patient.public_id}/",
        f"/treatment/sessions/{cast['session'].public_id}/",
        "/dashboard/",
        "/treatment/outcomes/",
        f"/review/cases/{case_id}/referral/",
    ]
    admin_pages = [
        "/rulesets/",
        "/rulesets/1/",
        "/rulesets/2/",
        "/rulesets/golden/",
        "/review/audit/",
        "/dashboard/",
        "/treatment/outcomes/",
        "/api-tokens/",
        "/treatment/courses/",
    ]
    anonymous_pages = ["/", "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
    return (
        [(None, path) for path in anonymous_pages]
        + [(cast["patient"].user, path) for path in patient_pages]
        + [(cast["clinician"], path) for path in clinician_pages]
        + [(cast["lead"], "/rulesets/2/")]
        + [(cast["admin"], path) for path in admin_pages]
        + at_home_pages(cast)
        + therapy_pages(cast)
    )


def test_no_page_has_a_serious_accessibility_violation(browser, live_server, cast):
    axe = Axe()
    found = []
    contexts = {}
    for user, path in pages(cast):
        if user not in contexts:
            contexts[user] = signed_in_context(browser, live_server, user)
        page = contexts[user].new_page()
        response = page.goto(path)
        assert response.status < 400, (path, response.status)
        results = axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in SERIOUS:
                nodes = [node["target"] for node in violation["nodes"]][:3]
                found.append(f"{path}: {violation['id']} ({violation['impact']}) at {nodes}")
        page.close()
    for context in contexts.values():
        context.close()

    assert found == []


# Text that names 988 or 911 with no link a phone can call or text next to it.
UNLINKED_NUMBERS = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!/\\b(988|911)\\b/.test(node.textContent)) continue;
    const block = node.parentElement.closest("section, .alert, li, p, td, div");
    const around = block && (block.closest("section, .alert") || block);
    if (!around || !around.querySelector("a[href^='tel:'], a[href^='sms:']")) {
      found.push(node.textContent.trim().slice(0, 60));
    }
  }
  return found;
}"""


def test_no_page_scrolls_sideways_at_390_px_and_988_and_911_are_links(browser, live_server, cast):
    wide, unlinked = [], []
    contexts = {}
    for user, path in pages(cast):
        if user not in contexts:
            contexts[user] = signed_in_context(browser, live_server, user, width=PHONE_WIDTH)
        page = contexts[user].new_page()
        page.goto(path)
        widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        if widths[0] > widths[1]:
            wide.append(f"{path}: {widths[0]} px wide in a {widths[1]} px window")
        unlinked.extend(f"{path}: {text}" for text in page.evaluate(UNLINKED_NUMBERS))
        page.close()
    for context in contexts.values():
        context.close()

    assert wide == []
    assert unlinked == []
