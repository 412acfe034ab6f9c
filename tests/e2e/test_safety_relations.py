"""Drills that help, drills to avoid, and referral urgency on the shipped curriculum, as a coach meets them."""

import re

import pytest

from generator.cards.decks import cards_for, deck_cards, drill_titles, ready_decks
from generator.cards.select import Filters, select
from generator.render.links import Linker, referral_words
from generator.render.page import Page
from generator.safety import cautions, helping_drills
from generator.schema.relations import ADDRESSES, PROGRESSES_TO
from generator.resources import templates


@pytest.fixture(scope="module")
def checked(shipped):
    return shipped[1].checked


def _declared_helpers(graph, injury):
    return {k[1] for k in graph.incoming(injury.key).get(ADDRESSES.name, [])}


def test_every_injury_deck_is_exactly_its_declared_drills_minus_its_cautions(checked):
    graph = checked.graph
    cautioned = {(c.drill[1], c.injury[1]) for c in cautions(checked.kb)}
    for injury in checked.kb.of_kind("injury"):
        deck = [d.id for d in select(graph, Filters(injuries=(injury.id,)))]
        expected = _declared_helpers(graph, injury) - {d for d, i in cautioned if i == injury.id}
        assert set(deck) == expected, injury.id
        assert not {(d, injury.id) for d in deck} & cautioned, injury.id


def test_drills_that_help_on_each_injury_page_are_the_declared_ones(checked):
    graph = checked.graph
    for injury in checked.kb.of_kind("injury"):
        page = Page(graph, f"injuries/{injury.id}.md")
        groups = {g.label: g.links for g in page.connections(injury)}
        shown = {re.search(r"\(\.\./drills/([a-z0-9-]+)\.md\)", link)[1] for link in groups.get("Drills that help", [])}
        assert shown == {d.id for d in helping_drills(graph, injury.key)}, injury.id
        assert "Drills to avoid" not in groups and "Drills to modify" not in groups


@pytest.mark.parametrize(("injury", "never"), [
    ("femoral-neck-pelvic-bone-stress-injury",
     {"copenhagen-adduction", "hip-hike", "single-leg-squat-to-box", "step-up", "walking-lunges"}),
    ("gluteal-tendinopathy", {"clamshell", "side-lying-hip-abduction", "side-plank-with-hip-abduction"}),
    ("tibial-bone-stress-injury", {"tibialis-anterior-raise", "pogo-hops"}),
])
def test_the_reviewed_decks_no_longer_offer_drills_the_injury_must_avoid(checked, injury, never):
    deck = {d.id for d in select(checked.graph, Filters(injuries=(injury,)))}
    assert deck and not deck & never
    avoided = {c.drill[1] for c in cautions(checked.kb) if c.injury == ("injury", injury)}
    assert never <= avoided


def test_no_card_of_an_injury_deck_points_to_a_drill_that_injury_must_avoid_or_modify(checked):
    """Cards are made once per drill; in the tibial bone stress injury deck, Single-leg balance said 'Harder: Pogo
    hops', a drill that injury must avoid."""
    graph = checked.graph
    titles = drill_titles(graph)
    by_id = {card.id: card for card in cards_for(graph, Filters(), "https://example.org/")}
    assert "Pogo hops" in by_id["single-leg-balance"].harder  # the all-drills card keeps it
    named = 0
    for spec in ready_decks(graph):
        avoided = {titles[c.drill[1]] for c in cautions(checked.kb) if c.injury[1] in spec.filters.injuries}
        for card in deck_cards(graph, spec, by_id, titles):
            named += len(card.easier) + len(card.harder)
            assert not avoided & {*card.easier, *card.harder}, (spec.slug, card.id)
    assert named > 20


def test_a_printed_card_names_the_conditions_to_avoid_or_modify_it_with(shipped):
    """The drill page's "Not for everyone" table was on no card: a pogo hops card gave no sign of it."""
    import subprocess

    project = shipped[0]
    text = subprocess.run(["pdftotext", str(project.site / "cards/decks/all-drills-a6.pdf"), "-"],
                          capture_output=True, check=True, text=True).stdout
    pages = [" ".join(page.split()) for page in text.split("\f")]  # poppler: seconds faster than pypdf here
    back = next(page for page in pages if page.startswith("Pogo hops: pain and progress"))
    assert "Not with: Metatarsal bone stress injury, Tibial bone stress injury (avoid)." in back
    warm_up = next(page for page in pages if page.startswith("Dynamic warm-up routine: pain and progress"))
    assert "(avoid); Hamstring strain, Patellofemoral pain (modify)." in warm_up


def test_emergency_entries_have_no_drills_and_no_deck(checked, shipped):
    project = shipped[0]
    emergencies = [i for i in checked.kb.of_kind("injury") if i.model.emergency]
    assert [i.id for i in emergencies] == ["chest-pain-or-fainting-during-exercise"]
    slugs = {spec.slug for spec in ready_decks(checked.graph)}
    for injury in emergencies:
        assert helping_drills(checked.graph, injury.key) == []
        assert f"injury-{injury.id}" not in slugs
        html = (project.site / "injuries" / injury.id / "index.html").read_text(encoding="utf-8")
        assert "Drills that help" not in html


def test_decks_list_easier_versions_before_harder_ones(checked):
    graph = checked.graph
    harder = {(s[1], t[1]) for s, name, t in graph.edges if name == PROGRESSES_TO.name}
    for spec in ready_decks(graph):
        order = [d.id for d in select(graph, spec.filters)]
        for easy, hard in harder:
            if easy in order and hard in order:
                assert order.index(easy) < order.index(hard), (spec.slug, easy, hard)


def test_injury_page_shows_avoid_and_modify_drills_with_their_reasons(shipped):
    project = shipped[0]
    html = (project.site / "injuries/gluteal-tendinopathy/index.html").read_text(encoding="utf-8")
    section = html[html.index("Drills to avoid or modify"):]
    assert 'href="../../drills/clamshell/"' in section and "squeezes the sore hip tendons" in section
    drill = (project.site / "drills/clamshell/index.html").read_text(encoding="utf-8")
    assert "Not for everyone" in drill and 'href="../../injuries/gluteal-tendinopathy/"' in drill


def test_a_drill_whose_step_is_a_drill_to_avoid_carries_its_caution_everywhere(checked, shipped):
    """The warm-up's steps include pogo hops and leg swings: it is avoided and modified where they are, on its page,
    on the injury pages, and never among the drills that help or in their decks."""
    found = {(c.injury[1], c.action) for c in cautions(checked.kb) if c.drill == ("drill", "dynamic-warm-up-routine")}
    assert {("tibial-bone-stress-injury", "Avoid"), ("hamstring-strain", "Modify")} <= found
    project = shipped[0]
    drill = (project.site / "drills/dynamic-warm-up-routine/index.html").read_text(encoding="utf-8")
    section = drill[drill.index("Not for everyone"):]
    assert 'href="../../injuries/tibial-bone-stress-injury/"' in section and "One of its steps is" in section
    injury = (project.site / "injuries/hamstring-strain/index.html").read_text(encoding="utf-8")
    assert "dynamic-warm-up-routine" in injury[injury.index("Drills to avoid or modify"):]
    assert "dynamic-warm-up-routine" not in {d.id for d in helping_drills(checked.graph, ("injury", "hamstring-strain"))}
    assert "dynamic-warm-up-routine" not in {d.id for d in select(checked.graph, Filters(injuries=("hamstring-strain",)))}


def test_a_cited_flag_shows_the_injury_pages_urgency_and_professional(checked, shipped):
    project = shipped[0]
    tibial = checked.kb.items[("injury", "tibial-bone-stress-injury")]
    night = next(f for f in tibial.model.red_flags if f.id == "front-of-shin-or-night-pain")
    assert referral_words(night) == "see a sports physician the same day"
    script = (project.site / "communication/recommending-referral/index.html").read_text(encoding="utf-8")
    link = 'href="../../injuries/tibial-bone-stress-injury/#flag-front-of-shin-or-night-pain"'
    assert link in script
    after = script[script.index(link):][:400]
    assert "<strong>see a sports physician the same day</strong>" in after
    injury_page = (project.site / "injuries/tibial-bone-stress-injury/index.html").read_text(encoding="utf-8")
    assert 'id="flag-front-of-shin-or-night-pain"' in injury_page


def test_red_flag_box_headings_come_from_the_urgency_of_the_flags_under_them(checked):
    from generator.schema.urgency import BY_NAME

    graph = checked.graph
    page = Page(graph, "injuries/tibial-bone-stress-injury.md")
    from generator.render.pages import render_pages  # noqa: PLC0415

    text = render_pages(graph, templates(), lambda *a: "")["injuries/tibial-bone-stress-injury.md"]
    box = text[text.index('!!! danger "Red flags'):text.index("!!! quote")]
    heading = None
    seen = 0
    tibial = checked.kb.items[("injury", "tibial-bone-stress-injury")]
    by_anchor = {f"flag-{f.id}": f for f in tibial.model.red_flags}
    for line in box.splitlines():
        label = re.match(r"\s+\*\*(.+)\*\*$", line)
        if label:
            heading = label[1]
        anchor = re.search(r'id="(flag-[a-z0-9-]+)"', line)
        if anchor:
            assert heading == BY_NAME[by_anchor[anchor[1]].urgency].label
            seen += 1
    assert seen == len(tibial.model.red_flags)


def test_the_generated_red_flag_table_lists_every_flag_once_most_urgent_first(checked):
    from generator.render.tables import red_flags
    from generator.schema.urgency import BY_NAME

    lines = red_flags(Linker(checked.kb, "lessons/red-flags-and-referral.md")).splitlines()
    assert 'data-search-exclude="true"' in lines[0] and lines[-1] == "</div>"  # each flag is searched on its page
    table = [line for line in lines if line.startswith("| **")]
    flags = [f for i in checked.kb.of_kind("injury") for f in i.model.red_flags]
    assert len(table) == len(flags)
    order = [next(u.rank for u in BY_NAME.values() if row.startswith(f"| **{u.when}**")) for row in table]
    assert order == sorted(order)
