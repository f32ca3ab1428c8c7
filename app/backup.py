"""`flask backup PATH`: a consistent copy of the SQLite database, taken while the app runs."""
import sqlite3
from contextlib import closing
from pathlib import Path

import click
from flask.cli import with_appcontext

from app.extensions import db

PG_DUMP = "pg_dump --format=custom --file=commonground.dump \"$DATABASE_URL\""


class BackupRefused(Exception):
    """Why no copy was written: it would overwrite a file, or the database is not SQLite."""


def backup_sqlite(source: str, target: Path, force: bool = False) -> int:
    """Copy the database at `source` to `target` with SQLite's online backup, in one step, so the copy is
    the database as it stood at one moment; writers wait only while pages are read. Returns its pages."""
    if target.exists() and not force:
        raise BackupRefused(f"{target} exists; pass --force to overwrite it")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    with closing(sqlite3.connect(source)) as live, closing(sqlite3.connect(partial)) as copy:
        live.execute("PRAGMA busy_timeout=10000")
        live.backup(copy)
        if copy.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupRefused("the copy failed its integrity check")
        pages = copy.execute("PRAGMA page_count").fetchone()[0]
    # Only a finished copy takes the name, so a backup cut short never looks complete.
    partial.replace(target)
    return pages


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@with_appcontext
def backup_command(path: Path, force: bool):
    """Write a consistent copy of the SQLite database to PATH while the app keeps running."""
    url = db.engine.url
    if url.get_backend_name() != "sqlite":
        raise click.ClickException(f"this database is PostgreSQL: back it up with {PG_DUMP}")
    try:
        pages = backup_sqlite(url.database, path, force)
    except BackupRefused as refused:
        raise click.ClickException(str(refused)) from None
    click.echo(f"{path}: {pages} pages")
