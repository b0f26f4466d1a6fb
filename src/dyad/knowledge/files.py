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


_PARSER = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader  # libyaml where built
_NO_KEY = object()


def load_yaml(path: Path, plain: bool = False) -> Any:
    """Parse a YAML file; a syntax error or unreadable file is a KnowledgeError. `plain`: the fast
    path for large files of plain data (see _plain_data)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError(str(path), None, "no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise KnowledgeError(str(path), None, f"cannot read: {err}") from None
    try:
        return _plain_data(text) if plain else yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise KnowledgeError(str(path), line, f"invalid YAML: {problem}") from None


def _plain_data(text: str) -> Any:
    """Mappings (with LINE), lists and strings built straight from the parser's events (libyaml's
    where PyYAML has it): several times faster than the loader on a large file. Every scalar is a
    string ("1999", "2024-12-08"); tags and anchors have no meaning here."""
    root: list = []
    stack: list = [root]  # the containers being filled
    keys: list = [_NO_KEY]  # for each, the mapping key awaiting its value
    for ev in yaml.parse(text, Loader=_PARSER):
        if isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            keys.pop()
            continue
        if isinstance(ev, yaml.ScalarEvent):
            value: Any = ev.value
        elif isinstance(ev, yaml.MappingStartEvent):
            value = {LINE: ev.start_mark.line + 1}
        elif isinstance(ev, yaml.SequenceStartEvent):
            value = []
        elif isinstance(ev, yaml.AliasEvent):
            raise yaml.MarkedYAMLError(
                problem="anchors and aliases are not allowed", problem_mark=ev.start_mark
            )
        else:  # stream and document start and end
            continue
        top = stack[-1]
        if isinstance(top, list):
            top.append(value)
        elif keys[-1] is _NO_KEY:
            if not isinstance(value, str):
                raise yaml.MarkedYAMLError(problem="a key must be a plain string", problem_mark=ev.start_mark)
            keys[-1] = value
            continue
        else:
            top[keys[-1]] = value
            keys[-1] = _NO_KEY
        if not isinstance(value, str):
            stack.append(value)
            keys.append(_NO_KEY)
    return root[0] if root else None
