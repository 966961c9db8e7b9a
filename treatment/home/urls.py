"""The addresses of home: names and paths as they have always been."""

from django.urls import path

from treatment.home import views

urlpatterns = [
    path("treatment/mine/questionnaires/", views.my_measures, name="my_treatment_measures"),
    path("treatment/mine/sessions/<uuid:session_id>/", views.my_session, name="my_session"),
    path(
        "treatment/mine/sessions/<uuid:session_id>/check-in/",
        views.my_check_in,
        name="my_session_check_in",
    ),
    path(
        "treatment/mine/sessions/<uuid:session_id>/start/",
        views.my_session_start,
        name="my_session_start",
    ),
    path(
        "treatment/mine/sessions/<uuid:session_id>/readings/",
        views.my_session_reading,
        name="my_session_reading",
    ),
    path(
        "treatment/mine/sessions/<uuid:session_id>/side-effects/",
        views.my_session_side_effects,
        name="my_session_side_effects",
    ),
]
