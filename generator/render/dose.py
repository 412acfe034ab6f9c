"""A drill's dosage as labelled lines in plain words, shared by drill pages and cards."""

from __future__ import annotations

from ..schema.drill import Dosage


def _seconds(value: int) -> str:
    if value >= 60 and value % 60 == 0:
        minutes = value // 60
        return f"{minutes} minute" + ("s" if minutes > 1 else "")
    return f"{value} seconds"


def amount(dosage: Dosage) -> str | None:
    """'10 reps', 'hold 30 seconds', '20 metres', with 'each side' where it applies."""
    parts = []
    if dosage.reps:
        parts.append(f"{dosage.reps} reps")
    if dosage.hold_s:
        parts.append(f"hold {_seconds(dosage.hold_s)}")
    if dosage.duration_s:
        parts.append(_seconds(dosage.duration_s))
    if dosage.distance_m:
        parts.append(f"{dosage.distance_m} metres")
    if not parts:
        return None
    return ", ".join(parts) + (" each side" if dosage.each_side else "")


def _present(rows: list[tuple[str, str | None]]) -> list[tuple[str, str]]:
    return [(label, value) for label, value in rows if value]


def headline(dosage: Dosage) -> str:
    """'3 sets of 12 reps each side': the whole dose in one line, no arithmetic for the reader."""
    each = amount(dosage) or ""
    if not dosage.sets:
        return each
    sets = f"{dosage.sets} set" + ("s" if dosage.sets > 1 else "")
    return f"{sets} of {each}" if each else sets


def detail_rows(dosage: Dosage) -> list[tuple[str, str]]:
    """Speed, rest and how often."""
    return _present([
        ("Speed", dosage.tempo),
        ("Rest between sets", _seconds(dosage.rest_s) if dosage.rest_s else None),
        ("How often", dosage.frequency),
    ])


def amount_rows(dosage: Dosage) -> list[tuple[str, str]]:
    """How much and how often, in the order a runner reads them."""
    return _present([("Sets", str(dosage.sets) if dosage.sets else None), ("Each set", amount(dosage))]) + detail_rows(dosage)


def change_rows(dosage: Dosage) -> list[tuple[str, str]]:
    """When to make it harder, go back a step or stop."""
    return _present([
        ("Make it harder when", dosage.progress_when),
        ("Go back a step if", dosage.drop_back_if),
        ("Stop if", dosage.stop_if),
    ])


def dose_rows(dosage: Dosage) -> list[tuple[str, str]]:
    return amount_rows(dosage) + change_rows(dosage)
