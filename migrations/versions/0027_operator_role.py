"""The paper ballot operator role: keys paper ballots and checks codes at the desk.

Revision ID: 0027_operator_role
Revises: 0024_need_links
Create Date: 2026-12-01 19:55:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0027_operator_role'
down_revision = '0024_need_links'
branch_labels = None
depends_on = None

ROLES = ('admin', 'facilitator', 'moderator', 'panel', 'translator', 'reviewer')


def upgrade():
    _roles(*ROLES, 'operator')


def _roles(*values):
    with op.batch_alter_table('staff_role', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_staff_role_staff_role'), type_='check')
        batch_op.create_check_constraint(op.f('ck_staff_role_staff_role'), sa.column('role').in_(values))


def downgrade():
    op.execute("DELETE FROM staff_role WHERE role = 'operator'")
    _roles(*ROLES)
