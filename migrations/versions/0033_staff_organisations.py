"""Staff accounts belong to organisations, and rounds naming a London local authority carry its code.

Each account gets an optional organisation (user.organisation_id). Rounds whose area is the name of one of
the 33 London local authorities shipped in app/register/data/london_boroughs.csv, and which have no code
yet, get its ONS code, found as app.register.areas finds it for a round saved now. Downgrading removes the
column and leaves the codes: round.area_code was there before, and they are right.

Revision ID: 0033_staff_organisations
Revises: 0030_paper_pairwise
Create Date: 2026-12-02 09:30:00

"""
from alembic import op
import sqlalchemy as sa

from app.register.areas import borough_named

# revision identifiers, used by Alembic.
revision = '0033_staff_organisations'
down_revision = '0030_paper_pairwise'
branch_labels = None
depends_on = None

ROUND = sa.table('round', sa.column('id', sa.Integer), sa.column('area', sa.String),
                 sa.column('area_code', sa.String))


def upgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('organisation_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_user_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_user_organisation_id_organisation'), 'organisation',
                                    ['organisation_id'], ['id'], ondelete='SET NULL')
    bind = op.get_bind()
    rounds = bind.execute(sa.select(ROUND.c.id, ROUND.c.area).where(
        sa.or_(ROUND.c.area_code == '', ROUND.c.area_code.is_(None)), ROUND.c.area != '')).all()
    for round_id, area in rounds:
        place = borough_named(area)
        if place is not None:
            bind.execute(ROUND.update().where(ROUND.c.id == round_id).values(area_code=place.code))


def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_user_organisation_id_organisation'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_user_organisation_id'))
        batch_op.drop_column('organisation_id')
