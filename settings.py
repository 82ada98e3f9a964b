"""The plugin's settings: one dataclass over QgsSettings, so each setting's key, type and default are written once.

Why: the dock, its panels and dialogs each read and wrote their own ``QgsSettings`` keys, with the
default and the conversion repeated at every call. Here every setting is a field whose metadata
holds its key (under ``t2restore/``); ``load`` reads them all, converting and falling back to the
default when a stored value is missing or unreadable (a hand-edited profile never stops the
dock), and ``save`` writes only the fields it is given, so two panels saving different settings
never overwrite each other's newer values.

QGIS's own settings (the interface locale, read by ``translation.py``) are not the plugin's and stay
where QGIS keeps them.
"""

import math
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from qgis.core import QgsSettings

PREFIX = "t2restore/"
NATIONAL_TARGET_HA = 330000.0  # ProREST national restoration goal (issue 4)
IMPORT_MAPPINGS = "registry/import_mappings/"  # + the signature of a source's field names


def _setting(key, default):
    return field(default=default, metadata={"key": key})


@dataclass(frozen=True)
class PluginSettings:
    """Every setting of the plugin, with its default; ``PluginSettings.load()`` gives the stored ones."""

    registry_path: str = _setting("registry/path", "")  # the registry opened last
    target_ha: float = _setting("registry/target_ha", NATIONAL_TARGET_HA)  # the dock's summary target
    admin_layer: str = _setting("registry/admin_layer", "")  # JSON of ui.admin_units.AdminConfig

    @classmethod
    def load(cls, store=None):
        """The stored settings (``store``: a QgsSettings, a new one when None)."""
        store = QgsSettings() if store is None else store
        values = {}
        for item in fields(cls):
            values[item.name] = _convert(store.value(PREFIX + item.metadata["key"], None), item.type, item.default)
        return cls(**values)

    def save(self, *names, store=None):
        """Write the fields ``names`` (all when none is given) to ``store`` (a new QgsSettings when None)."""
        store = QgsSettings() if store is None else store
        chosen = [item for item in fields(self) if not names or item.name in names]
        unknown = set(names) - {item.name for item in chosen}
        if unknown:
            raise AttributeError(f"PluginSettings has no setting {sorted(unknown)}")
        for item in chosen:
            store.setValue(PREFIX + item.metadata["key"], getattr(self, item.name))
        return self

    def update(self, store=None, **changes):
        """A copy with ``changes``, of which only the changed fields are saved."""
        return replace(self, **changes).save(*changes, store=store)

    @property
    def last_folder(self):
        """The folder of the registry opened last, or the home folder: where file dialogs start."""
        return str(Path(self.registry_path).parent) if self.registry_path else str(Path.home())


def import_mapping(signature, store=None):
    """The remembered field mapping (JSON text, "" when none) of a source whose fields have ``signature``."""
    store = QgsSettings() if store is None else store
    return _convert(store.value(PREFIX + IMPORT_MAPPINGS + signature, None), str, "")


def remember_import_mapping(signature, text, store=None):
    store = QgsSettings() if store is None else store
    store.setValue(PREFIX + IMPORT_MAPPINGS + signature, text)


def _convert(value, kind, default):
    """``value`` as ``kind``; ``default`` when missing (None, NULL) or not convertible."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return default
    try:
        converted = kind(value)
    except (TypeError, ValueError):
        return default
    if kind is float and not math.isfinite(converted):
        return default
    return converted
