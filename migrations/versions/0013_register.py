"""The shared needs register: organisations, co-funders' pledges and grant shares, area codes and wards,
and the rounds a need was carried through.

Revision ID: 0013_register
Revises: 0011_session_versions
Create Date: 2026-12-01 13:00:00

"""
from alembic import op
import sqlalchemy as sa



# revision identifiers, used by Alembic.
revision = '0013_register'
down_revision = '0011_session_versions'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'organisation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('org_id', sa.String(length=100), server_default='', nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation')),
        sa.UniqueConstraint('name', name=op.f('uq_organisation_name')),
    )
    op.create_table(
        'pledge',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('round_id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_pledge_organisation_id_organisation'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_pledge_round_id_round'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pledge')),
        sa.UniqueConstraint('round_id', 'organisation_id', name=op.f('uq_pledge_round_id_organisation_id')),
    )
    op.create_index(op.f('ix_pledge_organisation_id'), 'pledge', ['organisation_id'])
    op.create_index(op.f('ix_pledge_round_id'), 'pledge', ['round_id'])
    op.create_table(
        'grant_share',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('decision_id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(['decision_id'], ['grant_decision.id'], name=op.f('fk_grant_share_decision_id_grant_decision'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_grant_share_organisation_id_organisation'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_grant_share')),
        sa.UniqueConstraint('decision_id', 'organisation_id', name=op.f('uq_grant_share_decision_id_organisation_id')),
    )
    op.create_index(op.f('ix_grant_share_decision_id'), 'grant_share', ['decision_id'])
    op.create_index(op.f('ix_grant_share_organisation_id'), 'grant_share', ['organisation_id'])
    op.create_table(
        'ward',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('round_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('code', sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_ward_round_id_round'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_ward')),
        sa.UniqueConstraint('round_id', 'code', name=op.f('uq_ward_round_id_code')),
    )
    op.create_index(op.f('ix_ward_round_id'), 'ward', ['round_id'])
    op.create_table(
        'need_carry',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('need_id', sa.Integer(), nullable=False),
        sa.Column('round_id', sa.Integer(), nullable=False),
        sa.Column('place', sa.Integer(), nullable=True),
        sa.Column('support', sa.Integer(), nullable=False),
        sa.Column('carried_by_id', sa.Integer(), nullable=True),
        sa.Column('carried_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['carried_by_id'], ['user.id'], name=op.f('fk_need_carry_carried_by_id_user'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['need_id'], ['need.id'], name=op.f('fk_need_carry_need_id_need'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_need_carry_round_id_round'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_need_carry')),
        sa.UniqueConstraint('need_id', 'round_id', name=op.f('uq_need_carry_need_id_round_id')),
    )
    op.create_index(op.f('ix_need_carry_need_id'), 'need_carry', ['need_id'])
    op.create_index(op.f('ix_need_carry_round_id'), 'need_carry', ['round_id'])
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.add_column(sa.Column('area_code', sa.String(length=16), server_default='', nullable=False))
        batch_op.add_column(sa.Column('organisation_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_round_organisation_id'), ['organisation_id'])
        batch_op.create_foreign_key(batch_op.f('fk_round_organisation_id_organisation'), 'organisation',
                                    ['organisation_id'], ['id'], ondelete='SET NULL')
    # Added in place, not rebuilt: a rebuild of need on SQLite would drop its search triggers.
    with op.batch_alter_table('need', schema=None) as batch_op:
        batch_op.add_column(sa.Column('area_code', sa.String(length=16), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('need', schema=None) as batch_op:
        batch_op.drop_column('area_code')
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_round_organisation_id_organisation'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_round_organisation_id'))
        batch_op.drop_column('organisation_id')
        batch_op.drop_column('area_code')
    for table in ('need_carry', 'ward', 'grant_share', 'pledge', 'organisation'):
        op.drop_table(table)
