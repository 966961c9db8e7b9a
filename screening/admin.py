from django.contrib import admin

from screening.review.models import ClinicianNotification


@admin.register(ClinicianNotification)
class ClinicianNotificationAdmin(admin.ModelAdmin[ClinicianNotification]):
    """Unsent rows are notifications the broker or the mail server has not delivered yet."""

    list_display = ("kind", "priority", "created_at", "sent_at")
    list_filter = ("kind", "priority", ("sent_at", admin.EmptyFieldListFilter))
    readonly_fields = ("kind", "priority", "submission", "draft", "created_at", "sent_at")
