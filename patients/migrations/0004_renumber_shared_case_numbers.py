"""Give every later submission that shares a case number a fresh one."""

import secrets

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.models import Count


def renumber_clashes(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Before case numbers become unique: the earliest case keeps a shared number."""
    Submission = apps.get_model("patients", "Submission")
    shared = (
        Submission.objects.values("case_number")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .values_list("case_number", flat=True)
    )
    taken = set(Submission.objects.values_list("case_number", flat=True))
    for number in list(shared):
        later = Submission.objects.filter(case_number=number).order_by("submitted_at", "pk")[1:]
        for pk in list(later.values_list("pk", flat=True)):
            fresh = secrets.token_hex(4).upper()
            while fresh in taken:
                fresh = secrets.token_hex(4).upper()
            taken.add(fresh)
            Submission.objects.filter(pk=pk).update(case_number=fresh)


class Migration(migrations.Migration):
    dependencies = [
        ("patients", "0003_patient_intakedraft_submission_and_more"),
    ]

    operations = [
        migrations.RunPython(renumber_clashes, migrations.RunPython.noop),
    ]
