"""Jinja templates for pages and cards, shipped as package data (see generator/resources.py)."""
