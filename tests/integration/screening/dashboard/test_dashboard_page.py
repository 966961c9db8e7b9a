"""The dashboard page: charts from static files, each figure as a table and as CSV, audited."""

import csv
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from patients.roles import Role
from screening.audit.models import AuditEntry
from screening.dashboard.selectors import dashboard_figures
from screening.dashboard.tasks import dashboard_refresh
from tests.factories import make_case, make_patient, make_user

pytestmark = pytest.mark.django_db


def signed_in(role):
    client = Client()
    user = make_user(role)
    client.force_login(user)
    return client, user


@pytest.mark.parametrize("role", [Role.CLINICIAN, Role.ADMIN])
def test_clinicians_and_admins_open_the_dashboard_and_the_read_is_audited(role):
    make_case(support_person="no")
    client, user = signed_in(role)

    response = client.get("/dashboard/?weeks=26")

    assert response.status_code == 200
    page = response.content.decode()
    for slug in ("cases-per-week", "queue", "rules", "overrides"):
        assert f'data-chart="{slug}"' in page
        assert f"/dashboard/export.csv?chart={slug}&amp;weeks=26" in page
    assert '<script id="dashboard-charts" type="application/json">' in page
    assert "/static/vendor/chartjs/chart.umd.min.js" in page
    assert "/static/js/dashboard.js" in page
    assert "<script>" not in page  # no inline script: the policy forbids it
    assert '<th scope="row">no_support_person</th>' in page
    entry = AuditEntry.objects.get(action=AuditEntry.Action.DASHBOARD_VIEWED)
    assert (entry.actor, entry.detail) == (user, "last 26 weeks")


def test_an_unknown_period_shows_the_default_twelve_weeks():
    client, _ = signed_in(Role.CLINICIAN)

    response = client.get("/dashboard/?weeks=1000")

    assert response.context["weeks"] == 12


def test_each_figure_downloads_as_csv_and_the_download_is_audited():
    make_case(support_person="no")
    make_case()
    client, user = signed_in(Role.ADMIN)

    response = client.get("/dashboard/export.csv?chart=rules&weeks=4")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="rules-4-weeks.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [["Rule", "Cases", "Share of cases (%)"], ["no_support_person", "1", "50.0"]]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.DASHBOARD_EXPORTED)
    assert (entry.actor, entry.detail) == (user, "rules, last 4 weeks")


def test_an_unknown_figure_is_not_found():
    client, _ = signed_in(Role.CLINICIAN)

    assert client.get("/dashboard/export.csv?chart=names").status_code == 404


def test_patients_may_not_see_the_dashboard():
    client = Client()
    client.force_login(make_patient().user)

    assert client.get("/dashboard/").status_code == 403
    assert client.get("/dashboard/export.csv?chart=queue").status_code == 403


def test_the_number_of_queries_does_not_grow_with_the_cases():
    def queries():
        with CaptureQueriesContext(connection) as captured:
            dashboard_figures(12)
        return len(captured)

    # One open case of each priority (on SQLite the median reads each priority's middle).
    make_case(support_person="no", hours_ago=2)
    make_case(pregnant="yes", hours_ago=2)
    make_case(psychosis="current", hours_ago=2)
    few = queries()
    for hours in range(3, 23):
        make_case(support_person="no" if hours % 2 else "yes", pregnant="yes", hours_ago=hours)
    many = queries()

    assert many == few


def test_the_page_reads_a_snapshot_that_beat_renews():
    make_case(support_person="no")
    client, _ = signed_in(Role.CLINICIAN)
    client.get("/dashboard/")
    make_case(support_person="no")

    stale = client.get("/dashboard/export.csv?chart=rules&weeks=12").content.decode()
    dashboard_refresh.delay()
    fresh = client.get("/dashboard/export.csv?chart=rules&weeks=12").content.decode()

    assert "no_support_person,1,100.0" in stale
    assert "no_support_person,2,100.0" in fresh
    assert "Figures as of" in client.get("/dashboard/").content.decode()


@pytest.mark.parametrize("weeks", ["\u00b2", "\u0661\u0662", "9" * 5000, "4.0", "-4"], ids=repr)
def test_a_period_in_other_digits_shows_the_default_period(weeks):
    client, _ = signed_in(Role.CLINICIAN)

    page = client.get("/dashboard/", {"weeks": weeks})
    export = client.get("/dashboard/export.csv", {"chart": "queue", "weeks": weeks})

    assert page.status_code == 200
    assert page.context["weeks"] == 12
    assert export.status_code == 200
    assert export["Content-Disposition"].endswith('-12-weeks.csv"')
