"""One kind of error for bad content: it names the file, the line and the fix."""

from __future__ import annotations

from pathlib import Path


class ContentError(Exception):
    """Something in the course's files that must be fixed before the site can ship."""

    def __init__(self, path: Path | str, problem: str, fix: str, line: int | None = None):
        self.path = Path(path)
        self.line = line
        self.problem = problem
        self.fix = fix
        super().__init__(str(self))

    def __str__(self) -> str:
        where = display_path(self.path) + (f":{self.line}" if self.line else "")
        return f"{where}: {self.problem}\n  How to fix: {self.fix}"


def display_path(path: Path) -> str:
    """The path relative to the folder the command runs in (the project) when it is inside
    it, else relative to this project, so messages stay short and match the editor's view."""
    from course import PROJECT_ROOT

    resolved = Path(path).resolve()
    for base in (Path.cwd(), PROJECT_ROOT):
        try:
            return resolved.relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return str(path)
