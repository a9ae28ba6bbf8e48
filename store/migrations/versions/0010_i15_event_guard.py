"""status events guarded: a chained hash per event, and triggers refusing UPDATE and DELETE

Revision ID: 0004_i15_event_guard
Revises: 0003_i15_claims
Create Date: 2026-12-07 13:00:00
"""
from alembic import op
import sqlalchemy as sa

from theodoi.store.audit import event_digest

revision = '0004_i15_event_guard'
down_revision = '0003_i15_claims'
branch_labels = None
depends_on = None

REFUSED = "status_events is append-only: add a new event instead of changing or removing one"


def upgrade() -> None:
    with op.batch_alter_table('status_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('row_hash', sa.String(length=64), nullable=True))
    connection = op.get_bind()
    events = sa.table('status_events', *(sa.column(name) for name in (
        'id', 'task_id', 'status', 'source', 'user', 'note', 'evidence_path', 'evidence_document_id', 'passage',
        'created_at', 'row_hash')))
    last = {}
    for row in connection.execute(sa.select(events).order_by(events.c.task_id, events.c.id)).mappings().all():
        digest = event_digest(last.get(row['task_id']), row)
        connection.execute(events.update().where(events.c.id == row['id']).values(row_hash=digest))
        last[row['task_id']] = digest
    if connection.dialect.name == 'postgresql':
        op.execute(f"""CREATE FUNCTION theodoi_refuse_event_change() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION '{REFUSED}'; END $$ LANGUAGE plpgsql""")
        # row triggers: a statement that touches no event (deleting a task without history) passes
        op.execute("CREATE TRIGGER status_events_no_update BEFORE UPDATE ON status_events "
                   "FOR EACH ROW EXECUTE FUNCTION theodoi_refuse_event_change()")
        op.execute("CREATE TRIGGER status_events_no_delete BEFORE DELETE ON status_events "
                   "FOR EACH ROW EXECUTE FUNCTION theodoi_refuse_event_change()")
        op.execute("CREATE TRIGGER status_events_no_truncate BEFORE TRUNCATE ON status_events "
                   "FOR EACH STATEMENT EXECUTE FUNCTION theodoi_refuse_event_change()")
    else:
        op.execute(f"CREATE TRIGGER status_events_no_update BEFORE UPDATE ON status_events "
                   f"BEGIN SELECT RAISE(ABORT, '{REFUSED}'); END")
        op.execute(f"CREATE TRIGGER status_events_no_delete BEFORE DELETE ON status_events "
                   f"BEGIN SELECT RAISE(ABORT, '{REFUSED}'); END")


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS status_events_no_update" + (" ON status_events" if op.get_bind().dialect.name == 'postgresql' else ""))
    op.execute("DROP TRIGGER IF EXISTS status_events_no_delete" + (" ON status_events" if op.get_bind().dialect.name == 'postgresql' else ""))
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER IF EXISTS status_events_no_truncate ON status_events")
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP FUNCTION IF EXISTS theodoi_refuse_event_change()")
    with op.batch_alter_table('status_events', schema=None) as batch_op:
        batch_op.drop_column('row_hash')
