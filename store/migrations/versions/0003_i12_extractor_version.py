"""documents.extractor_version: the extractor that read the document

Revision ID: 0003_i12_extractor_version
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa


revision = "0003_i12_extractor_version"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("extractor_version", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("extractor_version")
