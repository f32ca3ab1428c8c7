"""`flask backup`: a consistent copy of the SQLite database while residents keep writing, and a restore."""
import sqlite3
import threading
from contextlib import closing

import pytest

from app import create_app
from app.extensions import db


@pytest.fixture
def sqlite_file(app):
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("flask backup copies SQLite; PostgreSQL is backed up with pg_dump")
        return db.engine.url.database


def counts(path) -> tuple[int, int]:
    with closing(sqlite3.connect(path)) as connection:
        return (connection.execute("SELECT count(*) FROM participant").fetchone()[0],
                connection.execute("SELECT count(*) FROM support").fetchone()[0])


def test_a_backup_taken_during_writes_is_whole_and_restores(app, runner, sqlite_file, make_round, make_need, tmp_path):
    round_id = make_round(phase="discuss")
    need_id = make_need()
    stop = threading.Event()

    def resident_support():
        # Each supporter arrives with their support in one transaction: a copy taken mid-way must
        # hold both or neither.
        with closing(sqlite3.connect(sqlite_file, isolation_level=None)) as connection:
            connection.execute("PRAGMA busy_timeout=10000")
            while not stop.is_set():
                connection.execute("BEGIN IMMEDIATE")
                made = connection.execute("INSERT INTO participant (round_id, display_name, created_at, declaration)"
                                          " VALUES (?, 's', '2026-01-01 00:00:00', '') RETURNING id", (round_id,)).fetchone()[0]
                connection.execute("INSERT INTO support (need_id, participant_id, created_at) VALUES (?, ?, "
                                   "'2026-01-01 00:00:00')", (need_id, made))
                connection.execute("COMMIT")

    writer = threading.Thread(target=resident_support)
    writer.start()
    try:
        copies = [tmp_path / f"copy{n}.db" for n in range(3)]
        for copy in copies:
            result = runner.invoke(args=["backup", str(copy)])
            assert result.exit_code == 0, result.output
    finally:
        stop.set()
        writer.join()
    for copy in copies:
        with closing(sqlite3.connect(copy)) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        participants, supports = counts(copy)
        assert participants == supports + 1  # the need's author, and each supporter with their support
    assert counts(copies[-1])[1] > 0
    final = tmp_path / "final.db"
    assert runner.invoke(args=["backup", str(final)]).exit_code == 0
    assert counts(final) == counts(sqlite_file)
    restored = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{final}", "SECRET_KEY": "test-secret"})
    page = restored.test_client().get(f"/rounds/lewisham/needs/{need_id}")
    assert page.status_code == 200 and "Safe place for children to play" in page.get_data(as_text=True)
    with restored.app_context():
        db.engine.dispose()


def test_a_backup_never_overwrites_a_file_unless_told_to(runner, sqlite_file, make_round, tmp_path):
    make_round()
    target = tmp_path / "kept.db"
    target.write_text("last week's copy")
    refused = runner.invoke(args=["backup", str(target)])
    assert refused.exit_code != 0 and "--force" in refused.output
    assert target.read_text() == "last week's copy"
    assert runner.invoke(args=["backup", str(target), "--force"]).exit_code == 0
    assert counts(target)[0] == 0
