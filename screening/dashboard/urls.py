from django.urls import path

from screening.dashboard import views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/export.csv", views.dashboard_csv, name="dashboard_csv"),
]
