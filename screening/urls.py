from django.urls import path

from screening import views

urlpatterns = [
    path("review/", views.queue, name="queue"),
    path("review/cases/<uuid:public_id>/", views.case_detail, name="case_detail"),
    path("review/cases/<uuid:public_id>/decide/", views.case_decide, name="case_decide"),
    path("review/cases/<uuid:public_id>/claim/", views.case_claim_view, name="case_claim"),
    path("review/drafts/<uuid:public_id>/", views.draft_detail, name="draft_detail"),
    path("review/audit/", views.audit_log, name="audit_log"),
]
