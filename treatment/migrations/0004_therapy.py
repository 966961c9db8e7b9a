# The therapy around each dose: therapist, focus and goals; prescribed doses; preparation and integration.

import django.db.models.deletion
import django.utils.timezone
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('treatment', '0003_alert_session_required'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='treatmentcourse',
            name='focus',
            field=models.CharField(blank=True, choices=[('depression', 'Depression'), ('anxiety_panic', 'Anxiety or panic'), ('anger', 'Anger'), ('intrusive_thoughts', 'Intrusive thoughts'), ('substance_recovery', 'Substance-use recovery'), ('other', 'Other')], max_length=24),
        ),
        migrations.AddField(
            model_name='treatmentcourse',
            name='focus_detail',
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AddField(
            model_name='treatmentcourse',
            name='goals',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name='treatmentcourse',
            name='goals_written_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='treatmentcourse',
            name='therapist',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='therapy_courses', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='courseevent',
            name='action',
            field=models.CharField(choices=[('opened', 'Opened'), ('scheduled', 'Scheduled sessions'), ('paused', 'Paused'), ('resumed', 'Resumed'), ('ended', 'Ended'), ('therapy', 'Therapist or focus set')], max_length=16),
        ),
        migrations.AlterField(
            model_name='patientreminder',
            name='kind',
            field=models.CharField(choices=[('check_in', 'Pre-session check-in open'), ('reading', 'After-dose reading due'), ('measures', 'Questionnaires due'), ('session', 'Session at the clinic soon'), ('preparation', 'Preparation meeting soon'), ('integration', 'Integration meeting soon')], max_length=16),
        ),
        migrations.CreateModel(
            name='Intention',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('text', models.TextField()),
                ('written_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('session', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='intentions', to='treatment.treatmentsession')),
                ('written_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-written_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='PrescribedDose',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveSmallIntegerField(default=1)),
                ('dose_mg', models.DecimalField(decimal_places=1, max_digits=6)),
                ('route', models.CharField(choices=[('sublingual', 'Sublingual'), ('intramuscular', 'Intramuscular'), ('intravenous', 'Intravenous'), ('intranasal', 'Intranasal')], max_length=16)),
                ('reason', models.TextField(blank=True)),
                ('prescribed_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('prescribed_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('session', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='prescriptions', to='treatment.treatmentsession')),
            ],
            options={
                'ordering': ['-version'],
            },
        ),
        migrations.AddField(
            model_name='homedose',
            name='prescription',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='treatment.prescribeddose'),
        ),
        migrations.AddField(
            model_name='monitoringrecord',
            name='prescription',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='treatment.prescribeddose'),
        ),
        migrations.CreateModel(
            name='ReadinessAssessment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('readiness', models.CharField(choices=[('ready', 'Ready'), ('not_ready', 'Not ready')], max_length=16)),
                ('reason', models.TextField(blank=True)),
                ('assessed_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('override_reason', models.TextField(blank=True)),
                ('overridden_at', models.DateTimeField(blank=True, null=True)),
                ('assessed_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('overridden_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('session', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='readiness', to='treatment.treatmentsession')),
            ],
            options={
                'ordering': ['-assessed_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='Reflection',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('text', models.TextField()),
                ('written_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('session', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='reflections', to='treatment.treatmentsession')),
                ('written_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['written_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='TherapyMeeting',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('kind', models.CharField(choices=[('preparation', 'Preparation'), ('integration', 'Integration')], max_length=16)),
                ('scheduled_for', models.DateField()),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('session', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meetings', to='treatment.treatmentsession')),
            ],
            options={
                'ordering': ['scheduled_for', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='IntegrationNote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveSmallIntegerField(default=1)),
                ('focus', models.CharField(choices=[('depression', 'Depression'), ('anxiety_panic', 'Anxiety or panic'), ('anger', 'Anger'), ('intrusive_thoughts', 'Intrusive thoughts'), ('substance_recovery', 'Substance-use recovery'), ('other', 'Other')], max_length=24)),
                ('sections', models.JSONField()),
                ('written_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('session', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='integration_notes', to='treatment.treatmentsession')),
                ('written_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-version'],
                'constraints': [models.UniqueConstraint(fields=('session', 'version'), name='one_integration_version')],
            },
        ),
        migrations.AddConstraint(
            model_name='prescribeddose',
            constraint=models.UniqueConstraint(fields=('session', 'version'), name='one_prescription_version'),
        ),
        migrations.AddIndex(
            model_name='therapymeeting',
            index=models.Index(fields=['scheduled_for'], name='treatment_t_schedul_3dde3d_idx'),
        ),
        migrations.AddConstraint(
            model_name='therapymeeting',
            constraint=models.UniqueConstraint(fields=('session', 'kind'), name='one_meeting_of_a_kind'),
        ),
    ]
