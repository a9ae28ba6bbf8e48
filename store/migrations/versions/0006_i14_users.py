"""users: active flag and the agencies an officer acts for; who tracks a document; the
account behind a status event

Revision ID: 0003_i14_users
Revises: 0002_i13_report_rows
Create Date: 2026-12-07 12:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_i14_users'
down_revision = '0002_i13_report_rows'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('active', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.drop_column('agency')
    op.create_table('user_agencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('agency', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('user_id', 'agency')
    )
    with op.batch_alter_table('user_agencies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_agencies_user_id'), ['user_id'], unique=False)
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tracked_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('tracked_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_documents_tracked_by_id_users', 'users', ['tracked_by_id'], ['id'],
                                    ondelete='SET NULL')
    with op.batch_alter_table('status_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('user_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_status_events_user_id_users', 'users', ['user_id'], ['id'],
                                    ondelete='SET NULL')


def downgrade() -> None:
    with op.batch_alter_table('status_events', schema=None) as batch_op:
        batch_op.drop_constraint('fk_status_events_user_id_users', type_='foreignkey')
        batch_op.drop_column('user_id')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_constraint('fk_documents_tracked_by_id_users', type_='foreignkey')
        batch_op.drop_column('tracked_by_id')
        batch_op.drop_column('tracked_at')
    with op.batch_alter_table('user_agencies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_agencies_user_id'))
    op.drop_table('user_agencies')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('agency', sa.String(length=300), nullable=True))
        batch_op.drop_column('active')
