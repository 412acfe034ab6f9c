"""Join separately rendered PDF pieces into one deck, keeping WeasyPrint's tag tree.

pypdf reads each piece's cross-reference table and the few objects that tie a piece together (catalog, page tree,
structure root, parent tree); every other object (pages, content, fonts, the thousands of tagged elements) is
copied as it was written, with its object numbers shifted into the deck's range. A piece's page tree, structure
root and /Document element are replaced by the deck's own, so each page and each tagged element of every piece ends
up under one page tree and one /Document element, in page order: a screen reader reads the deck as it read the
pieces. pydyf (WeasyPrint's own writer) writes the result, packing the small objects into one compressed object
stream as WeasyPrint does. Copying instead of rebuilding every object in pypdf keeps a deck's merge to a fraction
of its render time.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import pydyf
from pypdf import PdfReader
from pypdf.generic import StreamObject

from .render import DeckInfo

STRING = rb"\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f\s]*>"
"""A literal or hex string; pydyf escapes every parenthesis inside a literal one."""
REFERENCE = re.compile(STRING + rb"|(?<![\d.])(\d+) 0 R(?![\w])")
"""A string (left as it is) or an object reference."""
STRUCT_PARENTS = re.compile(rb"(/StructParents?\s*)(\d+)")
NUMS_ENTRY = re.compile(rb"(\d+)\s*(\[[^\]]*\]|\d+ 0 R)")
"""A parent-tree entry: a page's key and the elements of its marked content, or an annotation's key and element."""
PAGES, CATALOG, TREE, DOCUMENT, PARENT_TREE = range(1, 6)
"""The deck's own objects, numbered first; the pieces' objects follow."""


class _Written(pydyf.Object):
    """An object already serialised, for pydyf to write (non-stream objects go into the object stream)."""

    def __init__(self, data: bytes, stream: bool = False) -> None:
        super().__init__()
        self._data, self._stream = data, stream

    @property
    def data(self) -> bytes:
        return self._data

    @property
    def compressible(self) -> bool:
        return not self._stream


@dataclass
class _Deck:
    objects: list[_Written] = field(default_factory=list)
    """The pieces' objects, numbered from PARENT_TREE + 1."""
    pages: list[int] = field(default_factory=list)
    elements: list[int] = field(default_factory=list)
    """The tagged elements directly under /Document."""
    nums: list[bytes] = field(default_factory=list)
    """The parent tree: key, then the value, renumbered."""
    next_key: int = 0
    language: bytes = b"()"

    def number(self) -> int:
        return PARENT_TREE + 1 + len(self.objects)


def merge(pieces: list[bytes], info: DeckInfo, producer: str) -> bytes:
    """One PDF of all pages in order; each piece starts on an odd (right-hand) page, as a sheet front must."""
    deck = _Deck()
    for data in pieces:
        _add(deck, PdfReader(io.BytesIO(data)))
    kids = b" ".join(b"%d 0 R" % page for page in deck.pages)
    own = [
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(deck.pages)),
        b"<< /Type /Catalog /Pages %d 0 R /StructTreeRoot %d 0 R /MarkInfo << /Marked true >> "
        b"/ViewerPreferences << /DisplayDocTitle true >> /Lang %s >>" % (PAGES, TREE, deck.language),
        b"<< /Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R >>" % (DOCUMENT, PARENT_TREE),
        b"<< /Type /StructElem /S /Document /P %d 0 R /K [%s] >>"
        % (TREE, b" ".join(b"%d 0 R" % element for element in deck.elements)),
        b"<< /Nums [%s] >>" % b" ".join(deck.nums),
    ]
    pdf = pydyf.PDF()
    pdf.objects = pdf.objects[:1]  # the free object 0; the deck's objects replace pydyf's own page tree and catalog
    for obj in [*map(_Written, own), *deck.objects]:
        pdf.add_object(obj)
    pdf.catalog = pdf.objects[CATALOG]
    pdf.info = pydyf.Dictionary({"Title": pydyf.String(info.title), "Author": pydyf.String(info.author),
                                 "Subject": pydyf.String(info.subject), "Keywords": pydyf.String(info.keywords),
                                 "Producer": pydyf.String(producer)})
    out = io.BytesIO()
    pdf.write(out, version=b"1.7", compress=True)
    return out.getvalue()


def _add(deck: _Deck, reader: PdfReader) -> None:
    """Append one piece: its pages, tagged elements and parent-tree entries, renumbered.

    The objects that tie the piece together are read from their text as WeasyPrint's writer (pydyf) wrote them,
    so pypdf never parses the object stream that holds the thousands of tagged elements.
    """
    raw = dict(_objects(reader))
    catalog = raw[reader.trailer.raw_get("/Root").idnum][0]
    tree_number, pages_number = _reference(catalog, b"/StructTreeRoot"), _reference(catalog, b"/Pages")
    tree = raw[tree_number][0]
    parent_tree, (document,) = _reference(tree, b"/ParentTree"), _references(_array(tree, b"/K"))
    pages = _references(_array(raw[pages_number][0], b"/Kids"))
    replaced = {reader.trailer.raw_get("/Root").idnum: CATALOG, pages_number: PAGES, tree_number: TREE,
                document: DOCUMENT, parent_tree: PARENT_TREE}
    dropped = set(replaced) | ({reader.trailer.raw_get("/Info").idnum} if "/Info" in reader.trailer else set())
    if len(deck.pages) % 2:  # a blank left-hand page, the size of this piece's first page
        deck.pages.append(deck.number())
        media_box = re.search(rb"/MediaBox\s*\[[^\]]*\]", raw[pages[0]][0])[0]
        deck.objects.append(_Written(b"<< /Type /Page /Parent %d 0 R %s /Resources << >> >>" % (PAGES, media_box)))
    kept = [number for number in sorted(raw) if number not in dropped]
    numbers = {**replaced, **{number: deck.number() + i for i, number in enumerate(kept)}}
    offset = deck.next_key

    def renumber(text: bytes) -> bytes:
        text = REFERENCE.sub(lambda m: b"%d 0 R" % numbers[int(m[1])] if m[1] else m[0], text)
        return STRUCT_PARENTS.sub(lambda m: m[1] + b"%d" % (offset + int(m[2])), text)

    for number in kept:
        body, stream = raw[number]
        deck.objects.append(_Written(renumber(body) + stream, bool(stream)))
    deck.pages += [numbers[page] for page in pages]
    deck.elements += [numbers[element] for element in _references(_array(raw[document][0], b"/K"))]
    for key, value in NUMS_ENTRY.findall(_array(raw[parent_tree][0], b"/Nums")):
        deck.nums += [b"%d" % (offset + int(key)), renumber(value)]
        deck.next_key = offset + int(key) + 1
    language = re.search(rb"/Lang\s*(" + STRING + rb")", catalog)
    if language:
        deck.language = language[1]


def _reference(text: bytes, key: bytes) -> int:
    return int(re.search(re.escape(key) + rb"\s*(\d+) 0 R", text)[1])


def _references(text: bytes) -> list[int]:
    return [int(number) for number in re.findall(rb"(\d+) 0 R", text)]


def _array(text: bytes, key: bytes) -> bytes:
    """The text of the array after `key`, nested arrays included."""
    start = re.search(re.escape(key) + rb"\s*\[", text).end()
    depth, end = 1, start
    while depth:
        depth += {ord("["): 1, ord("]"): -1}.get(text[end], 0)
        end += 1
    return text[start:end - 1]


def _objects(reader: PdfReader):
    """(number, (serialised object or stream dictionary, stream part)) for every object of a piece."""
    unpacked: dict[int, dict[int, bytes]] = {}
    for number, (stream_number, _index) in reader.xref_objStm.items():
        if stream_number not in unpacked:
            unpacked[stream_number] = _unpack(reader.get_object(stream_number))
        yield number, (unpacked[stream_number][number], b"")
    for generation in reader.xref.values():
        for number in generation:
            obj = reader.get_object(number)
            if isinstance(obj, StreamObject) and obj.get("/Type") in ("/ObjStm", "/XRef"):
                continue
            buffer = io.BytesIO()
            obj.write_to_stream(buffer)
            written = buffer.getvalue()
            split = written.index(b"\nstream\n") if isinstance(obj, StreamObject) else len(written)
            yield number, (written[:split], written[split:])


def _unpack(stream: StreamObject) -> dict[int, bytes]:
    """The objects in an object stream, each as written."""
    text = stream.get_data()
    first = int(stream["/First"])
    header = text[:first].split()
    starts = sorted((first + int(offset), int(number)) for number, offset in zip(header[::2], header[1::2]))
    ends = [start for start, _ in starts[1:]] + [len(text)]
    return {number: text[start:end].strip() for (start, number), end in zip(starts, ends)}
