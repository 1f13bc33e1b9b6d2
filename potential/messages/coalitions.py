"""Messages of the coalition finder (:mod:`potential.coalitions`, ``potential coalitions``)."""

MESSAGES = {
    "coalitions.not_ids": (
        "{what}: {value!r}; erwartet: eine Kennung oder eine Liste von Kennungen",
        "{what}: {value!r}; expected: an id or a list of ids",
    ),
    "coalitions.id_not_text": (
        "{what}: {value!r} ist keine Kennung; erwartet: Kennungen (Text)",
        "{what}: {value!r} is not an id; expected: ids (text)",
    ),
    "coalitions.method_relative": (
        "Methode {method!r} bewertet eine Option im Verhältnis zu den anderen Optionen "
        "(Verhältnisskalierung, Idealpunkte oder paarweise Vergleiche), so dass der Gewinn einer "
        "Koalition davon abhinge, welche Koalitionen aufgezählt werden; erwartet: {methods} "
        "(die Methoden, die der Koalitionsfinder unterstützt)",
        "method {method!r} scores an option relative to the other options (ratio scaling, "
        "ideal points or pairwise comparisons), so a coalition's gain would depend on which "
        "coalitions are enumerated; expected: {methods} (the methods the coalition finder "
        "supports)",
    ),
    "coalitions.method_unknown": (
        "unbekannte Methode {method!r}; erwartet: {methods} (die Methoden, die der "
        "Koalitionsfinder unterstützt)",
        "unknown method {method!r}; expected: {methods} (the methods the coalition finder "
        "supports)",
    ),
    "coalitions.and": (" und ", " and "),
    "coalitions.not_whole": (
        "{what}: {value!r}; erwartet: eine ganze Zahl",
        "{what}: {value!r}; expected: a whole number",
    ),
    "coalitions.field_empty": (
        "field: leere Liste; erwartet: die Kennung eines Handlungsfelds",
        "field: empty list; expected: a field id",
    ),
    "coalitions.field_unknown": (
        "unbekanntes Handlungsfeld {field!r}; erwartet: eines von {known}",
        "unknown field {field!r}; expected one of {known}",
    ),
    "coalitions.form_unknown": (
        "unbekannte Rechtsform {form!r}; erwartet: eine von {known}",
        "unknown legal form {form!r}; expected one of {known}",
    ),
    "coalitions.no_form": (
        "keine Rechtsform{need}{given} passt zu den Handlungsfeldern; erwartet: eine der "
        "Rechtsformen der Felder ({fits})",
        "no legal form{need}{given} fits the field(s); expected: one of the fields' forms "
        "({fits})",
    ),
    "coalitions.no_form_lead": (
        " mit Federführung (der Datensatz verlangt eine)",
        " with a lead (the dataset requires one)",
    ),
    "coalitions.no_form_among": (" unter {forms}", " among {forms}"),
    "coalitions.key_not_proportional": (
        "key: {key!r} ist kein Kostenschlüssel, den der Koalitionsfinder anwendet; erwartet: "
        "einen von {known} (Shapley-Wert, Nukleolus und SCRB: potential sharing --option ID)",
        "key: {key!r} is not a cost key the coalition finder applies; expected one of "
        "{known} (Shapley value, nucleolus and SCRB: potential sharing --option ID)",
    ),
    "coalitions.connected": (
        "connected: {value!r}; erwartet: true oder false",
        "connected: {value!r}; expected: true or false",
    ),
    "coalitions.top": (
        "top: {value!r}; erwartet: eine ganze Zahl ≥ 1",
        "top: {value!r}; expected: a whole number >= 1",
    ),
    "coalitions.body_unknown": (
        "must_include: unbekannte Körperschaft {body!r}; erwartet: eine von {known}",
        "must_include: unknown body {body!r}; expected one of {known}",
    ),
    "coalitions.body_outside": (
        "must_include: Körperschaft {body!r} nimmt nach den Optionsregeln des Datensatzes "
        "nicht teil (options.join, options.stay_out); erwartet: eine der beteiligten "
        "Körperschaften ({taking})",
        "must_include: body {body!r} takes no part under the dataset's option rules "
        "(options.join, options.stay_out); expected one of the participants ({taking})",
    ),
    "coalitions.max_size_range": (
        "max_size: {size}; erwartet: eine ganze Zahl von 2 bis {n} (die Zahl der beteiligten "
        "Körperschaften)",
        "max_size: got {size}; expected a whole number from 2 to {n} (the number of "
        "participating bodies)",
    ),
    "coalitions.max_size_required": (
        "max_size: {size}, aber jede Koalition muss {count} Körperschaften enthalten "
        "({bodies}); erwartet: mindestens {count}",
        "max_size: got {size}, but every coalition must include {count} bodies ({bodies}); "
        "expected at least {count}",
    ),
    "coalitions.key_missing_figure": (
        "Kostenschlüssel {key}: im Handlungsfeld {field} fehlt die Angabe für {bodies} "
        "(body_fields.csv, Spalte cases_per_year); erwartet: eine Zahl ≥ 0 für jedes Mitglied "
        "oder ein anderer Kostenschlüssel",
        "key {key}: field {field} has no figure for {bodies} (body_fields.csv, column "
        "cases_per_year); expected a number >= 0 for every member, or another key",
    ),
}
