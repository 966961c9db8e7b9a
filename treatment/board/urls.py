"""The addresses of board: names and paths as they have always been."""

from django.urls import path

from treatment.board import views

urlpatterns = [
    path("treatment/today/", views.today, name="treatment_today"),
    path("treatment/unsigned/", views.unsigned, name="treatment_unsigned"),
]
