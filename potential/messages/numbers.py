"""Messages of the checks of numbers where they are read (:mod:`potential.models`)."""

MESSAGES = {
    "numbers.not_finite": (
        "{value} gefunden; erwartet: eine endliche Zahl (nicht NaN oder unendlich)",
        "got {value}; expected a finite number (not NaN or infinity)",
    ),
    "numbers.unit_range": (
        "Spalte '{name}': {value} gefunden; erwartet für die Einheit '{unit}': eine Zahl "
        "von {low} bis {high}",
        "column '{name}': got {value}; expected for the unit '{unit}': a number from {low} "
        "to {high}",
    ),
    "numbers.switch": (
        "Spalte '{name}': {value} gefunden; erwartet für die Einheit '{unit}': 0 oder 1",
        "column '{name}': got {value}; expected for the unit '{unit}': 0 or 1",
    ),
    "numbers.too_large": (
        "Option {option}: {value} gefunden; erwartet: höchstens {limit}",
        "option {option}: got {value}; expected at most {limit}",
    ),
    "numbers.memory": (
        "Option {option}: {value} Ziehungen brauchen etwa {need} Arbeitsspeicher, "
        "verfügbar sind etwa {free}; erwartet: eine kleinere Zahl (höchstens etwa {fit})",
        "option {option}: {value} draws need about {need} of memory, about {free} is "
        "available; expected a smaller number (at most about {fit})",
    ),
    "numbers.table_empty": (
        "nur die Kopfzeile, keine Zeilen; erwartet: mindestens eine Zeile unter der Kopfzeile",
        "only the header row, no rows; expected at least one row below the header",
    ),
}
