"""Join separately rendered PDF pieces into one deck with pypdf, keeping WeasyPrint's tag tree.

pypdf copies pages but not the structure tree (it even drops each page's /StructParents), so this module moves
each piece's tagged elements under one /Document element and renumbers the parent tree: the deck reads to a
screen reader exactly as the pieces did, in page order.
"""

from __future__ import annotations

import io

import pydyf
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject, NameObject, NumberObject, StreamObject, TextStringObject

from .render import DeckInfo


def merge(pieces: list[bytes], info: DeckInfo, producer: str) -> bytes:
    """One PDF of all pages in order; each piece starts on an odd (right-hand) page, as a sheet front must."""
    writer = PdfWriter()
    tree = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
    tree_ref = writer._add_object(tree)  # noqa: SLF001 - pypdf's public API has no way to add a new indirect object
    document = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/Document"),
                                 NameObject("/P"): tree_ref, NameObject("/K"): ArrayObject()})
    document_ref = writer._add_object(document)  # noqa: SLF001
    nums = ArrayObject()
    tree[NameObject("/K")] = ArrayObject([document_ref])
    tree[NameObject("/ParentTree")] = writer._add_object(DictionaryObject({NameObject("/Nums"): nums}))  # noqa: SLF001
    language = None
    for data in pieces:
        reader = PdfReader(io.BytesIO(data))
        if len(writer.pages) % 2:
            box = reader.pages[0].mediabox
            writer.add_blank_page(box.width, box.height)
        _add_tagged(writer, reader, document, document_ref, nums)
        language = language or reader.root_object.get("/Lang")
    root = writer.root_object
    root[NameObject("/StructTreeRoot")] = tree_ref
    root[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
    root[NameObject("/ViewerPreferences")] = DictionaryObject({NameObject("/DisplayDocTitle"): BooleanObject(True)})
    if language is not None:
        root[NameObject("/Lang")] = TextStringObject(language)
    return _compressed(writer, {"Title": info.title, "Author": info.author, "Subject": info.subject,
                                "Keywords": info.keywords, "Producer": producer})


class _Written(pydyf.Object):
    """A pypdf object, serialised, for pydyf to write."""

    def __init__(self, obj) -> None:
        super().__init__()
        buffer = io.BytesIO()
        obj.write_to_stream(buffer)
        self._data = buffer.getvalue()
        self._stream = isinstance(obj, StreamObject)

    @property
    def data(self) -> bytes:
        return self._data

    @property
    def compressible(self) -> bool:
        return not self._stream


def _compressed(writer: PdfWriter, info: dict[str, str]) -> bytes:
    """The file written by pydyf (WeasyPrint's own writer) from pypdf's objects, so every object that is not a
    stream goes into one compressed object stream, as in WeasyPrint's PDFs. pypdf writes each object on its own,
    which made a deck's tag tree (about 100 bytes for each of its thousands of elements) triple the file size.
    """
    objects = writer._objects  # noqa: SLF001 - numbered 1..n, as pydyf numbers them
    writer._info_obj.get_object().clear()  # noqa: SLF001 - pypdf's own info is replaced by pydyf's below
    pdf = pydyf.PDF()
    pdf.objects = pdf.objects[:1]  # keep the free object 0; pypdf's objects replace pydyf's pages and catalog
    for obj in objects:
        pdf.add_object(_Written(obj))
    pdf.catalog = pdf.objects[writer.root_object.indirect_reference.idnum]
    pdf.info = pydyf.Dictionary({key: pydyf.String(value) for key, value in info.items()})
    out = io.BytesIO()
    pdf.write(out, version=b"1.7", compress=True)
    return out.getvalue()


def _add_tagged(writer: PdfWriter, reader: PdfReader, document: DictionaryObject, document_ref, nums: ArrayObject) -> None:
    """Append the reader's pages, its top-level tagged elements under `document`, and its parent-tree entries."""
    offset = int(nums[-2]) + 1 if nums else 0
    for page in reader.pages:
        added = writer.add_page(page)  # first, so the tag tree's page references resolve to these copies
        if "/StructParents" in page:
            added[NameObject("/StructParents")] = NumberObject(offset + int(page["/StructParents"]))
        for annotation in added.get("/Annots", []):
            annotation = annotation.get_object()
            if "/StructParent" in annotation:
                annotation[NameObject("/StructParent")] = NumberObject(offset + int(annotation["/StructParent"]))
    source_tree = reader.root_object.get("/StructTreeRoot")
    if source_tree is None:
        return
    for source in source_tree["/K"]:
        for element in source.get_object()["/K"]:
            element.get_object()[NameObject("/P")] = document_ref  # a reference into the writer stays as it is
            document["/K"].append(element.clone(writer))
    source_nums = source_tree["/ParentTree"].get_object()["/Nums"]
    for key, value in zip(source_nums[::2], source_nums[1::2]):
        nums.append(NumberObject(offset + int(key)))
        nums.append(value.clone(writer))
