"""GIFT, Moodle's plain-text question format: one question per block, a category per lesson.

GIFT has no ordering question, so those are listed as not exported.
"""

from __future__ import annotations

import re

from .questions import Exported, Question, Skipped, Source, Texts

SUFFIX = ".gift.txt"
DESCRIPTION = "GIFT text (Moodle and other LMS imports)"
COURSE_CATEGORY = "$course$/top/Stride Curriculum"
BLANK = re.compile(r"_{3,}")


def _escape(text: str) -> str:
    """GIFT's control characters are escaped with a backslash; line breaks would end the question."""
    return re.sub(r"([~=#{}:\\])", r"\\\1", " ".join(text.split()))


def _fb(texts: Texts, feedback: str | None) -> str:
    return f"#{_escape(texts.html(feedback))}" if feedback else ""


def _percent(share: float) -> str:
    return f"{share:.5f}".rstrip("0").rstrip(".")


def _body(q: Question, texts: Texts) -> str | None:
    m = q.model
    if q.type in ("single", "multiple"):
        right = sum(o.correct for o in m.options)
        wrong = len(m.options) - right
        lines = []
        for o in m.options:
            if q.type == "single":
                mark = "=" if o.correct else "~"
            else:
                mark = f"~%{_percent(100 / right if o.correct else -100 / wrong)}%"
            lines.append(f"  {mark}{_escape(texts.html(o.text))}{_fb(texts, o.feedback)}")
        return "\n".join(lines)
    if q.type == "true-false":
        return f"  {'TRUE' if m.answer else 'FALSE'}{_fb(texts, m.feedback_incorrect)}{_fb(texts, m.feedback_correct)}"
    if q.type == "matching":
        return "\n".join(f"  ={_escape(texts.html(p.left))} -> {_escape(texts.plain(p.right))}" for p in m.pairs)
    if q.type == "fill-blank":  # "*" at 0 % takes any other answer, with the wrong-answer feedback
        return "\n".join([*(f"  ={_escape(a)}{_fb(texts, m.feedback_correct)}" for a in m.accept),
                          f"  =%0%*{_fb(texts, m.feedback_incorrect)}"])
    if q.type == "numeric":  # "~" brings the feedback for any other number
        return f"  #{m.answer:g}:{m.tolerance:g}{_fb(texts, m.feedback_correct)}\n  ~{_fb(texts, m.feedback_incorrect)}"
    return None


def _block(q: Question, texts: Texts) -> str | None:
    body = _body(q, texts)
    if body is None:
        return None
    stem = _escape(texts.stem_html(q))
    if q.type == "numeric":
        stem += _escape(f"<p>Answer in {q.model.unit}.</p>")
    answers = "{\n" + body + f"\n  ####{_escape(texts.html(q.model.explanation))}\n}}"
    if q.type == "fill-blank" and BLANK.search(stem):
        before, after = BLANK.split(stem, maxsplit=1)
        return f"::{q.id}::[html]{before}{answers}{after}"
    return f"::{q.id}::[html]{stem}{answers}"


def export(source: Source) -> Exported:
    questions, texts = source.questions, source.texts
    blocks: list[str] = []
    skipped: list[Skipped] = []
    category = None
    for q in questions:
        block = _block(q, texts)
        if block is None:
            skipped.append(Skipped(q.id, q.type, q.quiz.path, "GIFT has no ordering question type"))
            continue
        if q.category != category:
            category = q.category
            blocks.append(f"$CATEGORY: {COURSE_CATEGORY}/{category}")
        blocks.append(f"// {q.quiz.id}\n{block}")
    return Exported(("\n\n".join(blocks) + "\n").encode(), len(questions) - len(skipped), skipped)
