"""claims and path failures: which process is reading a file, and paths that could not be read

Revision ID: 0003_i15_claims
Revises: 0005_i14_api_tokens
Create Date: 2026-12-07 12:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_i15_claims'
down_revision = '0005_i14_api_tokens'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('files', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_by', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('claimed_at', sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_files_status'), ['status'], unique=False)
    op.create_table('path_failures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('path_key', sa.String(length=64), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('error_code', sa.String(length=50), nullable=False),
    sa.Column('error_message', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('path_key')
    )


def downgrade() -> None:
    op.drop_table('path_failures')
    with op.batch_alter_table('files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_files_status'))
        batch_op.drop_column('claimed_at')
        batch_op.drop_column('claimed_by')
