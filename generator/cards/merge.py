"""Join separately rendered PDF pieces into one deck, keeping WeasyPrint's tag tree, and do it again quickly after
an edit.

pypdf reads each piece's cross-reference table and the few objects that tie a piece together (catalog, page tree,
structure root, parent tree); every other object (pages, content, fonts, the thousands of tagged elements) is
copied as it was written, with its object numbers shifted into the deck's range. A piece's page tree, structure
root and /Document element are replaced by the deck's own, so each page and each tagged element of every piece ends
up under one page tree and one /Document element, in page order: a screen reader reads the deck as it read the
pieces.

Each piece becomes a chunk of the deck file: its streams written as they are and its small objects packed into one
compressed object stream of its own. A chunk depends only on its piece and where it sits (its first object number,
its first parent-tree key, whether a blank page precedes it), so chunks are cached; after a one-drill edit, the
deck is the cached chunks plus the one chunk of the edited sheet, written together with a new cross-reference
stream. Each piece's room in the deck's object numbers and parent-tree keys is rounded up, so an edit that adds a
few objects to a sheet moves no later chunk (the numbers left over are free entries).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path

import pydyf
from pypdf import PdfReader
from pypdf.generic import StreamObject

from ..writer import write_atomic
from .pieces import MERGE_CODE, read_used
from .render import DeckInfo

STRING = rb"\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f\s]*>"
"""A literal or hex string; pydyf escapes every parenthesis inside a literal one."""
REFERENCE = re.compile(STRING + rb"|(?<![\d.])(\d+) 0 R(?![\w])")
"""A string (left as it is) or an object reference."""
STRUCT_PARENTS = re.compile(rb"(/StructParents?\s*)(\d+)")
NUMS_ENTRY = re.compile(rb"(\d+)\s*(\[[^\]]*\]|\d+ 0 R)")
"""A parent-tree entry: a page's key and the elements of its marked content, or an annotation's key and element."""
PAGES, CATALOG, TREE, DOCUMENT, PARENT_TREE, INFO, OWN_STREAM = range(1, 8)
"""The deck's own objects, numbered first; the pieces' chunks follow."""
OBJECT_ROOM, KEY_ROOM = 128, 64
"""A piece's object numbers and parent-tree keys are rounded up to these, so small edits move no later chunk."""
HEADER = b"%PDF-1.7\n%\xf0\x9f\x96\xa4\n"


@dataclass(frozen=True)
class Shape:
    """What the layout of a deck needs to know of a piece."""

    objects: int
    keys: int
    pages: int


@dataclass(frozen=True)
class Place:
    """Where a piece sits in the deck."""

    first: int
    """Its first object number."""
    first_key: int
    """Its first parent-tree key."""
    blank: bool
    """A blank left-hand page goes before it, so it starts on a right-hand page."""


@dataclass
class Chunk:
    """A piece as part of the deck file, numbered for its place."""

    data: bytes
    direct: list[tuple[int, int]]
    """(object number, offset in `data`) of each object written directly: streams, and the object stream."""
    packed: list[int]
    """The object numbers in the chunk's object stream, in order."""
    stream: int
    """The object stream's number."""
    pages: list[int]
    elements: list[int]
    """The tagged elements directly under /Document."""
    nums: list[bytes]
    """Parent-tree entries: key, then its value."""
    language: bytes | None


@dataclass
class _Piece:
    """A piece as read: its objects as written, and the objects that tie it together."""

    raw: dict[int, tuple[bytes, bytes]]
    catalog: int
    pages: int
    tree: int
    document: int
    parent_tree: int
    info: int | None
    """The piece's document information, replaced by the deck's."""

    def kept(self) -> list[int]:
        """The piece's objects that go into the deck: all but those the deck's own objects replace."""
        dropped = {self.catalog, self.pages, self.tree, self.document, self.parent_tree, self.info}
        return [number for number in sorted(self.raw) if number not in dropped]

    def page_numbers(self) -> list[int]:
        return _references(_array(self.raw[self.pages][0], b"/Kids"))

    def entries(self) -> list[tuple[bytes, bytes]]:
        return NUMS_ENTRY.findall(_array(self.raw[self.parent_tree][0], b"/Nums"))

    def shape(self) -> Shape:
        keys = [int(key) for key, _ in self.entries()]
        return Shape(len(self.kept()), max(keys, default=-1) + 1, len(self.page_numbers()))


def merge(pieces: list[bytes], info: DeckInfo, producer: str, cache: Path | None = None) -> bytes:
    """One PDF of all pages in order; each piece starts on an odd (right-hand) page, as a sheet front must.

    With a `cache` folder, each piece's shape and its chunks made before are reused (keyed by the piece's bytes)."""
    read: dict[int, _Piece] = {}

    def piece(i: int) -> _Piece:
        if i not in read:
            read[i] = _read_piece(pieces[i])
        return read[i]

    keys = [hashlib.sha256(MERGE_CODE.encode() + b"\0" + data).hexdigest() for data in pieces]
    shapes = [_cached_shape(cache, key) or _save_shape(cache, key, piece(i).shape()) for i, key in enumerate(keys)]
    chunks = []
    for i, (key, place) in enumerate(zip(keys, _places(shapes))):
        chunk_key = hashlib.sha256(f"{key}\0{place}".encode()).hexdigest()
        chunk = _cached_chunk(cache, chunk_key)
        if chunk is None:
            if piece(i).shape() != shapes[i]:
                return merge(pieces, info, producer)  # its saved shape was wrong: join without the cache
            chunk = _save_chunk(cache, chunk_key, _chunk(piece(i), place))
        chunks.append(chunk)
    return _write(chunks, info, producer)


def _places(shapes: list[Shape]) -> list[Place]:
    places, first, first_key, pages = [], OWN_STREAM + 1, 0, 0
    for shape in shapes:
        blank = pages % 2 == 1
        places.append(Place(first, first_key, blank))
        first += _rounded(shape.objects + 2, OBJECT_ROOM)  # room for the blank page and the object stream
        first_key += _rounded(shape.keys, KEY_ROOM)
        pages += blank + shape.pages
    return places


def _rounded(count: int, room: int) -> int:
    return -(-count // room) * room


def _chunk(piece: _Piece, place: Place) -> Chunk:
    """The piece numbered for its place: streams written directly, everything else in one object stream."""
    kept = piece.kept()
    numbers = {piece.catalog: CATALOG, piece.pages: PAGES, piece.tree: TREE, piece.document: DOCUMENT,
               piece.parent_tree: PARENT_TREE}
    next_number = place.first
    objects: list[tuple[int, bytes, bool]] = []
    pages = []
    if place.blank:  # a blank left-hand page, the size of this piece's first page
        media_box = re.search(rb"/MediaBox\s*\[[^\]]*\]", piece.raw[piece.page_numbers()[0]][0])[0]
        objects.append((next_number, b"<< /Type /Page /Parent %d 0 R %s /Resources << >> >>" % (PAGES, media_box),
                        False))
        pages.append(next_number)
        next_number += 1
    numbers.update({number: next_number + i for i, number in enumerate(kept)})
    offset = place.first_key

    def renumber(text: bytes) -> bytes:
        text = REFERENCE.sub(lambda m: b"%d 0 R" % numbers[int(m[1])] if m[1] else m[0], text)
        return STRUCT_PARENTS.sub(lambda m: m[1] + b"%d" % (offset + int(m[2])), text)

    for number in kept:
        body, stream = piece.raw[number]
        objects.append((numbers[number], renumber(body) + stream, bool(stream)))
    pages += [numbers[page] for page in piece.page_numbers()]
    nums = []
    for key, value in piece.entries():
        nums += [b"%d" % (offset + int(key)), renumber(value)]
    stream_number = next_number + len(kept)
    packed = [(number, body) for number, body, is_stream in objects if not is_stream]
    out = io.BytesIO()
    direct = []
    for number, body, is_stream in objects:
        if is_stream:
            direct.append((number, out.tell()))
            out.write(_indirect(number, body))
    direct.append((stream_number, out.tell()))
    out.write(_indirect(stream_number, _object_stream(packed)))
    language = re.search(rb"/Lang\s*(" + STRING + rb")", piece.raw[piece.catalog][0])
    return Chunk(out.getvalue(), direct, [number for number, _ in packed], stream_number, pages,
                 [numbers[element] for element in _references(_array(piece.raw[piece.document][0], b"/K"))], nums,
                 language[1] if language else None)


def _write(chunks: list[Chunk], info: DeckInfo, producer: str) -> bytes:
    """The deck file: its own objects, every chunk, and a cross-reference stream for all of them."""
    pages = [page for chunk in chunks for page in chunk.pages]
    language = next((chunk.language for chunk in reversed(chunks) if chunk.language), b"()")
    own = [
        (PAGES, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (_refs(pages), len(pages))),
        (CATALOG, b"<< /Type /Catalog /Pages %d 0 R /StructTreeRoot %d 0 R /MarkInfo << /Marked true >> "
                  b"/ViewerPreferences << /DisplayDocTitle true >> /Lang %s >>" % (PAGES, TREE, language)),
        (TREE, b"<< /Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R >>" % (DOCUMENT, PARENT_TREE)),
        (DOCUMENT, b"<< /Type /StructElem /S /Document /P %d 0 R /K [%s] >>"
                   % (TREE, _refs([element for chunk in chunks for element in chunk.elements]))),
        (PARENT_TREE, b"<< /Nums [%s] >>" % b" ".join(entry for chunk in chunks for entry in chunk.nums)),
        (INFO, pydyf.Dictionary({"Title": pydyf.String(info.title), "Author": pydyf.String(info.author),
                                 "Subject": pydyf.String(info.subject), "Keywords": pydyf.String(info.keywords),
                                 "Producer": pydyf.String(producer)}).data),
    ]
    out = io.BytesIO()
    out.write(HEADER)
    entries: dict[int, tuple[int, int, int]] = {OWN_STREAM: (1, out.tell(), 0)}
    out.write(_indirect(OWN_STREAM, _object_stream(own)))
    entries.update({number: (2, OWN_STREAM, i) for i, (number, _) in enumerate(own)})
    for chunk in chunks:
        start = out.tell()
        out.write(chunk.data)
        entries.update({number: (1, start + offset, 0) for number, offset in chunk.direct})
        entries.update({number: (2, chunk.stream, i) for i, number in enumerate(chunk.packed)})
    xref_number = max(entries) + 1
    entries[xref_number] = (1, out.tell(), 0)
    entries[0] = (0, 0, 0xFFFF)  # object 0 heads the free list
    widths = [_width(max(entry[field] for entry in entries.values())) for field in (1, 2)]
    table = zlib.compress(b"".join(
        bytes([kind]) + field2.to_bytes(widths[0], "big") + field3.to_bytes(widths[1], "big")
        for kind, field2, field3 in (entries.get(number, (0, 0, 0)) for number in range(xref_number + 1))
    ))
    out.write(_indirect(xref_number, b"<< /Type /XRef /Size %d /W [1 %d %d] /Root %d 0 R /Info %d 0 R "
                                     b"/Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
                        % (xref_number + 1, *widths, CATALOG, INFO, len(table), table)))
    out.write(b"startxref\n%d\n%%%%EOF\n" % entries[xref_number][1])
    return out.getvalue()


def _width(largest: int) -> int:
    """Bytes for an xref field holding numbers up to `largest`."""
    return max(1, (largest.bit_length() + 7) // 8)


def _indirect(number: int, body: bytes) -> bytes:
    return b"%d 0 obj\n%s\nendobj\n" % (number, body)


def _object_stream(objects: list[tuple[int, bytes]]) -> bytes:
    """An object stream holding these (non-stream) objects, compressed."""
    header, position = [], 0
    for number, body in objects:
        header.append(b"%d %d" % (number, position))
        position += len(body) + 1
    first = b" ".join(header) + b"\n"
    data = zlib.compress(first + b"\n".join(body for _, body in objects))
    return (b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
            % (len(objects), len(first), len(data), data))


def _refs(numbers: list[int]) -> bytes:
    return b" ".join(b"%d 0 R" % number for number in numbers)


def _read_piece(data: bytes) -> _Piece:
    """The piece's objects as written by WeasyPrint's writer (pydyf), read from their text, so pypdf never
    parses the object stream that holds the thousands of tagged elements."""
    reader = PdfReader(io.BytesIO(data))
    raw = dict(_objects(reader))
    root = reader.trailer.raw_get("/Root").idnum
    catalog = raw[root][0]
    tree_number, pages_number = _reference(catalog, b"/StructTreeRoot"), _reference(catalog, b"/Pages")
    tree = raw[tree_number][0]
    parent_tree, (document,) = _reference(tree, b"/ParentTree"), _references(_array(tree, b"/K"))
    info = reader.trailer.raw_get("/Info").idnum if "/Info" in reader.trailer else None
    return _Piece(raw, root, pages_number, tree_number, document, parent_tree, info)


def _cached_shape(cache: Path | None, key: str) -> Shape | None:
    saved = _cached(cache, f"{key}.shape")
    try:
        shape = Shape(**json.loads(saved)) if saved else None
    except (ValueError, TypeError):
        return None
    counts = [] if shape is None else [shape.objects, shape.keys, shape.pages]
    return shape if all(type(count) is int and count >= 0 for count in counts) else None


def _save_shape(cache: Path | None, key: str, shape: Shape) -> Shape:
    _save(cache, f"{key}.shape", json.dumps(asdict(shape)).encode())
    return shape


def _cached_chunk(cache: Path | None, key: str) -> Chunk | None:
    """A saved chunk: a line of JSON (its numbers and a digest of everything), then its bytes. Plain data, so a cache
    shared between projects or machines holds nothing that runs; a damaged entry is made again."""
    saved = _cached(cache, f"{key}.chunk")
    if not saved:
        return None
    header, _, data = saved.partition(b"\n")
    try:
        found = json.loads(header)
        numbers = {name: found[name] for name in _CHUNK_FIELDS}
        if found["digest"] != _digest(numbers, data):
            return None
        return Chunk(data, [(int(n), int(o)) for n, o in numbers["direct"]], [int(n) for n in numbers["packed"]],
                     int(numbers["stream"]), [int(n) for n in numbers["pages"]], [int(n) for n in numbers["elements"]],
                     [entry.encode("latin-1") for entry in numbers["nums"]],
                     None if numbers["language"] is None else numbers["language"].encode("latin-1"))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def _save_chunk(cache: Path | None, key: str, chunk: Chunk) -> Chunk:
    numbers = {"direct": chunk.direct, "packed": chunk.packed, "stream": chunk.stream, "pages": chunk.pages,
               "elements": chunk.elements, "nums": [n.decode("latin-1") for n in chunk.nums],
               "language": None if chunk.language is None else chunk.language.decode("latin-1")}
    numbers = json.loads(json.dumps(numbers))  # as it will be read back (tuples become lists)
    header = json.dumps({**numbers, "digest": _digest(numbers, chunk.data)}).encode()
    _save(cache, f"{key}.chunk", header + b"\n" + chunk.data)
    return chunk


_CHUNK_FIELDS = ("direct", "packed", "stream", "pages", "elements", "nums", "language")


def _digest(numbers: dict, data: bytes) -> str:
    return hashlib.sha256(json.dumps(numbers, sort_keys=True).encode() + b"\0" + data).hexdigest()


CHUNKS = "chunks"
"""The card cache's folder for chunks and piece shapes."""


def _cached(cache: Path | None, name: str) -> bytes | None:
    return None if cache is None else read_used(cache / CHUNKS / name)


def _save(cache: Path | None, name: str, data: bytes) -> None:
    if cache is not None:
        try:
            write_atomic(cache / CHUNKS / name, data)
        except OSError:  # a cache this user may read but not change: the chunk is simply made again next time
            pass


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
