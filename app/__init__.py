"""Commonground: participatory rounds for residents, facilitators and funder panels."""
from pathlib import Path

from flask import Flask

from config import Config


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_path=str(Path(__file__).resolve().parent.parent / "instance"))
    app.config.from_object(Config)
    if test_config:
        app.config.update(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    from app import tally_cli

    if tally_cli.counting_only(test_config):  # `flask rounds tally`: the configuration and the count, nothing else
        tally_cli.init_counting_app(app)
        return app

    from app import bad_input, cli, compression, errors, migrations, page_cache, web
    from app.extensions import babel, csrf, db, htmx, limiter
    from app.i18n import select_locale

    db.init_app(app)
    migrations.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    csrf.init_app(app)
    htmx.init_app(app)
    limiter.init_app(app)
    if app.config["TRUSTED_PROXIES"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        proxies = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    bad_input.init_app(app)
    web.init_app(app)
    compression.init_app(app)
    page_cache.init_app(app)  # after compression: see its docstring
    errors.init_app(app)
    cli.init_app(app)
    _register_blueprints(app)
    return app


def _register_blueprints(app: Flask) -> None:
    from app.access.routes import bp as access
    from app.admin.routes import bp as admin
    from app.applications.routes import bp as applications
    from app.applications.panel_routes import bp as eligibility
    from app.challenges.routes import bp as challenges
    from app.accounts.routes import bp as accounts
    from app.ballots.routes import bp as ballots
    from app.results.routes import bp as results
    from app.review.routes import bp as review
    from app.main.routes import bp as main
    from app.moderation.routes import bp as moderation
    from app.needs.routes import bp as needs
    from app.opendata.routes import bp as opendata
    from app.panel.public import bp as grants
    from app.paper.public import bp as paper_public
    from app.paper.routes import bp as paper
    from app.panel.routes import bp as panel
    from app.panel.rubric_routes import bp as rubric
    from app.privacy.routes import bp as privacy
    from app.progress.routes import bp as progress
    from app.register.api import bp as api
    from app.register.carry_routes import bp as carry
    from app.register.link_routes import bp as links
    from app.needs.evidence_routes import bp as evidence
    from app.needs.comment_translation_routes import bp as comment_translations
    from app.register.routes import bp as register
    from app.register.ward_routes import bp as wards
    from app.rounds.routes import bp as rounds
    from app.workshops.public import bp as projector
    from app.workshops.routes import bp as workshops

    for blueprint in (main, accounts, admin, privacy, rounds, access, needs, moderation, opendata, ballots, results,
                      panel, grants, register, api, wards, carry, links, evidence, challenges, workshops, projector,
                      paper, paper_public, review, progress, applications, eligibility, rubric, comment_translations):
        app.register_blueprint(blueprint)
