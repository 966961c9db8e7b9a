from django.urls import path

from screening.audit import views

urlpatterns = [path("review/audit/", views.audit_log, name="audit_log")]
