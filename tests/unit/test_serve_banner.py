"""While serving, content errors are listed at the top of the page, escaped like any content text."""

import jinja2

from generator import resources
from generator.diagnostics import Diagnostic
from generator.preview import ERRORS_PARTIAL, error_banner

BASE = ('<html><body><article class="md-content__inner md-typeset">{% block content %}<h1>Clamshell</h1>'
        "{% endblock %}</article></body></html>")


def page(banner: str | None) -> str:
    """The theme's main.html over a stand-in for the engine's base.html, as the engine renders it."""
    stand_ins = {"base.html": BASE, **({ERRORS_PARTIAL: banner} if banner is not None else {})}
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(resources.theme()), jinja2.DictLoader(stand_ins)])
    return jinja2.Environment(loader=loader).get_template("main.html").render()


def test_errors_go_above_the_page_content_and_are_escaped():
    problem = Diagnostic.make("content/drills/clamshell.yml", (4, 8), "schema.invalid-value",
                              "'level' is the text '<script>x</script>'", "did you mean 'advanced'?")
    out = page(error_banner([problem]))
    assert out.index("1 content error") < out.index("<h1>Clamshell</h1>")
    assert "content/drills/clamshell.yml:4:8" in out and "hint: did you mean &#x27;advanced&#x27;?" in out
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert 'role="alert"' in out


def test_no_banner_without_errors():
    assert error_banner([]) == ""
    assert "content error" not in page("") and "<h1>Clamshell</h1>" in page("")
    assert page(None).endswith("<h1>Clamshell</h1>\n</article></body></html>"), "a site build has no banner partial"
