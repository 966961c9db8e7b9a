"""The address of the Patients page."""

from django.urls import path

from treatment.people import views

urlpatterns = [path("patients/", views.patients, name="patients")]
