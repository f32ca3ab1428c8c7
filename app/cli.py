"""Command-line interface: `flask users ...`, `flask demo` (see CONTRACT.md)."""
import sys

import click
from flask import Flask
from flask.cli import AppGroup, with_appcontext

from app.extensions import db
from app.models import Role, Round

users = AppGroup("users", help="Staff accounts.")


@users.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--round", "round_slug", help="Give the role in this round only.")
def create_user_command(email, role, round_slug):
    """Create or update a staff account; the password is read from stdin."""
    from app.accounts.services import AccountError, create_user

    round_ = None
    if round_slug:
        round_ = db.session.scalar(db.select(Round).filter_by(slug=round_slug))
        if round_ is None:
            raise click.ClickException(f"no round with slug {round_slug!r}")
    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        user = create_user(email, password, Role(role), round_)
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"{user.email}: {role}" + (f" in {round_slug}" if round_slug else ""))


@click.command("demo")
@with_appcontext
def demo_command():
    """Load demo rounds (one in each phase) with needs, comments and supports; safe to run twice."""
    from app.demo.load import load_demo

    for line in load_demo():
        click.echo(line)


def init_app(app: Flask) -> None:
    app.cli.add_command(users)
    app.cli.add_command(demo_command)
