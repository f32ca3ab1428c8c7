"""Comments in other languages: a translator's words or a machine draft, shown to residents once approved.

Revision ID: 0031_comment_translations
Revises: 0026_rubric
Create Date: 2026-12-01 23:05:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0031_comment_translations'
down_revision = '0026_rubric'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'comment_translation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('comment_id', sa.Integer(), nullable=False),
        sa.Column('language', sa.String(length=16), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('by_machine', sa.Boolean(), nullable=False),
        sa.Column('approved', sa.Boolean(), nullable=False),
        sa.Column('translator_id', sa.Integer(), nullable=True),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['comment_id'], ['comment.id'], name=op.f('fk_comment_translation_comment_id_comment'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['translator_id'], ['user.id'], name=op.f('fk_comment_translation_translator_id_user'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_comment_translation')),
        sa.UniqueConstraint('comment_id', 'language', name=op.f('uq_comment_translation_comment_id_language')),
    )
    with op.batch_alter_table('comment_translation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_comment_translation_comment_id'), ['comment_id'], unique=False)


def downgrade():
    with op.batch_alter_table('comment_translation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_comment_translation_comment_id'))
    op.drop_table('comment_translation')
