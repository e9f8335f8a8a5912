"""The README and docs/ stand alone: every relative link resolves inside the repository, no
document outside it is cited, and every uv command works without uv on PATH."""

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCUMENTS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_relative_links_resolve(document: Path) -> None:
    broken = []
    for target in LINK.findall(document.read_text()):
        if re.match(r"^[a-z]+:", target) or target.startswith("#"):
            continue
        path = (document.parent / target.split("#", 1)[0]).resolve()
        if not path.exists() or REPO not in path.parents:
            broken.append(target)
    assert broken == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_no_document_outside_the_repository_is_cited(document: Path) -> None:
    text = document.read_text()
    assert not re.search(r"DESIGN\.md|CONVENTIONS\.md|blueprint|\.\./shared", text)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_uv_commands_do_not_need_uv_on_path(document: Path) -> None:
    bare = re.findall(r"(?<![\w/.-])uv (?:run|sync|lock)\b", document.read_text())
    assert bare == [], "write .tools/bin/uv … or a make target"


def test_the_readme_starts_with_the_two_commands_and_the_walkthrough() -> None:
    text = (REPO / "README.md").read_text()
    first_screen = text[: text.index("## Five-minute walkthrough")]
    assert "make run" in first_screen
    assert "make test" in first_screen
    assert "http://127.0.0.1:8000" in first_screen
    walkthrough = text[text.index("## Five-minute walkthrough") :].split("\n## ", 1)[0]
    for step in (
        "/api/auth/token",
        "/api/campaigns/",
        "/api/campaign-segments/",
        "/api/segments/estimate/",
        "/approve/",
        "/launch/",
    ):
        assert step in walkthrough
