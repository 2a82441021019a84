"""Digest: turns editors' seed files into a MkDocs Material site of structured article pages."""

from pathlib import Path

#: The project root: mkdocs.yml, data/ and docs/ live here (the package is installed editable).
PROJECT_ROOT = Path(__file__).resolve().parent.parent
