"""The panel's rubric: weighted criteria with anchors, a commented mark per criterion, declarations before
access, members' votes on decisions, where a recipient is based, and the panel's settings (blind marking,
quorum).

Every round with applications gets the three questions it was marked on, equally weighted, and every
member's marks move onto them unchanged (their old notes stay on the score).

Revision ID: 0026_rubric
Revises: 0028_search_terms
Create Date: 2026-12-01 18:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0026_rubric'
down_revision = '0028_search_terms'
branch_labels = None
depends_on = None

STANDARD = ('fit', 'deliverability', 'value')


def upgrade():
    op.create_table(
        'criterion',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('round_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.SmallInteger(), nullable=False),
        sa.Column('standard', sa.String(length=16), nullable=True),
        sa.Column('name', sa.String(length=200), server_default='', nullable=False),
        sa.Column('weight', sa.SmallInteger(), server_default='1', nullable=False),
        *[sa.Column(f'anchor_{n}', sa.Text(), server_default='', nullable=False) for n in range(1, 6)],
        sa.CheckConstraint('weight BETWEEN 1 AND 10', name=op.f('ck_criterion_weight_1_to_10')),
        sa.CheckConstraint("standard IN ('fit', 'deliverability', 'value')", name=op.f('ck_criterion_standard')),
        sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_criterion_round_id_round'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_criterion')),
    )
    with op.batch_alter_table('criterion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_criterion_round_id'), ['round_id'], unique=False)
    op.create_table(
        'panel_mark',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('score_id', sa.Integer(), nullable=False),
        sa.Column('criterion_id', sa.Integer(), nullable=False),
        sa.Column('mark', sa.SmallInteger(), nullable=False),
        sa.Column('comment', sa.Text(), server_default='', nullable=False),
        sa.CheckConstraint('mark BETWEEN 1 AND 5', name=op.f('ck_panel_mark_mark_1_to_5')),
        sa.ForeignKeyConstraint(['criterion_id'], ['criterion.id'], name=op.f('fk_panel_mark_criterion_id_criterion'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['score_id'], ['panel_score.id'], name=op.f('fk_panel_mark_score_id_panel_score'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_panel_mark')),
        sa.UniqueConstraint('score_id', 'criterion_id', name=op.f('uq_panel_mark_score_id_criterion_id')),
    )
    with op.batch_alter_table('panel_mark', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_panel_mark_criterion_id'), ['criterion_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_panel_mark_score_id'), ['score_id'], unique=False)
    for table, extra in (('no_conflict', [sa.Column('declared_at', sa.DateTime(timezone=True), nullable=False)]),
                         ('decision_vote', [
                             sa.Column('funded', sa.Boolean(), nullable=False),
                             sa.Column('amount', sa.BigInteger(), nullable=True),
                             sa.Column('reason', sa.Text(), server_default='', nullable=False),
                             sa.Column('departure_reason', sa.Text(), server_default='', nullable=False),
                             sa.Column('voted_at', sa.DateTime(timezone=True), nullable=False)])):
        op.create_table(
            table,
            sa.Column('id', sa.Integer(), nullable=False),
            sa.Column('application_id', sa.Integer(), nullable=False),
            sa.Column('user_id', sa.Integer(), nullable=False),
            *extra,
            sa.ForeignKeyConstraint(['application_id'], ['application.id'],
                                    name=op.f(f'fk_{table}_application_id_application'), ondelete='CASCADE'),
            sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f(f'fk_{table}_user_id_user'),
                                    ondelete='CASCADE'),
            sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{table}')),
            sa.UniqueConstraint('application_id', 'user_id', name=op.f(f'uq_{table}_application_id_user_id')),
        )
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f'ix_{table}_application_id'), ['application_id'], unique=False)
            batch_op.create_index(batch_op.f(f'ix_{table}_user_id'), ['user_id'], unique=False)
    op.create_table(
        'panel_settings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('round_id', sa.Integer(), nullable=False),
        sa.Column('blind', sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column('quorum', sa.SmallInteger(), server_default='2', nullable=False),
        sa.Column('name_conflicts', sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column('publication_asked_by_id', sa.Integer(), nullable=True),
        sa.Column('publication_asked_at', sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint('quorum >= 1', name=op.f('ck_panel_settings_quorum_at_least_1')),
        sa.ForeignKeyConstraint(['publication_asked_by_id'], ['user.id'],
                                name=op.f('fk_panel_settings_publication_asked_by_id_user'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_panel_settings_round_id_round'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_panel_settings')),
        sa.UniqueConstraint('round_id', name=op.f('uq_panel_settings_round_id')),
    )
    op.create_table(
        'recipient_location',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'],
                                name=op.f('fk_recipient_location_application_id_application'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_recipient_location')),
        sa.UniqueConstraint('application_id', name=op.f('uq_recipient_location_application_id')),
    )
    with op.batch_alter_table('conflict', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name', sa.String(length=200), server_default='', nullable=False))

    _marks_onto_the_standard_rubric()
    with op.batch_alter_table('panel_score', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_panel_score_marks_1_to_5'), type_='check')
        batch_op.drop_column('value')
        batch_op.drop_column('deliverability')
        batch_op.drop_column('fit')


def _marks_onto_the_standard_rubric():
    """The three questions, equally weighted, for each round with applications; each old mark onto its question."""
    for position, standard in enumerate(STANDARD):
        op.execute(sa.text(
            "INSERT INTO criterion (round_id, position, standard, name, weight, anchor_1, anchor_2, anchor_3, "
            "anchor_4, anchor_5) SELECT DISTINCT round_id, :position, :standard, '', 1, '', '', '', '', '' "
            "FROM application").bindparams(position=position, standard=standard))
        op.execute(sa.text(
            f"INSERT INTO panel_mark (score_id, criterion_id, mark, comment) "
            f"SELECT s.id, c.id, s.{standard}, '' FROM panel_score s "
            f"JOIN application a ON a.id = s.application_id "
            f"JOIN criterion c ON c.round_id = a.round_id AND c.standard = :standard").bindparams(standard=standard))


def downgrade():
    """Back to three fixed marks: each score takes its marks on the three standard questions; a score
    without all three (marked on a rubric the panel changed) cannot be kept and is removed."""
    with op.batch_alter_table('panel_score', schema=None) as batch_op:
        for standard in STANDARD:
            batch_op.add_column(sa.Column(standard, sa.SmallInteger(), nullable=True))
    for standard in STANDARD:
        op.execute(sa.text(
            f"UPDATE panel_score SET {standard} = (SELECT m.mark FROM panel_mark m JOIN criterion c "
            f"ON c.id = m.criterion_id WHERE m.score_id = panel_score.id AND c.standard = :standard)"
        ).bindparams(standard=standard))
    op.execute("DELETE FROM panel_score WHERE fit IS NULL OR deliverability IS NULL OR value IS NULL")
    with op.batch_alter_table('panel_score', schema=None) as batch_op:
        for standard in STANDARD:
            batch_op.alter_column(standard, existing_type=sa.SmallInteger(), nullable=False)
        batch_op.create_check_constraint(
            batch_op.f('ck_panel_score_marks_1_to_5'),
            'fit BETWEEN 1 AND 5 AND deliverability BETWEEN 1 AND 5 AND value BETWEEN 1 AND 5')
    with op.batch_alter_table('conflict', schema=None) as batch_op:
        batch_op.drop_column('name')
    op.drop_table('panel_settings')
    op.drop_table('recipient_location')
    for table in ('decision_vote', 'no_conflict'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_user_id'))
            batch_op.drop_index(batch_op.f(f'ix_{table}_application_id'))
        op.drop_table(table)
    with op.batch_alter_table('panel_mark', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_panel_mark_score_id'))
        batch_op.drop_index(batch_op.f('ix_panel_mark_criterion_id'))
    op.drop_table('panel_mark')
    with op.batch_alter_table('criterion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_criterion_round_id'))
    op.drop_table('criterion')
