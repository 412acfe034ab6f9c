"""While serving, content errors are listed at the top of the page, escaped like any content text."""

from generator.diagnostics import Diagnostic
from generator.mkdocs_hook import error_banner

PAGE = '<html><body><article class="md-content__inner md-typeset"><h1>Clamshell</h1></article></body></html>'


def test_errors_go_above_the_page_content_and_are_escaped():
    problem = Diagnostic.make("content/drills/clamshell.yml", (4, 8), "schema.invalid-value",
                              "'level' is the text '<script>x</script>'", "did you mean 'advanced'?")
    out = error_banner(PAGE, [problem])
    assert out.index("1 content error") < out.index("<h1>Clamshell</h1>")
    assert "content/drills/clamshell.yml:4:8" in out and "hint: did you mean &#x27;advanced&#x27;?" in out
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert 'role="alert"' in out
