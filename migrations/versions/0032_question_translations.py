"""Eligibility questions in other languages: each question and what a group answering otherwise is told.

Revision ID: 0032_question_translations
Revises: 0031_comment_translations
Create Date: 2026-12-01 23:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0032_question_translations'
down_revision = '0031_comment_translations'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'eligibility_question_translation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.Integer(), nullable=False),
        sa.Column('language', sa.String(length=16), nullable=False),
        sa.Column('text', sa.String(length=300), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['question_id'], ['eligibility_question.id'],
                                name=op.f('fk_eligibility_question_translation_question_id_eligibility_question'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_eligibility_question_translation')),
        sa.UniqueConstraint('question_id', 'language',
                            name=op.f('uq_eligibility_question_translation_question_id_language')),
    )
    with op.batch_alter_table('eligibility_question_translation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_eligibility_question_translation_question_id'), ['question_id'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('eligibility_question_translation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_eligibility_question_translation_question_id'))
    op.drop_table('eligibility_question_translation')
