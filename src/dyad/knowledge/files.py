"""Reading knowledge files: YAML with the line of every entry, errors that name file and line."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeError

LINE = "__line__"


def data_path(name: str) -> Path:
    """A file of the built-in knowledge base."""
    return Path(str(resources.files("dyad.knowledge").joinpath("data", name)))


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records the line of every mapping under LINE."""

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


def load_yaml(path: Path) -> Any:
    """Parse a YAML file; a syntax error or unreadable file is a KnowledgeError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError(str(path), None, "no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise KnowledgeError(str(path), None, f"cannot read: {err}") from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise KnowledgeError(str(path), line, f"invalid YAML: {problem}") from None
