from django.urls import path

from treatment import home_views, therapist_views, therapy_views, views

urlpatterns = [
    path("treatment/today/", views.today, name="treatment_today"),
    path("treatment/unsigned/", views.unsigned, name="treatment_unsigned"),
    path("treatment/courses/<uuid:course_id>/", views.course_detail, name="treatment_course"),
    path(
        "treatment/courses/<uuid:course_id>/schedule/",
        views.course_schedule,
        name="treatment_course_schedule",
    ),
    path(
        "treatment/courses/<uuid:course_id>/status/",
        views.course_status,
        name="treatment_course_status",
    ),
    path(
        "treatment/courses/<uuid:course_id>/safety-check/",
        views.course_safety_check,
        name="treatment_course_safety_check",
    ),
    path(
        "treatment/courses/<uuid:course_id>/notes/",
        views.course_note,
        name="treatment_course_note",
    ),
    path(
        "treatment/courses/<uuid:course_id>/therapy/",
        therapy_views.course_therapy,
        name="treatment_course_therapy",
    ),
    path("treatment/tasks/<uuid:task_id>/", views.task_change, name="treatment_task"),
    path("treatment/sessions/<uuid:session_id>/", views.session_detail, name="treatment_session"),
    path(
        "treatment/sessions/<uuid:session_id>/check/",
        views.session_check,
        name="treatment_session_check",
    ),
    path(
        "treatment/sessions/<uuid:session_id>/override/",
        views.session_override,
        name="treatment_session_override",
    ),
    path(
        "treatment/sessions/<uuid:session_id>/prescription/",
        therapy_views.session_prescription,
        name="treatment_session_prescription",
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
        views.record_sign_view,
        name="treatment_record_sign",
    ),
    path(
        "treatment/records/<uuid:record_id>/amend/",
        views.record_amend_view,
        name="treatment_record_amend",
    ),
    path(
        "treatment/records/<uuid:record_id>/print/",
        views.record_print,
        name="treatment_record_print",
    ),
    path(
        "treatment/records/<uuid:record_id>/pdf/",
        views.record_pdf_view,
        name="treatment_record_pdf",
    ),
    path("treatment/mine/", views.my_treatment, name="my_treatment"),
    path("treatment/mine/questionnaires/", home_views.my_measures, name="my_treatment_measures"),
    path("treatment/mine/sessions/<uuid:session_id>/", home_views.my_session, name="my_session"),
    path(
        "treatment/mine/sessions/<uuid:session_id>/check-in/",
        home_views.my_check_in,
        name="my_session_check_in",
    ),
    path(
        "treatment/mine/sessions/<uuid:session_id>/start/",
        home_views.my_session_start,
        name="my_session_start",
    ),
    path(
        "treatment/mine/sessions/<uuid:session_id>/readings/",
        home_views.my_session_reading,
        name="my_session_reading",
    ),
    path(
        "treatment/mine/sessions/<uuid:session_id>/side-effects/",
        home_views.my_session_side_effects,
        name="my_session_side_effects",
    ),
    path("treatment/mine/goals/", therapy_views.my_goals, name="my_goals"),
    path(
        "treatment/mine/sessions/<uuid:session_id>/therapy/",
        therapy_views.my_therapy,
        name="my_therapy",
    ),
    path(
        "treatment/mine/sessions/<uuid:session_id>/therapy/intention/",
        therapy_views.my_intention,
        name="my_intention",
    ),
    path(
        "treatment/mine/sessions/<uuid:session_id>/therapy/reflection/",
        therapy_views.my_reflection,
        name="my_reflection",
    ),
    # The therapist's own patients.
    path("therapy/", therapist_views.caseload, name="therapy_caseload"),
    path("therapy/courses/<uuid:course_id>/", therapist_views.course, name="therapy_course"),
    path(
        "therapy/courses/<uuid:course_id>/intake/",
        therapist_views.intake,
        name="therapy_intake",
    ),
    path("therapy/sessions/<uuid:session_id>/", therapist_views.session, name="therapy_session"),
    path(
        "therapy/sessions/<uuid:session_id>/readiness/",
        therapist_views.readiness,
        name="therapy_readiness",
    ),
    path(
        "therapy/sessions/<uuid:session_id>/integration/",
        therapist_views.integration,
        name="therapy_integration",
    ),
    path(
        "therapy/sessions/<uuid:session_id>/day/",
        therapist_views.meeting_day,
        name="therapy_meeting_day",
    ),
]
