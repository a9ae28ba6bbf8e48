"""one file, several names; one document, several copies

Revision ID: 0003_i11_copies
Revises: 0004_i15_event_guard
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_i11_copies'
down_revision = '0004_i15_event_guard'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('documents', sa.Column('text_key', sa.String(length=64), nullable=True))
    op.create_index(op.f('ix_documents_text_key'), 'documents', ['text_key'], unique=False)
    op.create_table('file_names',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('source_path', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['file_id'], ['files.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('file_id', 'source_path')
    )
    op.create_index(op.f('ix_file_names_file_id'), 'file_names', ['file_id'], unique=False)
    op.create_table('document_copies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('file_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['file_id'], ['files.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('file_id')
    )
    op.create_index(op.f('ix_document_copies_document_id'), 'document_copies', ['document_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_document_copies_document_id'), table_name='document_copies')
    op.drop_table('document_copies')
    op.drop_index(op.f('ix_file_names_file_id'), table_name='file_names')
    op.drop_table('file_names')
    op.drop_index(op.f('ix_documents_text_key'), table_name='documents')
    op.drop_column('documents', 'text_key')
