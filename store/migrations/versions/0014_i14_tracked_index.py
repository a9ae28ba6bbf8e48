"""index on documents.tracked_at

The task listings pick the tasks of tracked documents by it (tracking.task_query): without
it, SQLite reads each document row up to tracked_at, past its text, for every task listed.

Revision ID: 0005_i14_tracked_index
Revises: 0004_i14_watch
"""
from alembic import op


revision = '0005_i14_tracked_index'
down_revision = '0004_i14_watch'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f('ix_documents_tracked_at'), 'documents', ['tracked_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_documents_tracked_at'), table_name='documents')
