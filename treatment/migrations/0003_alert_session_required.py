# Every alert names its session (filled in by 0002), in a transaction of its own.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("treatment", "0002_at_home"),
    ]

    operations = [
        migrations.AlterField(
            model_name="sessionalert",
            name="session",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="alerts",
                to="treatment.treatmentsession",
            ),
        ),
    ]
