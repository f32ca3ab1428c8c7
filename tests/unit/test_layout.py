"""Blueprints stand alone: what several of them need lives in a module that is not a routes module."""
import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def routes_imported(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.split(".")[-1] == "routes"]
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            if module.split(".")[-1] == "routes":
                found.append(module)
            else:
                found += [f"{module}.routes" for alias in node.names if alias.name == "routes"]
    return found


def test_no_routes_module_imports_another_and_nothing_else_imports_one():
    # The factory registers the blueprints, so it alone imports routes modules.
    modules = [path for path in APP.glob("**/*.py") if path != APP / "__init__.py"]
    assert len([path for path in modules if path.name == "routes.py"]) >= 10
    offenders = {str(path.relative_to(APP)): routes_imported(path) for path in modules if routes_imported(path)}
    assert offenders == {}


def test_the_check_catches_a_routes_import_in_each_form(tmp_path):
    routes = tmp_path / "routes.py"
    routes.write_text("from app.rounds.routes import get_round\nfrom app.needs import routes\nimport app.panel.routes\n"
                      "from .routes import bp\nfrom app import loaders\nfrom app.access.gates import join_redirect\n")
    assert routes_imported(routes) == ["app.rounds.routes", "app.needs.routes", "app.panel.routes", ".routes"]
