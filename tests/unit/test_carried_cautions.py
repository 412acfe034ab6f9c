"""A drill whose steps lead to another drill carries its cautions: through any number of steps, and the stronger
action (avoid over modify) wins for each injury, whoever declares it."""

from generator import pipeline
from generator.safety import cautions

DRILL = """title: {title}
summary: A drill for the test.
purpose: Trains the test.
level: beginner
dosage: {{sets: 3, reps: 10, frequency: 3 times a week}}
steps: ["{steps}"]
cues: [Hips level.]
targets: [gluteus-medius]
{extra}"""
AVOID = "avoid_with: [{injury: patellofemoral-pain, reason: Loads the kneecap.}]\n"
MODIFY = "modify_with: [{injury: patellofemoral-pain, reason: Go less deep.}]\n"


def drill(title: str, steps: str = "Stand tall.", extra: str = "") -> str:
    return DRILL.format(title=title, steps=steps, extra=extra)


def carried(project, files: dict) -> dict[str, tuple[str, str]]:
    checked = pipeline.check(project({f"drills/{name}.yml": text for name, text in files.items()}).content)
    return {c.drill[1]: (c.action, c.reason) for c in cautions(checked.kb)
            if c.injury == ("injury", "patellofemoral-pain") and c.drill[1] in files}


def test_a_caution_is_carried_through_a_drill_that_only_carries_it(project):
    found = carried(project, {
        "deep-hop": drill("Deep hop", extra=AVOID),
        "hop-block": drill("Hop block", "Do [[deep-hop]] twice."),
        "session": drill("Session", "Do the [[hop-block]]."),
    })
    assert found["session"] == ("Avoid", "One of its steps is [[hop-block]], which includes [[deep-hop]]: "
                                         "Loads the kneecap.")


def test_the_stronger_action_wins_whichever_comes_first(project):
    found = carried(project, {
        "deep-hop": drill("Deep hop", extra=AVOID),
        "lunge": drill("Lunge", extra=MODIFY),
        "both": drill("Both", "Do [[lunge]], then [[deep-hop]]."),
        "own-modify": drill("Own modify", "Finish with [[deep-hop]].", MODIFY),
        "own-avoid": drill("Own avoid", "Finish with [[lunge]].", AVOID),
        "loop-a": drill("Loop a", "Then [[loop-b]]."),
        "loop-b": drill("Loop b", "Then [[loop-a]] and [[lunge]]."),
    })
    assert found["both"] == ("Avoid", "One of its steps is [[deep-hop]]: Loads the kneecap.")
    assert found["own-modify"] == ("Avoid", "One of its steps is [[deep-hop]]: Loads the kneecap.")
    assert found["own-avoid"] == ("Avoid", "Loads the kneecap.")
    assert found["loop-a"] == ("Modify", "One of its steps is [[loop-b]], which includes [[lunge]]: Go less deep.")
