"""safety.urgency-mismatch: prose never states an urgency that contradicts the injury data it cites.

A red flag's urgency lives once, in its injury. Text that cites the flag shows that urgency by
itself, so prose that restates it differently ("this week" beside a same-day flag) is an error;
so is an injury link beside an urgency less urgent than every red flag and referral it declares,
a red flag whose own action says another urgency, and a quiz whose keyed answer differs from the flag
the question tests (its `tests_flag`, or the flags it cites when they share one urgency).

Passes:   Shin pain at night ([[flag:tibial-bone-stress-injury/night-or-rest-pain]]) stops running.
Fails:    Night pain ([[flag:tibial-bone-stress-injury/night-or-rest-pain]]) needs a doctor this week.
Fails:    Book a routine appointment within a couple of weeks for [[tibial-bone-stress-injury]].
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..extract import FLAG, LINK, parse_link, texts
from ..knowledge import Item, KnowledgeBase
from ..render.links import find_flag
from ..schema.quiz import TrueFalse, answerable
from ..schema.urgency import BY_NAME, NAMES, stated_urgencies
from .context import Context

CODE = "safety.urgency-mismatch"
_ABBREVIATIONS = "".join(rf"(?<!\b{word}\.)" for word in ("Dr", "Mr", "Mrs", "Ms", "Prof", "St", "vs", "approx"))
_SENTENCE_END = re.compile(rf"(?<=[.!?]){_ABBREVIATIONS}\s+(?=[A-Z*\[(\"'])|;\s+|\n\s*\n|\n\s*(?:[-*]\s|\|)")
"""Where a sentence, a clause after a semicolon, a list item or a table row ends ("Dr. Lee" is not an end: a row's
flag and its "what to do" cell, or a flag and the urgency after a title, are read together)."""


_CONDITION = re.compile(r"\b(?:if|unless|should|otherwise)\b", re.IGNORECASE)


def _contradicts(stated: int, expected: int, exact: bool, before: str) -> bool:
    """A stated rank contradicts: less urgent than expected, or (for an exact flag) more urgent without
    a condition in front of it ("if they collapse, call emergency services" escalates, it does not contradict)."""
    if stated > expected:
        return True
    return exact and stated < expected and not _CONDITION.search(before)


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) pieces: sentences, clauses after a semicolon, list items and table rows. A link is never
    cut: a full stop in the words of `[[injury|its words. Dr. Lee]]` does not end the sentence, so the link still
    counts as cited."""
    start = 0
    for match in _SENTENCE_END.finditer(LINK.sub(_blank_words, text)):
        yield start, text[start:match.start()]
        start = match.end()
    yield start, text[start:]


def _blank_words(link: re.Match[str]) -> str:
    """A link with everything between its brackets blanked (same length)."""
    return "[[" + "x" * (len(link[0]) - 4) + "]]"


def _outside_links(sentence: str) -> str:
    """The sentence with each link's target blanked out (same length), so only the author's own words count: those
    around the links and the words a link is written with (`[[flag:...|book a routine visit]]` shows them)."""
    return LINK.sub(_words_only, sentence)


def _words_only(link: re.Match[str]) -> str:
    target, bar, words = link[1].partition("|")
    return " " * (2 + len(target) + len(bar)) + words + "  "


def _cited(kb: KnowledgeBase, sentence: str) -> Iterator[tuple[str, int, str, Item]]:
    """(what, most relaxed allowed rank, label, injury) for each flag or injury the sentence links."""
    for match in LINK.finditer(sentence):
        link = parse_link(match[1], ())
        if link is None:
            continue
        if link.kind == FLAG:
            injury = kb.items.get(("injury", link.target))
            flag = injury and find_flag(injury, link.part)
            if flag:
                yield "flag", NAMES.index(flag.urgency), f"the red flag '{link.target}/{flag.id}' is {flag.urgency}", injury
        elif link.kind in (None, "injury") and ("injury", link.target) in kb.items:
            injury = kb.items[("injury", link.target)]
            ranks = [NAMES.index(x.urgency) for x in (*injury.model.red_flags, *injury.model.refer_to)]
            if ranks:
                worst = max(ranks)
                yield "injury", worst, f"every referral for '{injury.id}' is {NAMES[worst]} or sooner", injury


HINT = "cite the flag with [[flag:injury/flag-id]] and let the page show its urgency, or correct the injury's data"


def contradictions(kb: KnowledgeBase, text: str) -> Iterator[tuple[int, str]]:
    """(offset, message) for each urgency the text states against a flag or injury it links in the same sentence."""
    if "[[" not in text or not any(_cited(kb, text)):  # most texts link no injury or flag: no need to split them
        return
    for offset, sentence in _sentences(text):
        cited = list(_cited(kb, sentence))
        if not cited:
            continue
        for urgency, found in stated_urgencies(_outside_links(sentence)):
            for what, rank, why, _ in cited:
                if _contradicts(urgency.rank, rank, what == "flag", sentence[:found.start()]):
                    yield offset + found.start(), f"'{found[0]}' says {urgency.name}, but {why}"
                    break


def _prose(ctx: Context, item: Item) -> Iterator[Diagnostic]:
    for text, path in item.texts:
        if "[[" not in text:  # nothing cited, nothing to contradict (checked here too: a call per text costs)
            continue
        for offset, message in contradictions(ctx.kb, text):
            yield Diagnostic.make(item.path, item.located.text_pos(path, offset, text), CODE, message, HINT)


def _own_flags(item: Item) -> Iterator[Diagnostic]:
    for i, flag in enumerate(item.model.red_flags):
        for urgency, found in stated_urgencies(flag.action):
            before = _clause_before(flag.action, found.start())
            if _contradicts(urgency.rank, NAMES.index(flag.urgency), True, before):
                pos = item.located.text_pos(("red_flags", i, "action"), found.start(), flag.action)
                yield Diagnostic.make(item.path, pos, CODE,
                                      f"the action says '{found[0]}' ({urgency.name}), but this red flag is {flag.urgency}",
                                      f"make the action agree with `urgency: {flag.urgency}` ({BY_NAME[flag.urgency].short})")


def _clause_before(text: str, at: int) -> str:
    """The words of the sentence or clause holding `at`, up to it ("Stop if it hurts; call ..." has no condition in
    front of "call")."""
    start = max(offset for offset, _ in _sentences(text) if offset <= at)
    return text[start:at]


def _flags_in(ctx: Context, question) -> list:
    found = []
    for text, _ in texts(question):
        for match in LINK.finditer(text):
            link = parse_link(match[1], ())
            if link and link.kind == FLAG and ("injury", link.target) in ctx.kb.items:
                flag = find_flag(ctx.kb.items[("injury", link.target)], link.part)
                if flag:
                    found.append(flag)
    return found


def _tested_flag(ctx: Context, item: Item, question, path: tuple) -> tuple[object | None, Diagnostic | None]:
    """The flag a question tests: its `tests_flag`, or the one urgency all the flags it cites share."""
    if question.tests_flag:
        injury_id, _, flag_id = question.tests_flag.partition("/")
        injury = ctx.kb.items.get(("injury", injury_id))
        flag = injury and find_flag(injury, flag_id)
        if flag:
            return flag, None
        return None, Diagnostic.make(item.path, item.pos((*path, "tests_flag")), "ref.unknown-id",
                                     f"'{question.tests_flag}' is not a red flag of a known injury",
                                     "write '<injury id>/<flag id>' as in [[flag:...]] links")
    cited = _flags_in(ctx, question)
    return (cited[0] if cited and len({f.urgency for f in cited}) == 1 else None), None


def _quiz_keys(ctx: Context, item: Item) -> Iterator[Diagnostic]:
    for question, path in answerable(item.model):
        flag, problem = _tested_flag(ctx, item, question, path)
        if problem:
            yield problem
        if flag is None:
            continue
        keyed: list[tuple[str, tuple]] = []
        if question.type in ("single", "multiple"):
            keyed = [(o.text, (*path, "options", i, "text")) for i, o in enumerate(question.options) if o.correct]
        elif isinstance(question, TrueFalse):
            keyed = [(question.stem, (*path, "stem"))]
        for text, at in keyed:
            for urgency, found in stated_urgencies(_outside_links(text)):
                agrees = urgency.name == flag.urgency
                if isinstance(question, TrueFalse) and agrees != question.answer:
                    message = (f"the statement says '{found[0]}' ({urgency.name}) and the flag it tests is "
                               f"{flag.urgency}, but the key is {str(question.answer).lower()}")
                elif not isinstance(question, TrueFalse) and not agrees:
                    message = f"the keyed answer says '{found[0]}' ({urgency.name}), but the flag it tests is {flag.urgency}"
                else:
                    continue
                yield Diagnostic.make(item.path, item.located.text_pos(at, found.start(), text), CODE, message,
                                      "key the answer that matches the injury's red flag")


def check(ctx: Context) -> Iterator[Diagnostic]:
    for item in ctx.kb.items.values():
        yield from _prose(ctx, item)
        if item.kind == "injury":
            yield from _own_flags(item)
        if item.kind == "quiz":
            yield from _quiz_keys(ctx, item)
