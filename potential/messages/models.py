"""Messages of the data models and their validation (:mod:`potential.models`,
:mod:`potential.validation`), including the German texts of pydantic's error types."""

MESSAGES = {
    # -- describing a pydantic error (potential.models.describe_validation_error) ----------
    "models.word.key": ("Schlüssel", "key"),
    "models.word.column": ("Spalte", "column"),
    "models.unknown.key": ("unbekannter Schlüssel {loc} ({hint})", "unknown key {loc} ({hint})"),
    "models.unknown.column": ("unbekannte Spalte {loc} ({hint})", "unknown column {loc} ({hint})"),
    "models.did_you_mean": ("meinten Sie {name}?", "did you mean {name}?"),
    "models.typo": ("ein Tippfehler?", "a typo?"),
    "models.missing": ("{word} {loc} fehlt", "{word} {loc} is missing"),
    "models.bad_value": (
        "{word} {loc}: {got} gefunden; erwartet: {expected}",
        "{word} {loc}: got {got}; expected: {expected}",
    ),
    "models.reason": ("{word} {loc}: {reason}", "{word} {loc}: {reason}"),
    "models.bad_value_reason": (
        "{word} {loc}: {got} gefunden; {reason}",
        "{word} {loc}: got {got}; {reason}",
    ),
    "models.more_one": ("(und 1 weiteres Problem)", "(and 1 more problem)"),
    "models.more_many": ("(und {n} weitere Probleme)", "(and {n} more problems)"),
    "models.not_mapping": (
        "erwartet: eine Zuordnung von Schlüsseln zu Werten, gefunden: {type}",
        "expected a mapping of keys to values, got {type}",
    ),
    # -- custom validators ---------------------------------------------------------------
    "models.body.lat_lon": (
        "erwartet: 'lat' und 'lon' beide (Dezimalgrad, WGS84) oder keines von beiden",
        "give both 'lat' and 'lon' (decimal degrees, WGS84) or neither",
    ),
    "models.body.coords_source": (
        "'lat' und 'lon' brauchen ihre Quelle in 'coords_source' (eine Quellen-ID)",
        "'lat' and 'lon' need their source in 'coords_source' (a source id)",
    ),
    "models.parameter.value": (
        "erwartet: eine Zahl oder ein Datum (TT.MM.JJJJ oder JJJJ-MM-TT), gefunden: {text!r}",
        "expected a number or a date (DD.MM.YYYY or YYYY-MM-DD), got {text!r}",
    ),
    "models.parameter.provenance": (
        "erwartet: genau eines von 'source' (eine Quellen-ID) oder 'assumption' (die "
        "Begründung der Annahme)",
        "give exactly one of 'source' (a source id) or 'assumption' (its rationale)",
    ),
    "models.parameter.low_high": (
        "erwartet: 'low' und 'high' beide (eine Spanne) oder keines von beiden",
        "give both 'low' and 'high' (a range) or neither",
    ),
    "models.parameter.date_range": (
        "ein Datum hat keine Spanne; 'low' und 'high' leer lassen",
        "a date has no range; leave 'low' and 'high' blank",
    ),
    "models.parameter.order": (
        "erwartet: low <= value <= high, gefunden: low {low:g}, value {value:g}, high {high:g}",
        "expected low <= value <= high, got low {low:g}, value {value:g}, high {high:g}",
    ),
    "models.parameter.range_note": (
        "eine Spanne mit Quelle braucht ihre Grundlage in 'note' (welche Zahlen der Quelle "
        "low und high ergeben)",
        "a sourced range needs its basis in 'note' (which figures of the source give low "
        "and high)",
    ),
    "models.cooperation.lead": (
        "die federführende Körperschaft 'lead' {lead!r} gehört nicht zu den Mitgliedern",
        "lead {lead!r} is not among the members",
    ),
    "models.cooperation.members": (
        "eine Kooperation braucht zwei Mitglieder, oder ein Mitglied und external_partners",
        "a cooperation needs two members, or one member and external_partners",
    ),
    "models.option.lead": (
        "die federführende Körperschaft 'lead' {lead!r} gehört nicht zu den Partnern",
        "lead {lead!r} is not among the partners",
    ),
    "models.option.twice": ("ein Partner kommt zweimal vor", "a partner appears twice"),
    # -- looking things up in a dataset --------------------------------------------------
    "models.what.body": ("Körperschaft", "body"),
    "models.what.field": ("Handlungsfeld", "field"),
    "models.what.legal_form": ("Rechtsform", "legal form"),
    "models.unknown_id": (
        "unbekannte {what} {key!r}; erwartet: eine von {known}",
        "unknown {what} {key!r}; expected one of {known}",
    ),
    "models.unknown_id.field": (
        "unbekanntes Handlungsfeld {key!r}; erwartet: eines von {known}",
        "unknown field {key!r}; expected one of {known}",
    ),
    "models.parameter_missing": (
        "Parameter {name!r} fehlt",
        "parameter {name!r} is missing",
    ),
    "models.owned_missing": (
        "kein Parameter {name!r} für {owner!r}",
        "no parameter {name!r} for {owner!r}",
    ),
    # -- potential.validation ------------------------------------------------------------
    "validation.not_dataset": (
        "erwartet: ein Datensatz-Ordner oder eine .yaml-Datei",
        "expected a dataset folder or a .yaml file",
    ),
    "validation.unknown_kind": (
        "unklar, was für eine Datei das ist: ein Kriterienmodell hat 'groups', ein Szenario "
        "hat 'name'",
        "cannot tell what this file is: a criteria model has 'groups', a scenario has 'name'",
    ),
    "validation.method": ("Schlüssel 'method': {problem}", "key 'method': {problem}"),
}

#: German texts of pydantic's error types (``type`` → template filled from the error's
#: ``ctx``). The English text is pydantic's own message; the English templates here are
#: close to it and only used where pydantic gives none.
MESSAGES.update(
    {
        "pydantic.other": ("ein gültiger Wert ({msg})", "a valid value ({msg})"),
        "pydantic.id_pattern": (
            "eine ID aus Kleinbuchstaben, Ziffern, '_' und '-' (am Anfang ein Buchstabe oder "
            "eine Ziffer, höchstens 64 Zeichen)",
            "an id of lower-case letters, digits, '_' and '-' (starting with a letter or a "
            "digit, at most 64 characters)",
        ),
        "pydantic.missing": ("ein Wert (Pflichtangabe)", "field required"),
        "pydantic.extra_forbidden": ("kein solcher Eintrag", "extra inputs are not permitted"),
        "pydantic.greater_than": (
            "eine Zahl größer als {gt}",
            "input should be greater than {gt}",
        ),
        "pydantic.greater_than_equal": (
            "eine Zahl größer oder gleich {ge}",
            "input should be greater than or equal to {ge}",
        ),
        "pydantic.less_than": ("eine Zahl kleiner als {lt}", "input should be less than {lt}"),
        "pydantic.less_than_equal": (
            "eine Zahl kleiner oder gleich {le}",
            "input should be less than or equal to {le}",
        ),
        "pydantic.multiple_of": (
            "ein Vielfaches von {multiple_of}",
            "input should be a multiple of {multiple_of}",
        ),
        "pydantic.finite_number": (
            "eine endliche Zahl (nicht NaN oder unendlich)",
            "input should be a finite number",
        ),
        "pydantic.too_short": (
            "mindestens {min_length} Eintrag/Einträge, gefunden: {actual_length}",
            "at least {min_length} item(s), not {actual_length}",
        ),
        "pydantic.too_long": (
            "höchstens {max_length} Eintrag/Einträge, gefunden: {actual_length}",
            "at most {max_length} item(s), not {actual_length}",
        ),
        "pydantic.string_type": ("ein Text", "input should be a valid string"),
        "pydantic.string_too_short": (
            "ein Text mit mindestens {min_length} Zeichen",
            "string should have at least {min_length} characters",
        ),
        "pydantic.string_too_long": (
            "ein Text mit höchstens {max_length} Zeichen",
            "string should have at most {max_length} characters",
        ),
        "pydantic.string_pattern_mismatch": (
            "ein Text nach dem Muster {pattern}",
            "string should match pattern {pattern}",
        ),
        "pydantic.literal_error": ("einer der Werte {expected}", "input should be {expected}"),
        "pydantic.enum": ("einer der Werte {expected}", "input should be {expected}"),
        "pydantic.bool_type": (
            "ein Wahrheitswert (true/false, yes/no, 1/0)",
            "input should be a valid boolean",
        ),
        "pydantic.bool_parsing": (
            "ein Wahrheitswert (true/false, yes/no, 1/0)",
            "input should be a valid boolean, unable to interpret input",
        ),
        "pydantic.int_type": ("eine ganze Zahl", "input should be a valid integer"),
        "pydantic.int_parsing": (
            "eine ganze Zahl",
            "input should be a valid integer, unable to parse string as an integer",
        ),
        "pydantic.int_from_float": (
            "eine ganze Zahl (ohne Nachkommastellen)",
            "input should be a valid integer, got a number with a fractional part",
        ),
        "pydantic.float_type": (
            "eine Zahl (Dezimalpunkt, z. B. 2.5)",
            "input should be a valid number",
        ),
        "pydantic.float_parsing": (
            "eine Zahl (Dezimalpunkt, z. B. 2.5)",
            "input should be a valid number, unable to parse string as a number",
        ),
        "pydantic.date_type": ("ein Datum (JJJJ-MM-TT)", "input should be a valid date"),
        "pydantic.date_parsing": (
            "ein gültiges Datum (JJJJ-MM-TT): {error}",
            "input should be a valid date in the format YYYY-MM-DD, {error}",
        ),
        "pydantic.date_from_datetime_parsing": (
            "ein gültiges Datum (JJJJ-MM-TT): {error}",
            "input should be a valid date or datetime, {error}",
        ),
        "pydantic.date_from_datetime_inexact": (
            "ein Datum ohne Uhrzeit (JJJJ-MM-TT)",
            "datetimes provided to dates should have zero time - e.g. be exact dates",
        ),
        "pydantic.datetime_type": ("ein Zeitpunkt (JJJJ-MM-TT HH:MM)", "a valid datetime"),
        "pydantic.datetime_parsing": (
            "ein gültiger Zeitpunkt (JJJJ-MM-TT HH:MM): {error}",
            "input should be a valid datetime, {error}",
        ),
        "pydantic.datetime_from_date_parsing": (
            "ein gültiger Zeitpunkt (JJJJ-MM-TT HH:MM): {error}",
            "input should be a valid datetime or date, {error}",
        ),
        "pydantic.list_type": ("eine Liste", "input should be a valid list"),
        "pydantic.tuple_type": ("eine Liste", "input should be a valid tuple"),
        "pydantic.set_type": ("eine Menge (Liste ohne Doppelte)", "input should be a valid set"),
        "pydantic.dict_type": (
            "eine Zuordnung von Schlüsseln zu Werten",
            "input should be a valid dictionary",
        ),
        "pydantic.model_type": (
            "eine Zuordnung von Schlüsseln zu Werten",
            "input should be a valid dictionary or an instance of the model",
        ),
        "pydantic.model_attributes_type": (
            "eine Zuordnung von Schlüsseln zu Werten",
            "input should be a valid dictionary or object to extract fields from",
        ),
        "pydantic.none_required": ("kein Wert (leer)", "input should be None"),
        "pydantic.frozen_instance": (
            "keine Änderung (der Wert ist unveränderlich)",
            "instance is frozen",
        ),
        "pydantic.frozen_field": (
            "keine Änderung (das Feld ist unveränderlich)",
            "field is frozen",
        ),
        "pydantic.iterable_type": ("eine Liste", "input should be iterable"),
        "pydantic.url_parsing": ("eine gültige Adresse (URL): {error}", "a valid URL, {error}"),
        "pydantic.url_type": (
            "eine Adresse (URL) als Text",
            "URL input should be a string or URL",
        ),
        "pydantic.decimal_parsing": ("eine Dezimalzahl", "input should be a valid decimal"),
        "pydantic.union_tag_invalid": (
            "einer der Werte {expected_tags} in {discriminator}, gefunden: {tag}",
            "input tag {tag} found using {discriminator} does not match any of the expected "
            "tags: {expected_tags}",
        ),
        "pydantic.union_tag_not_found": (
            "ein Wert für {discriminator}",
            "unable to extract tag using discriminator {discriminator}",
        ),
        # the details pydantic gives of a bad date (ctx["error"])
        "pydantic.date_error.input is too short": ("zu kurz", "input is too short"),
        "pydantic.date_error.input is too long": ("zu lang", "input is too long"),
        "pydantic.date_error.invalid character in year": (
            "ungültiges Zeichen in der Jahreszahl",
            "invalid character in year",
        ),
        "pydantic.date_error.invalid character in month": (
            "ungültiges Zeichen im Monat",
            "invalid character in month",
        ),
        "pydantic.date_error.invalid character in day": (
            "ungültiges Zeichen im Tag",
            "invalid character in day",
        ),
        "pydantic.date_error.invalid date separator, expected `-`": (
            "ungültiges Trennzeichen, erwartet: '-'",
            "invalid date separator, expected `-`",
        ),
        "pydantic.date_error.month value is outside expected range of 1-12": (
            "der Monat liegt nicht zwischen 1 und 12",
            "month value is outside expected range of 1-12",
        ),
        "pydantic.date_error.day value is outside expected range": (
            "den Tag gibt es in diesem Monat nicht",
            "day value is outside expected range",
        ),
        "pydantic.date_error.unexpected extra characters at the end of the input": (
            "überzählige Zeichen am Ende",
            "unexpected extra characters at the end of the input",
        ),
    }
)
