"""Errors raised by the pure computation layer.

The message templates are English source strings marked with ``N_`` so that the translation
extractor (tools/i18n.py) collects them; the Processing layer translates them with ``tr()`` and
formats them with the error's parameters. ``algorithms/`` itself never imports Qt.
"""


def N_(text):  # noqa: N802 - gettext-style marker, returns its argument
    """Mark a string for translation without translating it here."""
    return text


class T2Error(Exception):
    """Base error: a translatable template plus named parameters."""

    template = N_("Unexpected error.")
    translated_params = ()  # parameters that are themselves N_-marked words

    def __init__(self, template=None, **params):
        if template is not None:
            self.template = template
        self.params = params
        super().__init__(self.message())

    def message(self, translate=None):
        """The message, translated by ``translate`` (a callable) when given."""
        text = translate(self.template) if translate else self.template
        params = dict(self.params)
        if translate:
            for key in self.translated_params:
                if key in params:
                    params[key] = translate(params[key])
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text


class InputError(T2Error):
    """The user's input cannot be processed; the message says what to fix."""


class GridMismatchError(InputError):
    translated_params = ("property",)
    template = N_(
        "The rasters {name_a} and {name_b} are not on the same grid: {property} differs "
        "({value_a} vs {value_b}). Resample them onto one grid first, or enable the "
        "alignment option to warp them onto the reference grid."
    )


class Cancelled(T2Error):  # noqa: N818 - reads better at call sites: raise Cancelled()
    template = N_("Cancelled by the user; no output was written.")
