"""Text from articles on a terminal: data, never Rich markup or control codes.

Everything the CLI prints that came from an input (titles, text, names, quotations, file names)
goes through here: escape sequences and other control characters are removed (or, in one-line
messages, shown as escapes), and Rich gets `Text` objects, which it never parses as markup."""

from __future__ import annotations

import json
import re

from rich.text import Text

# ESC sequences (CSI, OSC and other string commands, two-character ones), then any C0 control but
# tab and newline, DEL, and the C1 controls (U+0080-U+009F: U+009B is CSI on some terminals).
_ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI: colours, cursor moves, screen clearing
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, SOS, PM, APC: titles, links
    r"|\x1b[ -/]*[0-~]?"  # two-character and nF sequences (or a lone ESC)
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    r"|[\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # 8-bit string commands
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_BREAK = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_C1 = {c: f"\\u{c:04x}" for c in range(0x80, 0xA0)}


def clean(value: object, keep_lines: bool = True) -> str:
    """A value as printable text: escape sequences and control characters removed (tab and, with
    `keep_lines`, newlines kept; carriage returns, which would overwrite a line, removed)."""
    text = _ESCAPE.sub("", str(value))
    text = _CONTROL.sub("", text)
    return text if keep_lines else " ".join(text.split("\n"))


def text(value: object, style: str = "", keep_lines: bool = True) -> Text:
    """A Rich Text of a value from an input: printed as it is, never read as markup."""
    return Text(clean("" if value is None else value, keep_lines), style=style)


def one_line(message: str) -> str:
    """A message on one line whatever the names in it hold: control characters (newlines and
    escape sequences among them) shown as escapes such as \\n and \\x1b, not acted on."""
    return _CONTROL_OR_BREAK.sub(lambda m: _escape(m.group()), message)


def dumps(obj, **kwargs) -> str:
    """JSON for a terminal or a pipe: as json.dumps with ensure_ascii=False, with C1 controls
    written as \\u escapes too (json.dumps escapes only C0 ones)."""
    return json.dumps(obj, ensure_ascii=False, **kwargs).translate(_C1)


def _escape(ch: str) -> str:
    special = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if ch in special:
        return special[ch]
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"
