"""The addresses of courses: names and paths as they have always been."""

from django.urls import path

from treatment.courses import list_views, session_views, views

urlpatterns = [
    path("treatment/courses/", list_views.courses, name="treatment_courses"),
    path(
        "treatment/cases/<uuid:public_id>/course/",
        list_views.case_course,
        name="treatment_case_course",
    ),
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
        "treatment/sessions/<uuid:session_id>/",
        session_views.session_detail,
        name="treatment_session",
    ),
    path(
        "treatment/sessions/<uuid:session_id>/override/",
        session_views.session_override,
        name="treatment_session_override",
    ),
    path("treatment/mine/", views.my_treatment, name="my_treatment"),
]
