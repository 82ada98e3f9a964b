"""Numbers, keywords and lookup tables typed by people: weights, breaks, mask values, rescaling rows."""

import unicodedata

from ..errors import N_, InputError


def parse_lookup(text):
    """'1:1; 2:0.5; 3:0; *:0' -> ({1: 1.0, 2: 0.5, 3: 0.0}, default 0.0 or None). '=' works as ':' too."""
    table, default = {}, None
    for item in str(text or "").replace("\n", ";").split(";"):
        item = item.strip()
        if not item:
            continue
        sep = ":" if ":" in item else "="
        key, _, value = item.partition(sep)
        if not _ or not value.strip():
            raise InputError(N_("The lookup table entry '{item}' is not 'value: score' (e.g. '3: 0.5')."), item=item)
        score = parse_number(value, N_("lookup score"), item)
        if key.strip() == "*":
            default = score
        else:
            table[parse_number(key, N_("lookup value"), item)] = score
    return table, default


class NumberError(InputError):
    translated_params = ("what",)  # the kind of number is itself an N_-marked word


def parse_number(text, what, context):
    """``text`` as an int when whole, else a float; NumberError naming ``what`` and where it was typed."""
    try:
        value = float(str(text).strip())
    except ValueError:
        raise NumberError(N_("'{text}' is not a number ({what} in '{context}')."), text=str(text).strip(),
                          what=what, context=context) from None
    return int(value) if value.is_integer() else value


def plain(text):
    """Lower case without accents, for matching keywords and band names typed by people."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").strip().lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


WEIGHT = N_("weight")


def parse_numbers(text, what=WEIGHT):
    """Numbers from '0.4, 0.3, 0.3' (or ';' separated, then decimal commas are allowed); None when blank."""
    if isinstance(text, (list, tuple)):
        return [float(parse_number(t, what, text)) for t in text if str(t).strip()]
    text = str(text or "").strip()
    if not text:
        return None
    if ";" in text:
        items = [t.replace(",", ".") for t in text.split(";")]
    else:
        items = text.split(",")
    return [float(parse_number(t, what, text)) for t in items if t.strip()]

