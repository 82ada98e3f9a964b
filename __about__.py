"""What the plugin is (name, version, supported QGIS versions), read from metadata.txt: one source of truth.

QGIS reads ``metadata.txt``; so does this module, at import, so that a version written in an export
or a log is always the version QGIS shows. Plain Python (no qgis import): usable from ``registry/``,
tools and tests. A missing or unreadable metadata.txt (a broken install) gives "unknown" rather than
stopping the plugin from loading.
"""

import configparser
from pathlib import Path

METADATA = Path(__file__).resolve().parent / "metadata.txt"
UNKNOWN = "unknown"


def read_metadata(path=METADATA):
    """The ``[general]`` section of the metadata file ``path`` as a dict ({} when it cannot be read)."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with open(path, encoding="utf-8") as fh:
            parser.read_file(fh)
    except (OSError, UnicodeDecodeError, configparser.Error):
        return {}
    return dict(parser["general"]) if parser.has_section("general") else {}


_GENERAL = read_metadata()

__title__ = _GENERAL.get("name", "T2 Restore")
__version__ = _GENERAL.get("version", UNKNOWN)
__qgis_minimum_version__ = _GENERAL.get("qgisminimumversion", UNKNOWN)
__qgis_maximum_version__ = _GENERAL.get("qgismaximumversion", UNKNOWN)
__homepage__ = _GENERAL.get("homepage", "")
__tracker__ = _GENERAL.get("tracker", "")
