"""Stride Curriculum: turns a YAML knowledge base into a cross-linked teaching site."""

__version__ = "0.1.0"
