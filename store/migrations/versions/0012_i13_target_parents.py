"""target parents: the plan's target a task serves

Revision ID: 0004_i13_target_parents
Revises: 0003_i11_copies
"""
from alembic import op
import sqlalchemy as sa


revision = "0004_i13_target_parents"
down_revision = "0003_i11_copies"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("target_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_tasks_target_id"), ["target_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_tasks_target_id_targets"), "targets", ["target_id"], ["id"],
                                    ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_tasks_target_id_targets"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_tasks_target_id"))
        batch_op.drop_column("target_id")
