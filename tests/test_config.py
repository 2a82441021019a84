"""The data files editors own: a mistake there is a clear error, never silently different data."""

from pathlib import Path

import pytest

from generator.config import DATA_DIR, load_cues
from generator.errors import ConfigError


def test_project_cues_hold_only_phrases():
    cues = load_cues()
    for key, value in cues.items():
        if isinstance(value, list):
            assert all(isinstance(v, str) for v in value), key


@pytest.mark.parametrize("word", ["On", "No", "yes", "off"])
def test_unquoted_yaml_boolean_in_a_cue_list_is_an_error(tmp_path: Path, word):
    text = (DATA_DIR / "cues.yml").read_text(encoding="utf-8")
    broken = text.replace("not_names: [", f"not_names: [{word}, ", 1)
    assert broken != text
    path = tmp_path / "cues.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_cues(path)
    assert str(path) in str(err.value) and "quote it" in str(err.value) and "not_names" in str(err.value)


def test_broken_yaml_in_a_data_file_names_the_file_and_line(tmp_path: Path):
    lines = (DATA_DIR / "cues.yml").read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("not_names:"))
    lines.insert(at, "\tbroken: 1")  # a tab may not indent YAML
    path = tmp_path / "cues.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_cues(path)
    message = str(err.value)
    assert message.startswith(f"{path}:") and "invalid YAML" in message
    line = int(message.split(":")[1])
    assert at + 1 <= line <= at + 3  # where the parser noticed: the list's line or just after it


@pytest.mark.parametrize("slug", ["all", "index", "sitemap"])
def test_a_topic_slug_naming_a_page_of_the_site_is_an_error(tmp_path: Path, slug):
    from generator.config import load_topics

    text = (DATA_DIR / "topics.yml").read_text(encoding="utf-8")
    path = tmp_path / "topics.yml"
    path.write_text(text.rstrip("\n") + f"\n\n  - slug: {slug}\n    title: Odd\n    terms: [odd]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_topics(path)
    assert str(path) in str(err.value) and repr(slug) in str(err.value)
