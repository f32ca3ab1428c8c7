"""Precision and recall of needs search on the labelled set (tests/data/search/needs.json).

    .venv/bin/python bench/search_quality.py [--database URL] [--misses]

Puts the set's needs (in ten languages, some with approved translations, some with machine drafts) in a
fresh database (a temporary SQLite file unless --database names an empty PostgreSQL one, whose tables are
replaced), runs every query as the needs list (every word must match) and as the similar needs shown while
a title is typed (any word, the best five), and prints micro-averaged precision and recall for each.
"""
import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="")
    parser.add_argument("--misses", action="store_true", help="print each query the search got wrong")
    args = parser.parse_args()
    from flask_migrate import upgrade

    from app import create_app
    from app.extensions import db
    from app.models import Round
    from tests import search_set

    with tempfile.TemporaryDirectory() as folder:
        url = args.database or f"sqlite:///{folder}/search.db"
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
        with app.app_context():
            if args.database:
                db.drop_all()
                db.session.execute(db.text("DROP TABLE IF EXISTS alembic_version"))
                db.session.commit()
            upgrade(directory=str(ROOT / "migrations"))
            round_ = Round(slug="labelled-set", title="Labelled set", phase="propose")
            db.session.add(round_)
            db.session.commit()
            scores = search_set.score(round_, search_set.load(round_))
            db.engine.dispose()
    for mode, score in scores.items():
        print(f"{mode:8} precision {score.precision:.3f}  recall {score.recall:.3f}  "
              f"({score.found} relevant of {score.returned} returned; {score.relevant} relevant in all)")
        for miss in score.misses if args.misses else []:
            print("    " + miss)


if __name__ == "__main__":
    main()
