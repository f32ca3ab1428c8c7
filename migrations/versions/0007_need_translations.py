"""Translations of needs (approved by a person before residents see them), and the translator role.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 07:47:37.286864

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('need_translation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('need_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=140), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('by_machine', sa.Boolean(), nullable=False),
    sa.Column('approved', sa.Boolean(), nullable=False),
    sa.Column('translator_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['need_id'], ['need.id'], name=op.f('fk_need_translation_need_id_need'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['translator_id'], ['user.id'], name=op.f('fk_need_translation_translator_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_need_translation')),
    sa.UniqueConstraint('need_id', 'language', name=op.f('uq_need_translation_need_id_language'))
    )
    with op.batch_alter_table('need_translation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_need_translation_need_id'), ['need_id'], unique=False)
    _roles('admin', 'facilitator', 'moderator', 'panel', 'translator')


def _roles(*values):
    with op.batch_alter_table('staff_role', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_staff_role_staff_role'), type_='check')
        batch_op.create_check_constraint(op.f('ck_staff_role_staff_role'), sa.column('role').in_(values))



def downgrade():
    op.execute("DELETE FROM staff_role WHERE role = 'translator'")
    _roles('admin', 'facilitator', 'moderator', 'panel')
    with op.batch_alter_table('need_translation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_need_translation_need_id'))

    op.drop_table('need_translation')
