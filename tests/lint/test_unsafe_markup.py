from tests.lint.helpers import findings, starter


def test_script_tag_in_summary_is_an_error_at_its_position(project):
    text = starter("drills/clamshell.yml").replace("summary: A gentle", "summary: <script>alert(1)</script> A gentle")
    assert findings(project, {"drills/clamshell.yml": text}, "content.unsafe-markup") == [
        ("content/drills/clamshell.yml", 2, 10, "'<s' looks like raw HTML or a script link")]


def test_javascript_link_is_an_error(project):
    text = starter("lessons/hip-and-pelvis-control.yml").replace("Watch for", "Watch [click](javascript:alert(1)) for")
    assert [f[3] for f in findings(project, {"lessons/hip-and-pelvis-control.yml": text}, "content.unsafe-markup")] == [
        "'javascript:' looks like raw HTML or a script link"]


def test_plain_comparisons_in_words_pass(project):
    assert findings(project, {}, "content.unsafe-markup") == []


def test_unclosed_inline_link_is_warned_at_its_position(project):
    text = starter("drills/clamshell.yml").replace("summary: A gentle", "summary: See [[side-lying-hip-abduction] A gentle")
    assert findings(project, {"drills/clamshell.yml": text}, "ref.unclosed-link") == [
        ("content/drills/clamshell.yml", 2, 14, "'[[side-lying-hip-abduction] A ' opens a link with [[ but never closes it with ]]")]


def test_ordinary_prose_with_a_colon_after_data_passes(project):
    text = starter("drills/clamshell.yml").replace("summary: A gentle first exercise for the side of the hip.",
                                                   "summary: 'Record the data: cadence and pace.'")
    assert "Record the data" in text
    assert findings(project, {"drills/clamshell.yml": text}, "content.unsafe-markup") == []
    assert findings(project, {"drills/clamshell.yml": text}, "schema.wrong-type") == []


def test_a_data_url_is_an_error(project):
    text = starter("drills/clamshell.yml").replace("summary: A gentle first exercise for the side of the hip.",
                                                   "summary: '![x](data:text/html;base64,AA) A gentle drill.'")
    assert [f[3] for f in findings(project, {"drills/clamshell.yml": text}, "content.unsafe-markup")] == [
        "'data:text/html;' looks like raw HTML or a script link"]
