"""Translation: one Qt context for the whole plugin, and the translator matching QGIS's locale.

Every user-visible string goes through ``tr()``. ``tools/i18n.py`` extracts the strings passed to
``tr(...)`` and ``N_(...)`` into ``i18n/t2restore_es.ts``; make builds the ``.qm``.
"""

from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

CONTEXT = "T2Restore"
I18N_DIR = Path(__file__).resolve().parent / "i18n"
_installed = []


def tr(text):
    """Translate ``text`` in the plugin's context."""
    return QCoreApplication.translate(CONTEXT, text)


def format_ha(value, decimals=2):
    """Hectares as the plugin writes them everywhere (log, tables, dock): Peru's convention (es_PE),
    comma for thousands and point for decimals, e.g. ``330,000.00``, whatever the system locale."""
    return f"{float(value or 0.0):,.{int(decimals)}f}"


def qgis_locale():
    """The locale QGIS uses for its interface ('es_PE', 'es', 'en_US' ...)."""
    settings = QSettings()
    override = str(settings.value("locale/overrideFlag", False)).lower() in ("true", "1")
    user = settings.value("locale/userLocale", "") or ""
    if override and user:
        return str(user)
    try:
        from qgis.core import QgsApplication

        name = QgsApplication.locale()
        if name:
            return str(name)
    except (ImportError, AttributeError):
        pass
    return str(user) or QLocale().name()


def install_translator(locale=None):
    """Load ``t2restore_<locale>.qm`` (full name, then language) into the application.

    Returns the loaded file's name or None. Calling again replaces the previous translator, so
    a test can switch languages.
    """
    remove_translator()
    locale = (locale or qgis_locale()).replace("-", "_")
    for name in (locale, locale.split("_")[0]):
        qm = I18N_DIR / f"t2restore_{name}.qm"
        if qm.exists():
            translator = QTranslator()
            if translator.load(str(qm)):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
                return qm.name
    return None


def remove_translator():
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
