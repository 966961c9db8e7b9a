# Each session keeps its board state and rank (and an in-clinic dose its ready-to-leave
# window), filled here for the sessions already there: the today board reads one page of them.

from django.apps.registry import Apps
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def fill_board_states(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Derive the board state of the sessions already there, with the writers' own function.

    It reads the current models, so it runs only where there are sessions to fill (a new
    database skips it); `manage.py board_states_rebuild` does the same at any time.
    """
    if not apps.get_model("treatment", "TreatmentSession").objects.exists():
        return
    from treatment.sessions.board import board_states_rebuild

    board_states_rebuild()


class Migration(migrations.Migration):

    dependencies = [
        ('treatment', '0010_therapy_session_notes'),
    ]

    operations = [
        migrations.AddField(
            model_name='treatmentsession',
            name='board_rank',
            field=models.PositiveSmallIntegerField(default=3, editable=False),
        ),
        migrations.AddField(
            model_name='treatmentsession',
            name='board_ready_from',
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='treatmentsession',
            name='board_ready_until',
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='treatmentsession',
            name='board_state',
            field=models.CharField(default='waiting', editable=False, max_length=16),
        ),
        migrations.AddIndex(
            model_name='treatmentsession',
            index=models.Index(fields=['scheduled_for', 'board_rank'], name='session_board_order'),
        ),
        migrations.RunPython(fill_board_states, migrations.RunPython.noop, elidable=True),
    ]
