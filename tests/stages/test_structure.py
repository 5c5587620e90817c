"""The shape of the stage code: stages stand alone, keep no per-article state in module
caches, and keep their functions short (checked on the source with ``ast``)."""

from __future__ import annotations

import ast
from pathlib import Path

import danvan_nlp
from danvan_nlp import extract

PACKAGE = Path(danvan_nlp.__file__).resolve().parent
STAGES = PACKAGE / "stages"
MAX_FUNCTION_LINES = 40
_CACHES = {"cache", "lru_cache"}


def _stage_of(path: Path) -> str:
    """The stage a module belongs to: its package under ``stages/`` or its own name."""
    relative = path.relative_to(STAGES)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _imported_modules(tree: ast.Module) -> list[str]:
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return found


def _stage_modules() -> list[Path]:
    return [path for path in sorted(STAGES.rglob("*.py")) if path.name != "__init__.py"
            or path.parent != STAGES]


def test_no_stage_imports_another_stage() -> None:
    crossings = []
    for path in _stage_modules():
        own = _stage_of(path)
        for module in _imported_modules(ast.parse(path.read_text(encoding="utf-8"))):
            parts = module.split(".")
            if parts[:2] == ["danvan_nlp", "stages"] and len(parts) > 2 and parts[2] != own:
                crossings.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert crossings == []


def _decorator_name(node: ast.expr) -> str:
    target = node.func if isinstance(node, ast.Call) else node
    if isinstance(target, ast.Attribute):
        return target.attr
    return target.id if isinstance(target, ast.Name) else ""


def _cached_functions_with_arguments(tree: ast.Module) -> list[str]:
    """Module-level cached functions taking any argument: a text-keyed memo would be one
    (lexicon tables take no argument or a role name)."""
    found = []
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        cached = any(_decorator_name(d) in _CACHES for d in node.decorator_list)
        names = [arg.arg for arg in node.args.args]
        if cached and any(name in ("text", "ntext", "sentence", "article") for name in names):
            found.append(f"{node.name}({', '.join(names)})")
    return found


def test_no_module_cache_holds_per_article_state() -> None:
    offenders = {}
    for path in sorted(STAGES.rglob("*.py")):
        found = _cached_functions_with_arguments(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            offenders[str(path.relative_to(PACKAGE))] = found
    assert offenders == {}


def test_no_function_is_longer_than_forty_lines() -> None:
    long_ones = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long_ones.append(f"{path.relative_to(PACKAGE)}:{node.name} {lines}")
    assert long_ones == []


def test_context_tables_belong_to_one_article() -> None:
    first = extract("Tỉnh Hà Giang\nxây dựng 12 mô hình.\nnăm 2023 có 5 mô hình")
    second = extract("Huyện A công nhận 7 mô hình dân vận khéo.")
    assert first.context is not second.context
    assert first.context.text == first.ntext
    assert first.context.line_starts() == [0, 14, 35]
    assert first.context.line_of(20) == 1
    assert second.context.line_starts() == [0]
