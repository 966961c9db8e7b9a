"""The Django admin for accounts: no second-factor secrets, no deletion, audited passwords."""

from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator

from patients.models import User
from patients.reauth import second_factor_recheck_required

# Second-factor secrets and recovery seeds are nobody's to read or edit, admins included.
if admin.site.is_registered(Authenticator):
    admin.site.unregister(Authenticator)


PERMISSION_FIELDS = ("is_superuser", "is_staff", "groups", "user_permissions")


@admin.register(User)
class UserAdmin(BaseUserAdmin[User]):
    ordering = ("email",)
    list_display = ("email", "first_name", "last_name", "is_staff", "is_active")
    search_fields = ("email", "first_name", "last_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Personal info", {"fields": ("first_name", "last_name")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        ("Important dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    actions = ("deactivate",)

    def get_readonly_fields(self, request: HttpRequest, obj: User | None = None) -> Any:
        """Who may do what is for superusers to change, and never on their own account."""
        readonly = tuple(super().get_readonly_fields(request, obj))
        editor = request.user
        if not editor.is_superuser or (obj is not None and obj.pk == editor.pk):
            readonly += PERMISSION_FIELDS
        return readonly

    def has_delete_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        """Users are deactivated, never deleted: the audit trail keeps who did what."""
        return False

    @admin.action(description="Deactivate the selected users (they can no longer sign in)")
    def deactivate(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        count = queryset.exclude(pk=request.user.pk or 0).update(is_active=False)
        messages.success(request, f"{count} user(s) deactivated.")

    @method_decorator(second_factor_recheck_required)
    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        """Setting a password here needs a fresh second factor, and is audited."""
        from screening.audit.models import AuditEntry
        from screening.audit.services import audit_record

        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            audit_record(
                actor=request.user,
                action=AuditEntry.Action.PASSWORD_SET_IN_ADMIN,
                detail=f"user {id}",
                request=request,
            )
        return response
