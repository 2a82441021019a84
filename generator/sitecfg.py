"""What the generator needs from mkdocs.yml (the site's address) and from the environment (the build date)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import yaml

from generator import PROJECT_ROOT
from generator.errors import ConfigError

MKDOCS_YML = PROJECT_ROOT / "mkdocs.yml"


class _MkdocsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs would for plain values: ``!ENV`` resolved, Python tags ignored."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else \
        [loader.construct_object(n) for n in node.value]
    *variables, default = names if len(names) > 1 else (*names, None)
    for name in variables:
        if os.environ.get(str(name)):
            return os.environ[str(name)]
    return default


_MkdocsLoader.add_constructor("!ENV", _env)
_MkdocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_url(config: Path = MKDOCS_YML) -> str:
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_MkdocsLoader) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{config}:1: cannot read site_url: {exc}") from exc
    url = data.get("site_url")
    if not url:
        raise ConfigError(f"{config}:1: `site_url` must be set: feeds and calendars need absolute links")
    return str(url).rstrip("/") + "/"


def build_date() -> dt.date:
    """Today, unless SOURCE_DATE_EPOCH pins it (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()
