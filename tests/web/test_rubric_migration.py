"""Rounds marked on the three fixed questions move onto a rubric of those questions, equally weighted, with
every mark kept, and go back again, on SQLite and on PostgreSQL."""
from datetime import datetime, timezone

from flask_migrate import downgrade, upgrade
from sqlalchemy import Boolean, DateTime, Integer, MetaData, Numeric, Table, text

from app import create_app
from app.extensions import db
from tests.web.test_migrations import empty_database_url


def insert(connection, table_name, **values):
    """A row with the values given and a plain value for every other required column (the schema of that
    revision, read from the database: the models describe only the newest)."""
    table = Table(table_name, MetaData(), autoload_with=connection)
    row = dict(values)
    for column in table.columns:
        if column.name in row or column.nullable or column.server_default is not None or column.primary_key:
            continue
        kind = column.type
        row[column.name] = (datetime.now(timezone.utc) if isinstance(kind, DateTime) else False
                            if isinstance(kind, Boolean) else 1 if isinstance(kind, (Integer, Numeric)) else "x")
    connection.execute(table.insert().values(**row))


def test_marks_on_the_three_questions_arrive_on_an_equally_weighted_rubric_and_go_back(app, tmp_path):
    fresh = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": empty_database_url(app, tmp_path)})
    with fresh.app_context():
        upgrade(revision="0023_departures")
        with db.engine.begin() as connection:
            for round_id, slug in ((1, "marked"), (2, "no-panel")):
                insert(connection, "round", id=round_id, slug=slug, title=slug, phase="decide", language="en")
            insert(connection, "need", id=1, round_id=1, title="Lights", category="safety", language="en", status="open")
            for user_id in (1, 2):
                insert(connection, "user", id=user_id, email=f"m{user_id}@example.org")
            insert(connection, "application", id=1, round_id=1, need_id=1, applicant="Society", title="Lamps",
                   amount=900)
            insert(connection, "panel_score", id=1, application_id=1, user_id=1, fit=5, deliverability=2, value=4,
                   comment="Strong on need")
            insert(connection, "panel_score", id=2, application_id=1, user_id=2, fit=3, deliverability=3, value=1,
                   comment="")
        upgrade()
        from app.models import Application, Criterion, PanelScore, Round
        from app.panel import rubric, services

        criteria = rubric.criteria(db.session.get(Round, 1))
        assert [(c.standard.value, c.weight, c.name) for c in criteria] == [
            ("fit", 1, ""), ("deliverability", 1, ""), ("value", 1, "")]
        assert db.session.scalar(db.select(db.func.count(Criterion.id)).filter_by(round_id=2)) == 0
        ids = [str(c.id) for c in criteria]
        first, second = db.session.get(PanelScore, 1), db.session.get(PanelScore, 2)
        assert [first.sheet[i] for i in ids] == [5, 2, 4] and [second.sheet[i] for i in ids] == [3, 3, 1]
        assert first.comment == "Strong on need"
        # Equal weights: (11/3 + 7/3) / 2 = 3, the old mean total of 9 out of 15 on the new 1-to-5 scale.
        [proposal] = services.proposals(db.session.get(Round, 1), [db.session.get(Application, 1)])
        assert proposal.score == 3 and proposal.marked_by == 2
        db.session.remove()
        downgrade(revision="0023_departures")
        with db.engine.connect() as connection:
            back = connection.execute(text("SELECT id, fit, deliverability, value, comment FROM panel_score "
                                           "ORDER BY id")).all()
        assert back == [(1, 5, 2, 4, "Strong on need"), (2, 3, 3, 1, "")]
        db.engine.dispose()
