"""A follow-up task's page: whom to call, then take it over or close it."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from patients.selectors import user_of
from screening.audit.models import AuditEntry
from treatment import clock
from treatment.courses.selectors import contacts_of
from treatment.courses.services import TreatmentError
from treatment.followup.forms import TaskForm
from treatment.followup.models import FollowUpTask
from treatment.followup.services import task_update
from treatment.pages import _audit

Action = AuditEntry.Action


@require_http_methods(["GET", "HEAD", "POST"])
def task_change(request: HttpRequest, task_id: str) -> HttpResponse:
    """A follow-up task: whom to call (tel: links), the session address; take it or close it."""
    task = (
        FollowUpTask.objects.select_related("course__patient", "course__case__submission", "owner")
        .filter(public_id=task_id)
        .first()
    )
    if task is None:
        raise Http404("No such task")
    form = TaskForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            try:
                task_update(
                    task=task,
                    action=form.cleaned_data["action"],
                    resolution=form.cleaned_data["resolution"],
                    actor=user_of(request),
                    request=request,
                )
            except TreatmentError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, "Task updated.")
                if request.POST.get("back") == "task":
                    return redirect("treatment_task", task_id=task.public_id)
                return redirect("treatment_course", course_id=task.course.public_id)
        else:
            messages.error(request, "Choose take over or close.")
    _audit(request, Action.TREATMENT_VIEWED, task.course, f"task {task.public_id}")
    return render(
        request,
        "treatment/task.html",
        {
            "task": task,
            "course": task.course,
            "contacts": contacts_of(task.course),
            "clinic_phone": settings.CLINIC_PHONE,
            "now": clock.now(),
        },
        status=400 if request.method == "POST" and not form.is_valid() else 200,
    )
