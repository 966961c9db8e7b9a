from django.urls import path

from screening.review import views

urlpatterns = [
    path("review/", views.queue, name="queue"),
    path("review/cases/<uuid:public_id>/", views.case_detail, name="case_detail"),
    path("review/cases/<uuid:public_id>/decide/", views.case_decide, name="case_decide"),
    path("review/cases/<uuid:public_id>/claim/", views.case_claim_view, name="case_claim"),
    path("review/cases/<uuid:public_id>/golden/", views.golden_from_case, name="golden_from_case"),
    path("review/drafts/<uuid:public_id>/", views.draft_detail, name="draft_detail"),
    path(
        "review/drafts/<uuid:public_id>/contacted/", views.draft_contacted, name="draft_contacted"
    ),
]
