"""`flask rounds tally`, and the process that runs it without the web app's extras.

Counting a round needs its settings, its needs and its ballots: not the blueprints, Babel, forms, rate
limits, compression, SQLAlchemy or the models, which were four fifths of the command's CPU time
before it counted anything. So when the command line is asked for `rounds tally` alone, create_app
makes an app with the configuration and this command only, and the command reads the tables through
the database driver (app/ballots/bulk.py). Run any other way (the full app, the tests' runner), the
same command reads through the app's own database connection.
"""
import gc
import os
import sys
from contextlib import contextmanager
from urllib.parse import unquote

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from app.ballots import bulk, counting
from app.money import dumps_exact


def counting_only(test_config: dict | None) -> bool:
    """Whether this process is the command line running `rounds tally` (`flask [...] rounds tally ...`)."""
    words = sys.argv[1:]
    return (test_config is None and os.environ.get("FLASK_RUN_FROM_CLI") == "true"
            and ("rounds", "tally") in zip(words, words[1:]))


def init_counting_app(app: Flask) -> None:
    # A short process whose ballots hold no cycles: the collector only rescanned them, again and
    # again while a city's ballots were parsed (a third of the parse's time).
    gc.disable()
    rounds = AppGroup("rounds", help="Import rounds and count their ballots.")
    rounds.add_command(tally_command)
    app.cli.add_command(rounds)


@click.command("tally")
@with_appcontext
@click.argument("slug")
@click.option("--rule", "rule_name", help="A rule name (the round's own rule otherwise).")
@click.option("--tie-break", "tie_break", help="lexicographic, min-cost, max-cost or random:SEED.")
def tally_command(slug, rule_name, tie_break):
    """Print the outcome of a round as one JSON object."""
    with _connection() as connection:
        round_ = bulk.read_round(connection, slug)
        if round_ is None:
            _fail(f"no round with slug {slug!r}")
        try:
            rules = [rule_name or counting.default_rule(round_)]
            counting.counters(round_, rules)  # an unknown rule is refused before the ballots are read
            outcome = counting.count(round_, bulk.counted_needs(connection, round_),
                                     bulk.ballot_contents(connection, round_), rules, tie_break)[0]
        except ValueError as error:
            _fail(str(error))
    click.echo(dumps_exact(counting.outcome_record(round_, outcome), ensure_ascii=False))


def _fail(reason: str) -> None:
    click.echo(f"error: {reason}", err=True)
    sys.exit(1)


@contextmanager
def _connection():
    """The app's own connection when the full app runs; otherwise one of the driver's, closed after."""
    if "sqlalchemy" in current_app.extensions:
        from app.extensions import db

        yield db.session.connection().connection.driver_connection
        return
    connection = connect(current_app.config["SQLALCHEMY_DATABASE_URI"], current_app.instance_path,
                         current_app.config["SQLITE_BUSY_TIMEOUT_MS"])
    try:
        yield connection
    finally:
        connection.close()


def connect(url: str, instance_path: str, busy_timeout_ms: int):
    """A driver connection for a database URL as Flask-SQLAlchemy reads it (a relative SQLite path is
    in the instance folder); a URL of another form goes through SQLAlchemy, slower to load."""
    if url.startswith("sqlite:///") and "?" not in url and not url.startswith("sqlite:///:"):
        import sqlite3

        path = unquote(url[len("sqlite:///"):])
        connection = sqlite3.connect(os.path.join(instance_path, path), timeout=busy_timeout_ms / 1000)
        connection.execute("BEGIN")  # the three statements read one state of the database
        return connection
    if url.startswith("postgresql+psycopg://"):
        import psycopg

        connection = psycopg.connect("postgresql://" + url[len("postgresql+psycopg://"):])
        connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        connection.read_only = True
        return connection
    from sqlalchemy import create_engine

    return create_engine(url).raw_connection().driver_connection
