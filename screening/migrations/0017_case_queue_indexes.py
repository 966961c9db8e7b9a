"""The queue's order and the decided tab's order as indexes; valid ranks and statuses only.

Apart from 0016: PostgreSQL refuses to build an index in the transaction that just
updated the table.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("screening", "0016_case_queue_order")]

    operations = [
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                fields=["status", "queue_rank", "waiting_since", "id"], name="case_queue_order"
            ),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["status", "-decided_at", "-id"], name="case_decided_order"),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["patient", "status"], name="case_patient_status"),
        ),
        migrations.AddConstraint(
            model_name="case",
            constraint=models.CheckConstraint(
                condition=models.Q(("queue_rank__lt", 9)), name="case_queue_rank_in_range"
            ),
        ),
        migrations.AddConstraint(
            model_name="case",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "status__in",
                        ["awaiting", "claimed", "awaiting_patient", "decided", "resubmitted"],
                    )
                ),
                name="case_status_known",
            ),
        ),
    ]
