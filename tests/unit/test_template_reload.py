"""Templates are compiled once per process; `stride serve` forgets them when a template file changes."""

from generator.render.environment import environment, forget_templates


def test_a_changed_template_is_read_again_only_after_forget_templates(tmp_path):
    (tmp_path / "page.md.j2").write_text("old {{ x }}")
    assert environment(tmp_path).get_template("page.md.j2").render(x=1) == "old 1"
    (tmp_path / "page.md.j2").write_text("new {{ x }}")
    assert environment(tmp_path).get_template("page.md.j2").render(x=1) == "old 1"  # no reload checks while building
    forget_templates()
    assert environment(tmp_path).get_template("page.md.j2").render(x=1) == "new 1"
