"""The package's layout (issue 17): no module over 400 lines, no class over 200, no import cycle, and
imports that run one way, from the views down to the model (the contracts in pyproject.toml, kept by
import-linter). Each check is also shown failing on a small package made here."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
from conftest import ROOT

PACKAGE = ROOT / "src" / "dyad"
MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 200


def long_modules(root: Path) -> list[str]:
    """Modules under `root` over MAX_MODULE_LINES, as 'path: N lines'."""
    found = []
    for path in sorted(root.rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            found.append(f"{path.relative_to(root)}: {lines} lines")
    return found


def long_classes(root: Path) -> list[str]:
    """Classes (nested ones too) under `root` over MAX_CLASS_LINES, as 'path:line class Name: N lines'."""
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_CLASS_LINES:
                    found.append(f"{path.relative_to(root)}:{node.lineno} class {node.name}: {lines} lines")
    return found


def module_cycles(package: str, ignore: list[str] = ()) -> list[str]:
    """Every import of `package` that its imported module imports back, directly or not, as the
    cycle's modules; function-level (lazy) imports count, imports under TYPE_CHECKING do not.
    `ignore`: imports left out, as 'a.b -> a.c'."""
    graph = grimp.build_graph(package, cache_dir=None, exclude_type_checking_imports=True)
    for line in ignore:
        importer, imported = (m.strip() for m in line.split("->"))
        graph.remove_import(importer=importer, imported=imported)
    found = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                found.append(" -> ".join((importer, *back)))
    return found


def lint_imports(config: Path, cwd: Path) -> subprocess.CompletedProcess:
    """import-linter's `lint-imports` over the contracts of `config`."""
    command = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    args = [sys.executable, "-c", command, str(config), "--no-cache", "--no-logo"]
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_no_module_is_over_400_lines():
    assert [m for m in long_modules(PACKAGE)] == []


def test_no_class_is_over_200_lines():
    assert [c for c in long_classes(PACKAGE)] == []


def test_no_import_cycle_among_dyads_modules():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    ignored = next(c for c in contracts if c["id"] == "acyclic").get("ignore_imports", [])
    assert module_cycles("dyad", ignored) == []


def test_imports_keep_the_contracts_no_cycle_and_views_over_the_model():
    r = lint_imports(ROOT / "pyproject.toml", ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Contracts: 2 kept, 0 broken." in r.stdout


def test_each_check_fails_on_a_package_that_breaks_it(tmp_path, monkeypatch):
    pkg = tmp_path / "badpkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from . import b\n")
    (pkg / "b.py").write_text("def f():\n    from . import a  # lazy: a cycle all the same\n")
    (pkg / "big.py").write_text("x = 1\n" * (MAX_MODULE_LINES + 1))
    (pkg / "wide.py").write_text("class Wide:\n" + "    x = 1\n" * MAX_CLASS_LINES)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert long_modules(pkg) == ["big.py: 401 lines"]
    assert long_classes(pkg) == ["wide.py:1 class Wide: 201 lines"]
    assert module_cycles("badpkg") == ["badpkg.a -> badpkg.b -> badpkg.a", "badpkg.b -> badpkg.a -> badpkg.b"]
    assert module_cycles("badpkg", ["badpkg.b -> badpkg.a"]) == []
    config = tmp_path / "contracts.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "badpkg"\n\n[[tool.importlinter.contracts]]\nid = "acyclic"\n'
        'name = "no cycle"\ntype = "acyclic_siblings"\nancestors = ["badpkg"]\n'
    )
    r = lint_imports(config, tmp_path)
    assert r.returncode == 1 and "Contracts: 0 kept, 1 broken." in r.stdout, r.stdout + r.stderr
