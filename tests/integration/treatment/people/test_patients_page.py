"""The Patients page: search in every form, where each patient stands, keyset pages, scope."""

import re
from datetime import date, timedelta

import pytest

from patients.models import IntakeDraft
from patients.roles import Role
from screening.audit.models import AuditEntry
from screening.review.models import Case
from tests.decided import decided_case
from tests.factories import make_case, make_patient, make_user
from tests.treatment import assign_therapist, make_course, make_session, make_task
from treatment import clock
from treatment.checks.models import PreDoseCheck
from treatment.courses.models import TreatmentCourse
from treatment.people.selectors import PATIENTS_ORDER, patients_listed

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinician(client):
    user = make_user(Role.CLINICIAN)
    client.force_login(user)
    return user


def morgan_lee():
    patient = make_patient(given_name="Morgan", family_name="Lee", date_of_birth=date(1980, 4, 2))
    patient.phone = "(555) 010-0199"
    patient.save(update_fields=["phone"])
    return patient


def search(client, term):
    """Post the search (kept in the session), then list: the address never holds the term."""
    posted = client.post("/patients/", {"search": term})
    assert posted.status_code == 302 and term not in posted["Location"]
    response = client.get(posted["Location"])
    assert term not in response.request["PATH_INFO"] + response.request.get("QUERY_STRING", "")
    return response


def names(response):
    return [
        f"{r['patient'].given_name} {r['patient'].family_name}" for r in response.context["rows"]
    ]


@pytest.mark.parametrize(
    "term",
    [
        "Morgan Lee",
        "Lee, Morgan",
        "lee morgan",
        "Morg",
        "04/02/1980",
        "1980-04-02",
        "555 010 0199",
        "5550100199",
        "(555) 010-0199",
    ],
)
def test_it_finds_a_patient_by_each_form_of_query(client, clinician, term):
    morgan_lee()
    make_patient(given_name="Lee", family_name="Morganson", date_of_birth=date(1991, 1, 1))
    make_patient(given_name="Sam", family_name="Leeds", date_of_birth=date(1970, 4, 2))

    found = names(search(client, term))

    assert "Morgan Lee" in found
    assert "Sam Leeds" not in found


def test_the_last_name_first_form_reads_the_comma(client, clinician):
    morgan_lee()
    make_patient(given_name="Lee", family_name="Morgan")

    assert names(search(client, "Lee, Morgan")) == ["Morgan Lee"]
    assert names(search(client, "Morgan, Lee")) == ["Lee Morgan"]


def test_it_finds_a_patient_by_case_number(client, clinician):
    case = make_case(patient=morgan_lee())
    make_case()

    assert names(search(client, case.submission.case_number.lower())) == ["Morgan Lee"]


def test_no_term_reaches_an_address_or_the_audit_log(client, clinician):
    morgan_lee()

    response = search(client, "Lee, Morgan")
    html = response.content.decode()

    assert not re.search(r'href="[^"]*(Lee|Morgan)', html)
    entry = AuditEntry.objects.filter(action="patients_listed").latest("pk")
    assert entry.detail == "1 patient, searched"
    assert "Show everyone" in html
    client.post("/patients/", {"clear": "1"})
    assert client.get("/patients/").context["searched"] is False


def test_each_row_says_where_the_patient_stands(client, clinician):
    today = clock.today()
    make_patient(given_name="Avery", family_name="A-screening")
    IntakeDraft.objects.create(patient=make_patient(given_name="Blake", family_name="B-intake"))
    make_case(patient=make_patient(given_name="Casey", family_name="C-awaiting"))
    open_course = make_course(case=make_case(patient=make_patient(family_name="D-open")))
    make_session(open_course, day=today + timedelta(days=3))
    held = make_session(open_course, day=today + timedelta(days=5))
    PreDoseCheck.objects.create(
        session=held, setting="in_clinic", answers={}, outcome="hold", result={}, limits={}
    )
    make_task(open_course)
    paused = make_course(case=make_case(patient=make_patient(family_name="E-paused")))
    TreatmentCourse.objects.filter(pk=paused.pk).update(status="paused")
    ended = make_course(case=make_case(patient=make_patient(family_name="F-ended")))
    TreatmentCourse.objects.filter(pk=ended.pk).update(status="ended")
    Case.objects.filter(pk=ended.case_id).update(status="decided")
    decided_case(outcome="decline", reason="Not suitable", patient=None)

    response = client.get("/patients/")
    rows = {r["patient"].family_name: r for r in response.context["rows"]}

    assert {name: row["standing"].stage for name, row in rows.items() if "-" in name} == {
        "A-screening": "Screening: no intake sent yet",
        "B-intake": "Screening: intake in progress",
        "C-awaiting": "Awaiting decision",
        "D-open": "Course open",
        "E-paused": "Course paused",
        "F-ended": "Course ended",
    }
    opened = rows["D-open"]["patient"]
    assert opened.next_session == today + timedelta(days=3)
    assert (opened.holds, opened.open_tasks) == (1, 1)
    assert "Decided: Decline" in [r["standing"].stage for r in rows.values()]
    html = response.content.decode()
    assert "1 hold" in html and "1 open task" in html


def test_each_row_links_to_the_patients_chart(client, clinician):
    patient = morgan_lee()
    make_case(patient=patient, hours_ago=5)
    make_case(patient=patient)

    (row,) = client.get("/patients/").context["rows"]

    assert row["url"] == f"/patients/{patient.public_id}/"
    assert client.get(row["url"]).status_code == 200
    assert 'class="stretched-link' in client.get("/patients/").content.decode()


def test_a_therapist_sees_only_their_own_caseload_linked_to_the_chart(client):
    therapist = make_user(Role.THERAPIST)
    mine = make_course(case=make_case(patient=morgan_lee()))
    assign_therapist(mine, therapist)
    assign_therapist(make_course(case=make_case(patient=make_patient(family_name="Other"))))
    make_patient(family_name="Nobody")
    client.force_login(therapist)

    rows = client.get("/patients/").context["rows"]
    found = names(search(client, "Other"))

    assert [r["patient"].family_name for r in rows] == ["Lee"]
    assert rows[0]["url"] == f"/patients/{mine.patient.public_id}/"
    assert client.get(rows[0]["url"]).status_code == 200
    assert found == []


def test_the_menu_leads_to_patients(client, clinician):
    assert 'href="/patients/">Patients</a>' in client.get("/review/").content.decode()


def walk(client, path="/patients/"):
    pages = []
    while path:
        response = client.get(path)
        pages.append([r["patient"].pk for r in response.context["rows"]])
        found = re.search(r'href="(\?[^"]*)"[^>]*>Next', response.content.decode())
        path = "/patients/" + found.group(1).replace("&amp;", "&") if found else None
    return pages


def test_keyset_pages_hold_the_rows_an_offset_would_give(client, clinician, settings):
    settings.PATIENTS_PAGE_SIZE = 4
    for index in range(11):
        make_patient(family_name=["Lee", "Adams", "Zhou"][index % 3], given_name=f"P{index % 4}")

    pages = walk(client)

    ordered = list(
        patients_listed(term="", user=clinician, therapist=False, today=clock.today())
        .order_by(*PATIENTS_ORDER)
        .values_list("pk", flat=True)
    )
    assert pages == [ordered[start : start + 4] for start in range(0, 11, 4)]
    back = client.get(f"/patients/?before={pages[1][0]}")
    assert [r["patient"].pk for r in back.context["rows"]] == pages[0]


def test_any_page_costs_the_same_queries(client, clinician, settings, django_assert_num_queries):
    settings.PATIENTS_PAGE_SIZE = 2
    for index in range(9):
        course = make_course(case=make_case(patient=make_patient(family_name=f"N{index}")))
        make_session(course)
        make_task(course)
    client.get("/patients/")  # the first page after signing in also renews the session
    # The session, the user, the role, the second factor, who signs off rule sets (the
    # header's count), the page and the audit entry.
    with django_assert_num_queries(7):
        client.get("/patients/")
    cursors = [client.get("/patients/").context["page"].next_after]
    for _ in range(3):
        cursors.append(client.get(f"/patients/?after={cursors[-1]}").context["page"].next_after)
    for cursor in cursors:
        with django_assert_num_queries(8):  # and the row the page starts after
            assert len(client.get(f"/patients/?after={cursor}").context["rows"]) >= 1
