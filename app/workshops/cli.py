"""`flask workshops start SLUG [--name NAME]` (CONTRACT.md)."""
import click
from flask import current_app
from flask.cli import AppGroup

from app.audit import COMMAND_LINE
from app.extensions import db
from app.models import Round

workshops = AppGroup("workshops", help="Workshop sessions in a room, with a projector.")


@workshops.command("start")
@click.argument("slug")
@click.option("--name", default="", help="What the session is called (default: Workshop).")
@click.option("--place", default="", help="Where it happens.")
def start_command(slug, name, place):
    """Start a workshop session on a round and print its projector link as the last line."""
    from app.workshops import services
    from app.workshops.links import projector_link

    round_ = db.session.scalar(db.select(Round).filter_by(slug=slug))
    if round_ is None:
        raise click.ClickException(f"no round with slug {slug!r}")
    session = services.start(round_, name.strip()[:140] or "Workshop", place.strip()[:140], None, COMMAND_LINE)
    with current_app.test_request_context(base_url=current_app.config["PUBLIC_URL"]):
        click.echo(f"join code: {session.join_code}")
        click.echo(projector_link(session))
