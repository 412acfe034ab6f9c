"""Printable drill cards: selection, card content, page layouts and PDF rendering."""
