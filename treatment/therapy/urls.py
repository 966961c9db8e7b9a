"""The addresses of therapy: names and paths as they have always been."""

from django.urls import path

from treatment.therapy import caseload, views

urlpatterns = [
    path(
        "treatment/courses/<uuid:course_id>/therapy/",
        views.course_therapy,
        name="treatment_course_therapy",
    ),
    path(
        "treatment/sessions/<uuid:session_id>/prescription/",
        views.session_prescription,
        name="treatment_session_prescription",
    ),
    path("treatment/mine/goals/", views.my_goals, name="my_goals"),
    path(
        "treatment/mine/sessions/<uuid:session_id>/therapy/",
        views.my_therapy,
        name="my_therapy",
    ),
    path(
        "treatment/mine/sessions/<uuid:session_id>/therapy/intention/",
        views.my_intention,
        name="my_intention",
    ),
    path(
        "treatment/mine/sessions/<uuid:session_id>/therapy/reflection/",
        views.my_reflection,
        name="my_reflection",
    ),
    path("therapy/", caseload.caseload, name="therapy_caseload"),
    path("therapy/courses/<uuid:course_id>/", caseload.course, name="therapy_course"),
    path(
        "therapy/courses/<uuid:course_id>/intake/",
        caseload.intake,
        name="therapy_intake",
    ),
    path("therapy/sessions/<uuid:session_id>/", caseload.session, name="therapy_session"),
    path(
        "therapy/sessions/<uuid:session_id>/preparation/",
        caseload.preparation,
        name="therapy_preparation",
    ),
    path(
        "therapy/sessions/<uuid:session_id>/readiness/",
        caseload.readiness,
        name="therapy_readiness",
    ),
    path(
        "therapy/sessions/<uuid:session_id>/integration/",
        caseload.integration,
        name="therapy_integration",
    ),
    path(
        "therapy/sessions/<uuid:session_id>/day/",
        caseload.meeting_day,
        name="therapy_meeting_day",
    ),
]
