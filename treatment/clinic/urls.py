"""The addresses of clinic: names and paths as they have always been."""

from django.urls import path

from treatment.clinic import record_views, views

urlpatterns = [
    path(
        "treatment/sessions/<uuid:session_id>/check/",
        views.session_check,
        name="treatment_session_check",
    ),
    path(
        "treatment/sessions/<uuid:session_id>/dose/",
        views.session_dose,
        name="treatment_session_dose",
    ),
    path(
        "treatment/sessions/<uuid:session_id>/observations/",
        views.session_observation,
        name="treatment_session_observation",
    ),
    path(
        "treatment/sessions/<uuid:session_id>/alerts/",
        views.session_alerts,
        name="treatment_session_alerts",
    ),
    path(
        "treatment/sessions/<uuid:session_id>/escort/",
        views.session_escort,
        name="treatment_session_escort",
    ),
    path(
        "treatment/sessions/<uuid:session_id>/discharge/",
        views.session_discharge,
        name="treatment_session_discharge",
    ),
    path(
        "treatment/records/<uuid:record_id>/sign/",
        record_views.record_sign_view,
        name="treatment_record_sign",
    ),
    path(
        "treatment/records/<uuid:record_id>/amend/",
        record_views.record_amend_view,
        name="treatment_record_amend",
    ),
    path(
        "treatment/records/<uuid:record_id>/print/",
        record_views.record_print,
        name="treatment_record_print",
    ),
    path(
        "treatment/records/<uuid:record_id>/pdf/",
        record_views.record_pdf_view,
        name="treatment_record_pdf",
    ),
]
