"""edXML packages: the header's source, the recipient's deadline, directing documents,
recipients, the package header as read, and the files a package carried

Revision ID: 0003_i16_edxml
Revises: 0003_i12_extractor_version
Create Date: 2026-12-07 12:55:00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

JSON = sa.JSON().with_variant(JSONB(), 'postgresql')  # JSONB: documents stay comparable (SELECT DISTINCT)


revision = '0003_i16_edxml'
down_revision = "0003_i12_extractor_version"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('header_source', sa.String(length=10), nullable=False, server_default='text'))
        batch_op.add_column(sa.Column('recipient_due', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('directing', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('recipients', JSON, nullable=True))
        batch_op.add_column(sa.Column('package', JSON, nullable=True))
        batch_op.create_index(batch_op.f('ix_documents_recipient_due'), ['recipient_due'], unique=False)
    op.create_table('document_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('mime', sa.String(length=100), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('parser', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('document_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_files_document_id'), ['document_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('document_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_files_document_id'))
    op.drop_table('document_files')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_recipient_due'))
        batch_op.drop_column('package')
        batch_op.drop_column('recipients')
        batch_op.drop_column('directing')
        batch_op.drop_column('recipient_due')
        batch_op.drop_column('header_source')
