import patients.models
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("patients", "0004_renumber_shared_case_numbers"),
    ]

    operations = [
        migrations.AlterField(
            model_name="submission",
            name="case_number",
            field=models.CharField(
                default=patients.models.new_case_number,
                editable=False,
                max_length=8,
                unique=True,
            ),
        ),
    ]
