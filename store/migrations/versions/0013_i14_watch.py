"""watch list, and tasks people removed or merged

watches (a user follows a document, a task or an agency) and users.watch_seen_at (their last
visit of the watch page); tasks.removed_at and tasks.merged_into_id (a task removed or merged
into another by a correction stays stored, out of the document's tasks); indexes on the
creation times the watch page reads since a day, and on citations.cited_document_id (the link
pages read a document's citing documents by it).

Revision ID: 0004_i14_watch
Revises: 0004_i13_target_parents
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_i14_watch'
down_revision = '0004_i13_target_parents'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('watches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('agency', sa.String(length=300), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_watches_user_id'), 'watches', ['user_id'], unique=False)
    op.add_column('users', sa.Column('watch_seen_at', sa.DateTime(), nullable=True))
    op.add_column('tasks', sa.Column('removed_at', sa.DateTime(), nullable=True))
    if op.get_bind().dialect.name == 'sqlite':  # SQLite adds a column with its foreign key in plain SQL only
        op.execute("ALTER TABLE tasks ADD COLUMN merged_into_id INTEGER REFERENCES tasks (id) ON DELETE SET NULL")
    else:
        op.add_column('tasks', sa.Column('merged_into_id', sa.Integer(), nullable=True))
        op.create_foreign_key('fk_tasks_merged_into_id', 'tasks', 'tasks', ['merged_into_id'], ['id'],
                              ondelete='SET NULL')
    op.create_index(op.f('ix_status_events_created_at'), 'status_events', ['created_at'], unique=False)
    op.create_index(op.f('ix_corrections_created_at'), 'corrections', ['created_at'], unique=False)
    op.create_index(op.f('ix_documents_created_at'), 'documents', ['created_at'], unique=False)
    op.create_index(op.f('ix_citations_cited_document_id'), 'citations', ['cited_document_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_citations_cited_document_id'), table_name='citations')
    op.drop_index(op.f('ix_documents_created_at'), table_name='documents')
    op.drop_index(op.f('ix_corrections_created_at'), table_name='corrections')
    op.drop_index(op.f('ix_status_events_created_at'), table_name='status_events')
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_column('merged_into_id')
        batch_op.drop_column('removed_at')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('watch_seen_at')
    op.drop_index(op.f('ix_watches_user_id'), table_name='watches')
    op.drop_table('watches')
