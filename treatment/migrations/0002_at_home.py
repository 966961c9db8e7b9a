# At home: check-in doses, after-dose readings, side effects, measures, notes, reminders.
# Alerts now belong to the session (at home there is no monitoring record).

import django.db.models.deletion
import django.utils.timezone
from django.apps.registry import Apps
from django.conf import settings
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db import migrations, models


def alerts_to_sessions(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    SessionAlert = apps.get_model("treatment", "SessionAlert")
    for alert in SessionAlert.objects.filter(session__isnull=True).select_related("record"):
        alert.session_id = alert.record.session_id
        alert.save(update_fields=["session"])


class Migration(migrations.Migration):

    dependencies = [
        ('treatment', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='sessionalert',
            name='session',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='alerts', to='treatment.treatmentsession'),
        ),
        migrations.RunPython(alerts_to_sessions, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='followuptask',
            name='kind',
            field=models.CharField(choices=[('suicidal_ideation', 'Suicidal ideation reported'), ('safety_check', 'Long-term safety check: a yes'), ('vitals_urgent', 'Blood pressure or heart rate at home needs a call'), ('adverse_event', 'Severe side effect reported (adverse event)'), ('measure_rise', 'PHQ-9 or GAD-7 rose by 5 or more')], max_length=32),
        ),
        migrations.AlterField(
            model_name='sessionalert',
            name='record',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='alerts', to='treatment.monitoringrecord'),
        ),
        migrations.CreateModel(
            name='CourseNote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('text', models.TextField()),
                ('at', models.DateTimeField(default=django.utils.timezone.now)),
                ('author', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('course', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='notes', to='treatment.treatmentcourse')),
            ],
            options={
                'ordering': ['-at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='HomeDose',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('dosed_at', models.DateTimeField()),
                ('recorded_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('pre_dose_check', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='treatment.predosecheck')),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('session', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='home_dose', to='treatment.treatmentsession')),
            ],
            options={
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='PatientReminder',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('check_in', 'Pre-session check-in open'), ('reading', 'After-dose reading due'), ('measures', 'Questionnaires due')], max_length=16)),
                ('key', models.CharField(max_length=64, unique=True)),
                ('sent_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('course', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='treatment.treatmentcourse')),
            ],
        ),
        migrations.CreateModel(
            name='AfterDoseReading',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slot', models.CharField(choices=[('first', 'About 40 minutes'), ('last', 'About 2 hours')], max_length=8)),
                ('taken_at', models.DateTimeField()),
                ('systolic', models.PositiveSmallIntegerField()),
                ('diastolic', models.PositiveSmallIntegerField()),
                ('heart_rate', models.PositiveSmallIntegerField()),
                ('level', models.CharField(choices=[('settled', 'Settled'), ('raised', 'Raised'), ('still_raised', 'Still raised'), ('crisis', 'Crisis')], max_length=16)),
                ('text', models.CharField(blank=True, max_length=200)),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('dose', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='readings', to='treatment.homedose')),
            ],
            options={
                'ordering': ['taken_at', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('dose', 'slot'), name='one_reading_per_slot')],
            },
        ),
        migrations.CreateModel(
            name='MeasureSet',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=16)),
                ('phq9', models.JSONField()),
                ('gad7', models.JSONField()),
                ('difficulty', models.JSONField(default=dict)),
                ('phq9_total', models.PositiveSmallIntegerField()),
                ('gad7_total', models.PositiveSmallIntegerField()),
                ('phq9_item9', models.PositiveSmallIntegerField()),
                ('alerts', models.JSONField(default=list)),
                ('recorded_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('course', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='measures', to='treatment.treatmentcourse')),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('session', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='treatment.treatmentsession')),
            ],
            options={
                'ordering': ['recorded_at', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('course', 'key'), name='one_measure_set_per_key')],
            },
        ),
        migrations.CreateModel(
            name='ReportedSideEffect',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('effect', models.CharField(choices=[('nausea', 'Nausea'), ('vomiting', 'Vomiting'), ('dissociation', 'Dissociation that has not passed'), ('bladder_pain', 'Bladder pain'), ('confusion', 'Confusion'), ('other', 'Other')], max_length=16)),
                ('severity', models.CharField(choices=[('mild', 'Mild'), ('moderate', 'Moderate'), ('severe', 'Severe')], max_length=8)),
                ('description', models.CharField(blank=True, max_length=200)),
                ('reported_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('reported_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('session', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='side_effects', to='treatment.treatmentsession')),
            ],
            options={
                'ordering': ['reported_at', 'pk'],
                'indexes': [models.Index(fields=['severity'], name='treatment_r_severit_8b5791_idx')],
            },
        ),
    ]
