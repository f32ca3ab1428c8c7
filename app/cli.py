"""Command-line interface: `flask users ...`, `flask demo` (see CONTRACT.md)."""
import sys
from datetime import date
from pathlib import Path

import click
from flask import Flask, current_app, url_for
from flask.cli import AppGroup, with_appcontext

from app import audit
from app.access.services import generate
from app.accounts.links import make_token
from app.accounts.services import AccountError, account_for, create_user, remove_role
from app.audit import COMMAND_LINE
from app.backup import backup_command
from app.ballots.exports import to_pabulib
from app.ballots.sealing import seal_due, seal_if_due
from app.ballots.imports import import_pabulib, import_preflib
from app.demo.load import load_demo
from app.extensions import db
from app.models import Role, Round
from app.privacy.services import purge_due
from app.translate_cli import translate
from app.tally_cli import tally_command

users = AppGroup("users", help="Staff accounts.")
rounds = AppGroup("rounds", help="Import rounds and count their ballots.")
codes = AppGroup("codes", help="Access codes: one per participant, printed on cards.")
privacy = AppGroup("privacy", help="Residents' personal data.")
static = AppGroup("static", help="Static files (CSS, htmx).")
rounds.add_command(tally_command)


@users.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--round", "round_slug", help="Give the role in this round only.")
@click.option("--invite", is_flag=True, help="Print an invitation link instead of reading a password.")
@click.option("--organisation", default="", help="The organisation the person works for (made if new).")
@click.option("--org-id", default="", help="Its 360Giving organisation identifier, e.g. GB-CHC-1234567.")
def create_user_command(email, role, round_slug, invite, organisation, org_id):
    """Create or update a staff account. The password is read from stdin; with --invite, or when
    stdin is empty, an invitation link is printed for the person to choose their own."""
    round_ = _round_or_fail(round_slug) if round_slug else None
    password = None
    if not invite:
        if sys.stdin.isatty():
            password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        else:
            password = sys.stdin.readline().rstrip("\r\n") or None
    try:
        user = create_user(email, password, Role(role), round_, organisation, org_id)
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"{user.email}: {role}" + (f" in {round_slug}" if round_slug else "")
               + (f", of {user.organisation.name}" if user.organisation is not None else ""))
    if password is None:
        with current_app.test_request_context(base_url=current_app.config["PUBLIC_URL"]):
            click.echo(url_for("accounts.accept_invitation", token=make_token(user, "invitation"), _external=True))


@users.command("remove-role")
@click.argument("email")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--round", "round_slug", help="The round the role was given in (every round otherwise).")
def remove_role_command(email, role, round_slug):
    """Take a role away from a staff account; every session of the account ends."""
    round_ = _round_or_fail(round_slug) if round_slug else None
    user = account_for(email)
    if user is None:
        _fail(f"no account for {email!r}")
    remove_role(user, Role(role), round_)
    click.echo(f"{user.email}: no longer {role}" + (f" in {round_slug}" if round_slug else ""))


@click.command("demo")
@with_appcontext
def demo_command():
    """Load demo rounds (one in each phase) with needs, comments and supports; safe to run twice."""
    for line in load_demo():
        click.echo(line)


def _fail(reason: str) -> None:
    click.echo(f"error: {reason}", err=True)
    sys.exit(1)


def _import_round(importer, path: Path, slug: str | None) -> None:
    try:
        round_ = importer(path, slug)
    except (OSError, ValueError) as error:  # file errors, bad encodings, a file's own errors, a slug in use
        db.session.rollback()
        _fail(f"{path}: {error}")
    audit.record(COMMAND_LINE, "round-imported", round_, file=path.name)
    db.session.commit()
    click.echo(f"imported {path.name} as {round_.title!r}")
    click.echo(round_.slug)


def _round_or_fail(slug: str) -> Round:
    round_ = db.session.scalar(db.select(Round).filter_by(slug=slug))
    if round_ is None:
        _fail(f"no round with slug {slug!r}")
    return round_


@rounds.command("import-preflib")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--slug", help="The new round's slug (made from the file's title otherwise).")
def import_preflib_command(path, slug):
    """Create a ranking round from a PrefLib .soc/.soi/.toc/.toi file; print its slug last."""
    _import_round(import_preflib, path, slug)


@rounds.command("import-pabulib")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--slug", help="The new round's slug (made from the file's description otherwise).")
def import_pabulib_command(path, slug):
    """Create a budgeted round from a Pabulib .pb file; print its slug last."""
    _import_round(import_pabulib, path, slug)


@rounds.command("export-pabulib")
@click.argument("slug")
def export_pabulib_command(slug):
    """Print the round as a Pabulib file (ballots pseudonymised)."""
    round_ = _round_or_fail(slug)
    click.echo(to_pabulib(round_), nl=False)


@codes.command("generate")
@click.argument("slug")
@click.option("--count", type=click.IntRange(1, None), required=True, help="How many codes to make.")
def generate_codes_command(slug, count):
    """Make COUNT access codes for a round and print them, one per line."""
    round_ = _round_or_fail(slug)
    try:
        made = generate(round_, count, COMMAND_LINE)
    except ValueError as error:
        _fail(str(error))
    for access in made:
        click.echo(access.code)


@rounds.command("seal")
@click.argument("slug")
def seal_command(slug):
    """Cut the round's ballots from their voters, if ranking has closed (it happens by itself at the close)."""
    round_ = _round_or_fail(slug)
    if round_.sealed:
        click.echo(f"{round_.slug}: already sealed")
    elif not seal_if_due(round_, round_.phase_on(date.today())):
        _fail(f"ranking has not closed in {round_.slug!r}, so its ballots can still change")
    else:
        click.echo(f"{round_.slug}: sealed")


@privacy.command("purge")
def purge_command():
    """Seal rounds whose ranking has closed; remove personal data from every round whose retention
    period has ended (run daily)."""
    for round_ in seal_due(date.today()):
        click.echo(f"{round_.slug}: sealed")
    for round_, count in purge_due(date.today()):
        click.echo(f"{round_.slug}: {count} participants forgotten")


@static.command("compress")
def compress_static_command():
    """Write .br and .gz copies beside each static text file (make install runs this)."""
    from app.compression import precompress

    written = precompress(Path(current_app.static_folder))
    click.echo(f"{len(written)} compressed copies written")


def init_app(app: Flask) -> None:
    from app.workshops.cli import workshops

    app.cli.add_command(backup_command)
    app.cli.add_command(translate)
    app.cli.add_command(workshops)
    app.cli.add_command(privacy)
    app.cli.add_command(codes)
    app.cli.add_command(users)
    app.cli.add_command(rounds)
    app.cli.add_command(demo_command)
    app.cli.add_command(static)
