"""`flask translate update` and `flask translate compile`: the catalogs under translations/."""
import os
from pathlib import Path

import click
from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parents[1]
CATALOGS = ROOT / "translations"
TEMPLATE = CATALOGS / "messages.pot"

translate = click.Group("translate", help="Interface translations (Babel catalogs).")


def _pybabel(*arguments: str, quiet: bool = True) -> None:
    # Paths in the catalogs' comments are relative to the repository, wherever the command runs.
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        CommandLineInterface().run(["pybabel", *(["-q"] if quiet else []), *arguments])
    finally:
        os.chdir(here)


@translate.command("update")
def update_command():
    """Extract every string of the code and templates, and add the new ones to every catalog."""
    _pybabel("extract", "-F", str(ROOT / "babel.cfg"), "-k", "_l", "-k", "lazy_gettext", "--ignore-dirs=.*",
             "--add-location=file", "--sort-output", "-o", str(TEMPLATE), ".")
    _pybabel("update", "-i", str(TEMPLATE), "-d", str(CATALOGS), "--width", "100")
    click.echo(f"Updated the catalogs in {CATALOGS}: translate the new entries, then run `flask translate compile`.")


@translate.command("compile")
def compile_command():
    """Compile every catalog for the app to use."""
    _pybabel("compile", "-d", str(CATALOGS), "--statistics", quiet=False)


@translate.command("init")
@click.argument("language")
def init_command(language):
    """Start a catalog for a new language (then add its code to LANGUAGES in config.py)."""
    _pybabel("init", "-i", str(TEMPLATE), "-d", str(CATALOGS), "-l", language)
