"""Theme overrides and site assets (CSS, JS, vendored scripts), shipped as package data (see generator/resources.py)."""
