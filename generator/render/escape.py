"""The one escape for content text on its way into Markdown pages.

Content is Markdown for emphasis, lists and tables, but never for markup: raw HTML, attribute
lists (`Title { onclick="…" }`) and Markdown link or image syntax (`[x](javascript:…)`) are turned
into plain characters. Links between pages are written as `[[id]]` and made by the linker.
"""

from __future__ import annotations

from markupsafe import Markup

_ESCAPES = (("<", "&lt;"), (">", "&gt;"), ("{", "&#123;"), ("}", "&#125;"), ("[", "&#91;"), ("]", "&#93;"))
"""No replacement holds a character that another one replaces, so their order does not matter."""


def md_escape(text: str) -> Markup:
    """Text safe to place in a Markdown page: it can style words but cannot become markup or a link."""
    text = str(text)
    for char, entity in _ESCAPES:  # a pass per character is faster than str.translate on short texts
        if char in text:
            text = text.replace(char, entity)
    return Markup(text)


def table_cell(value: str) -> Markup:
    """Text (escaped unless it is already Markup) that also cannot end a Markdown table cell: for table cells,
    and for a link's words (a title holding a pipe would otherwise split any table row the link sits in)."""
    safe = value if isinstance(value, Markup) else md_escape(value)
    return Markup(str(safe).replace("|", "&#124;").replace("\n", " "))
