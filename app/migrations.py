"""Flask-Migrate, bound to the app; on the command line Alembic loads only when `flask db` runs.

Alembic (with Mako and Pygments) is about a tenth of the command line's start-up, and only
`flask db ...` needs it: `flask rounds tally` should not pay for it.
"""
import os

from flask import Flask
from flask.cli import AppGroup


def _bind(app: Flask) -> None:
    from flask_migrate import Migrate

    from app.extensions import db
    from app.schema import compare_type, include_object, render_item

    Migrate(app, db, render_as_batch=True, compare_type=compare_type, include_object=include_object,
            render_item=render_item)


class _Commands(AppGroup):
    """The app's commands, binding Flask-Migrate (and so importing Alembic) when `db` is asked for."""

    def __init__(self, app: Flask):
        super().__init__()
        self.app = app

    def get_command(self, ctx, name):
        if name == "db" and "migrate" not in self.app.extensions:
            _bind(self.app)
        return super().get_command(ctx, name)

    def list_commands(self, ctx):
        return sorted({*super().list_commands(ctx), "db"})


def init_app(app: Flask) -> None:
    if os.environ.get("FLASK_RUN_FROM_CLI") == "true":
        commands = _Commands(app)
        commands.commands.update(app.cli.commands)
        app.cli = commands
    else:
        _bind(app)
