# Audit actions of the therapy around each dose (choices only: no schema change).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('screening', '0018_audit_indexes'),
    ]

    operations = [
        migrations.AlterField(
            model_name='auditentry',
            name='action',
            field=models.CharField(choices=[('queue_viewed', 'Listed cases'), ('case_viewed', 'Opened a case'), ('draft_viewed', 'Opened an urgent draft'), ('case_claimed', 'Claimed a case'), ('decision_recorded', 'Recorded a decision'), ('data_exported', 'Downloaded their own data'), ('answers_saved', 'Saved answers'), ('submitted', 'Submitted answers'), ('result_viewed', 'Read their result'), ('golden_case_kept', "Kept a case's answers as a golden case"), ('impact_listed', 'Listed cases in an impact preview'), ('case_taken_over', 'Took over a case claimed by someone else'), ('password_set_in_admin', "Set a user's password in the admin"), ('answers_reviewed', 'Read their answers before submitting'), ('draft_contacted', 'Contacted the patient of an urgent draft'), ('course_opened', 'Opened a course of treatment'), ('course_viewed', 'Opened a course page'), ('course_changed', 'Paused, resumed or ended a course'), ('sessions_scheduled', 'Scheduled sessions'), ('today_viewed', "Listed today's sessions"), ('session_viewed', 'Opened a session record'), ('pre_dose_checked', 'Recorded a pre-dose check'), ('check_overridden', 'Overrode a pre-dose hold'), ('dose_recorded', 'Recorded a dose'), ('observation_recorded', 'Recorded an observation'), ('alert_acknowledged', 'Acknowledged an alert'), ('discharge_recorded', 'Recorded a discharge'), ('record_signed', 'Signed a monitoring record'), ('record_amended', 'Amended a monitoring record'), ('record_printed', 'Printed a monitoring record'), ('unsigned_listed', 'Listed unsigned records'), ('task_updated', 'Took or closed a follow-up task'), ('safety_check_recorded', 'Recorded a long-term safety check'), ('treatment_viewed', 'Read their own treatment page'), ('home_dose_started', 'Started an at-home dose'), ('reading_recorded', 'Recorded an after-dose reading at home'), ('side_effects_reported', 'Reported side effects'), ('measures_recorded', 'Answered PHQ-9 and GAD-7'), ('course_note_added', 'Wrote a note on a course'), ('fhir_exported', 'Exported a case as FHIR'), ('referral_printed', 'Printed a referral summary'), ('dashboard_viewed', 'Opened the dashboard'), ('dashboard_exported', 'Downloaded dashboard figures'), ('api_token_created', 'Created an API token'), ('api_token_revoked', 'Revoked an API token'), ('caseload_viewed', 'Listed their assigned patients'), ('course_therapy_set', "Assigned a therapist or set a course's focus"), ('dose_prescribed', "Prescribed or changed a session's dose"), ('meeting_moved', 'Moved a preparation or integration meeting'), ('readiness_recorded', 'Recorded readiness for a dose'), ('integration_recorded', 'Wrote an integration note'), ('goals_written', 'Wrote their treatment goals'), ('intention_written', 'Wrote their intention for a session'), ('reflection_written', 'Wrote a reflection after a session')], max_length=32),
        ),
    ]
