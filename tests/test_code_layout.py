"""The layout of course/ shows how the project works (ARCHITECTURE.md), and stays so:
each sub-package imports only the layers below it, no module imports another in a
cycle, no folder grows past about a dozen modules, and hooks/ and scripts/ stay
thin: they hand MkDocs' events or a command line to course/ and print."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from course import PROJECT_ROOT

COURSE = PROJECT_ROOT / "course"
# Each layer may import the ones before it, never the ones after it.
LAYERS = [
    {"course", "course.errors", "course.config"},
    {"course.sources"},
    {"course.blocks"},
    {"course.translation", "course.print", "course.web"},
    {"course.scorm"},
    {"course.build"},
]
MAX_MODULES_PER_FOLDER = 12


def layer_of(module: str) -> int:
    for depth in (2, 1):
        name = ".".join(module.split(".")[:depth])
        for index, layer in enumerate(LAYERS):
            if name in layer:
                return index
    raise AssertionError(f"{module} belongs to no layer of tests/test_code_layout.py: add its package there")


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def course_imports(path: Path) -> set[str]:
    """The course modules a file imports (`from course.x import y` counts course.x.y when that is a module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "course":
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if _is_module(candidate) else node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "course"}
    return found


def _is_module(name: str) -> bool:
    path = PROJECT_ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


MODULES = {module_name(p): p for p in sorted(COURSE.rglob("*.py"))}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_only_its_own_package_and_the_layers_below_it(module):
    own, package = layer_of(module), top_package(module)
    wrong = sorted(
        name
        for name in course_imports(MODULES[module])
        if top_package(name) != package and (layer_of(name) > own or (layer_of(name) == own and own > 0))
    )
    assert not wrong, f"{module} (layer {own}) imports from its own layer or one above it: {wrong}"


def top_package(module: str) -> str:
    """course.print.pdf_build -> course.print; course.errors -> course.errors."""
    return ".".join(module.split(".")[:2])


def test_no_module_imports_another_in_a_cycle():
    graph = {m: {i for i in course_imports(p) if i in MODULES and i != m} for m, p in MODULES.items()}
    visiting, done, cycles = set(), set(), []

    def visit(node, trail):
        if node in visiting:
            cycles.append(trail[trail.index(node) :])
            return
        if node in done:
            return
        visiting.add(node)
        for nxt in sorted(graph[node]):
            visit(nxt, [*trail, nxt])
        visiting.discard(node)
        done.add(node)

    for module in sorted(graph):
        visit(module, [module])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


@pytest.mark.parametrize(
    "folder",
    sorted({p.parent for p in COURSE.rglob("*.py")} | {PROJECT_ROOT / "hooks", PROJECT_ROOT / "scripts"}),
    ids=lambda p: p.relative_to(PROJECT_ROOT).as_posix(),
)
def test_no_folder_of_code_holds_more_than_a_dozen_modules(folder):
    modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
    limit = MAX_MODULES_PER_FOLDER if folder.is_relative_to(COURSE) else 20
    assert len(modules) <= limit, (
        f"{folder.relative_to(PROJECT_ROOT)} holds {len(modules)} modules: split it by concern"
    )


@pytest.mark.parametrize("package", sorted(p.parent for p in COURSE.glob("*/__init__.py")), ids=lambda p: p.name)
def test_every_sub_package_says_its_job_and_what_it_may_import(package):
    doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8"))) or ""
    assert (len(doc.split()) >= 20 and "May import" in doc) or "may import" in doc, (
        f"course/{package.name}/__init__.py must open with a docstring saying its one job and what it may import"
    )
