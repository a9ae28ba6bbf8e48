"""report rows: the progress a report states for a task, and the document that assigned it

Revision ID: 0002_i13_report_rows
Revises: 0003_i16_edxml
"""
from alembic import op
import sqlalchemy as sa


revision = "0002_i13_report_rows"
down_revision = "0003_i16_edxml"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reported_status", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("reported_text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("reported_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("source_number", sa.String(length=100), nullable=True))
        batch_op.create_index(batch_op.f("ix_tasks_source_number"), ["source_number"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tasks_source_number"))
        batch_op.drop_column("source_number")
        batch_op.drop_column("reported_date")
        batch_op.drop_column("reported_text")
        batch_op.drop_column("reported_status")
