"""The feasibility and cost review before ranking: each need's verdict, its public reason and when it was
reviewed (who reviewed it is in the audit log); and the reviewer role.

Revision ID: 0021_feasibility
Revises: 0017_paper
Create Date: 2026-12-01 15:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0021_feasibility'
down_revision = '0017_paper'
branch_labels = None
depends_on = None

VERDICTS = ('unreviewed', 'feasible', 'not-feasible')
ROLES = ('admin', 'facilitator', 'moderator', 'panel', 'translator')


def upgrade():
    if op.get_bind().dialect.name == 'sqlite':
        # Plain ADD COLUMNs with their constraints inline, no batch rebuild, so need keeps its search
        # triggers (see 0001); SQLite allows a CHECK there.
        for ddl in (f"feasibility VARCHAR(16) DEFAULT 'unreviewed' NOT NULL CONSTRAINT ck_need_feasibility "
                    f"CHECK (feasibility IN {VERDICTS})",
                    "feasibility_reason TEXT DEFAULT '' NOT NULL",
                    "reviewed_at DATETIME"):
            op.execute(f"ALTER TABLE need ADD COLUMN {ddl}")
    else:
        op.add_column('need', sa.Column('feasibility', sa.Enum(*VERDICTS, name='feasibility', native_enum=False,
                                                               create_constraint=True, length=16),
                                        server_default='unreviewed', nullable=False))
        op.add_column('need', sa.Column('feasibility_reason', sa.Text(), server_default='', nullable=False))
        op.add_column('need', sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True))
    _roles(*ROLES, 'reviewer')


def _roles(*values):
    with op.batch_alter_table('staff_role', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_staff_role_staff_role'), type_='check')
        batch_op.create_check_constraint(op.f('ck_staff_role_staff_role'), sa.column('role').in_(values))


def downgrade():
    op.execute("DELETE FROM staff_role WHERE role = 'reviewer'")
    _roles(*ROLES)
    if op.get_bind().dialect.name == 'postgresql':
        op.drop_constraint(op.f('ck_need_feasibility'), 'need', type_='check')
    # SQLite drops a column with its inline constraints, and no rebuild is needed.
    for column in ('reviewed_at', 'feasibility_reason', 'feasibility'):
        op.drop_column('need', column)
