from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator
from django import forms
from django.db.models import Exists, OuterRef

from patients.models import User
from patients.roles import STAFF_ROLES

VALIDITY = (("30", "30 days"), ("90", "90 days"), ("365", "One year"), ("0", "Until revoked"))


def staff_accounts() -> Any:
    return (
        User.objects.filter(is_active=True, groups__name__in=[r.value for r in STAFF_ROLES])
        .filter(Exists(Authenticator.objects.filter(user=OuterRef("pk"), type="totp")))
        .distinct()
        .order_by("email")
    )


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        help_text="What will use it, for example “Riverside clinic EHR”.",
        error_messages={"required": "Name the token after what will use it."},
    )
    user = forms.ModelChoiceField(
        label="Reads as",
        queryset=User.objects.none(),
        help_text="The clinician or admin account the token acts for; its reads are audited "
        "under that account.",
        error_messages={"required": "Choose the account the token acts for."},
    )
    valid_days = forms.TypedChoiceField(
        label="Valid for", choices=VALIDITY, coerce=int, initial="90"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["user"]
        field.queryset = staff_accounts()
        field.label_from_instance = lambda user: (
            f"{user.get_full_name()} <{user.email}>" if user.get_full_name() else user.email
        )
