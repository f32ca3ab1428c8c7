"""Domain modules stay free of Flask and SQLAlchemy, so they can be tested and reused alone."""
import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"
PURE = [*sorted((APP / "voting").glob("*.py")), APP / "rounds" / "phases.py", APP / "needs" / "search_text.py",
        APP / "needs" / "terms.py", APP / "needs" / "categories.py", APP / "opendata" / "records.py", APP / "readable.py", APP / "bounds.py", APP / "access" / "codes.py",
        APP / "ballots" / "drafts.py", APP / "ballots" / "validation.py", APP / "ballots" / "counting.py",
        APP / "ballots" / "bulk.py", APP / "needs" / "status.py", APP / "money.py", APP / "workshops" / "timer.py",
        APP / "workshops" / "snapshot.py", APP / "paper" / "reconcile.py", APP / "paper" / "marks.py",
        APP / "paper" / "pairs.py"]
FRAMEWORKS = {"flask", "flask_babel", "flask_wtf", "flask_sqlalchemy", "flask_migrate", "flask_htmx", "sqlalchemy",
              "werkzeug", "jinja2", "wtforms", "alembic"}
PURE_MODULES = {".".join(path.relative_to(APP.parent).with_suffix("").parts).removesuffix(".__init__") for path in PURE}


def imported_modules(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append(("." * node.level) + (node.module or ""))
    return names


@pytest.mark.parametrize("path", PURE, ids=lambda p: str(p.relative_to(APP)))
def test_domain_module_imports_no_framework(path):
    bad = [name for name in imported_modules(path)
           if name.split(".")[0] in FRAMEWORKS or (name.startswith("app") and name not in PURE_MODULES)]
    assert bad == [], f"{path.name} imports {bad}"


def test_the_purity_check_catches_a_framework_import(tmp_path):
    impure = tmp_path / "rule.py"
    impure.write_text("from sqlalchemy import select\nimport flask\nfrom app.extensions import db\n")
    names = imported_modules(impure)
    assert names == ["sqlalchemy", "flask", "app.extensions"]
    assert "app.voting.ties" in PURE_MODULES and "app.extensions" not in PURE_MODULES
