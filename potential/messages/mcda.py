"""Messages of the ranking methods (:mod:`potential.mcda`)."""

MESSAGES = {
    # methods and their parameters
    "mcda.unknown_method": (
        "unbekanntes Verfahren {method!r}; erwartet: eines von {known}",
        "unknown method {method!r}; expected one of {known}",
    ),
    "mcda.unknown_params": (
        "das Verfahren {method!r} hat keinen Parameter {unknown}; seine Parameter: {known}",
        "method {method!r} has no parameter {unknown}; its parameters: {known}",
    ),
    "mcda.one_of": (
        "{value!r}; erwartet: eines von {choices}",
        "{value!r}; expected one of {choices}",
    ),
    "mcda.closed_unit": (
        "erwartet: eine Zahl von 0 bis 1, erhalten: {value!r}",
        "expected a number in [0, 1], got {value!r}",
    ),
    "mcda.open_unit": (
        "erwartet: eine Zahl größer als 0 und kleiner als 1, erhalten: {value!r}",
        "expected a number in (0, 1), got {value!r}",
    ),
    "mcda.bounds_without_floor": (
        "nur mit value_floor (der Wertfunktion des gewichteten Produkts)",
        "only with value_floor (the value function of the product)",
    ),
    # the decision matrix, objectives and weights
    "mcda.not_frame": (
        "erwartet: eine pandas-Tabelle (DataFrame), erhalten: {got}",
        "expected a pandas DataFrame, got {got}",
    ),
    "mcda.empty_matrix": (
        "erwartet: mindestens eine Zeile und eine Spalte, erhalten: Form {shape}",
        "expected at least one row and one column, got {shape}",
    ),
    "mcda.repeated_rows": (
        "Zeilenbeschriftungen müssen eindeutig sein; mehrfach: {dupes}",
        "row labels must be unique; repeated: {dupes}",
    ),
    "mcda.not_numeric": (
        "Spalte(n) {columns} sind nicht numerisch; erwartet: Zahlen",
        "column(s) {columns} are not numeric; expected numbers",
    ),
    "mcda.not_finite": (
        "Zeile {row!r}, Spalte {col!r} ist {value}; erwartet: eine endliche Zahl",
        "row {row!r}, column {col!r} is {value}; expected a finite number",
    ),
    "mcda.objectives_count": (
        "{given} Zielrichtungen angegeben; erwartet: {m} (eine je Kriterium)",
        "{given} given for {m} criteria; expected {m}",
    ),
    "mcda.bad_objective": (
        "{col!r} hat {value!r}; erwartet: 'max' oder 'min'",
        "{col!r} has {value!r}; expected 'max' or 'min'",
    ),
    "mcda.no_weight_for": (
        "kein Gewicht für die Kriterien {missing}; erwartet: ein Gewicht je Kriterium",
        "no weight for criteria {missing}; expected one weight per criterion",
    ),
    "mcda.not_columns": (
        "die Kriterien {criteria} sind keine Spalten der Matrix; erwartet: Spalten aus {columns}",
        "criteria {criteria} are not columns of the matrix; expected columns of {columns}",
    ),
    "mcda.weights_count": (
        "{given} Gewichte angegeben; erwartet: {m} (eines je Kriterium)",
        "{given} given for {m} criteria; expected {m}",
    ),
    "mcda.weights_not_finite": (
        "erwartet: endliche Zahlen ≥ 0, erhalten: {weights}",
        "expected finite non-negative numbers, got {weights}",
    ),
    "mcda.weights_all_zero": (
        "alle Gewichte sind 0; erwartet: mindestens ein Gewicht größer als 0",
        "all weights are zero; expected at least one weight greater than 0",
    ),
    "mcda.not_positive": (
        "Zeile {row!r}, Spalte {col!r} ist {value}; {method} braucht Werte > 0 (oder einen "
        "value_floor)",
        "row {row!r}, column {col!r} is {value}; {method} needs values > 0 (or a value_floor)",
    ),
    # comparing rankings
    "mcda.rankings_length": (
        "Rangfolgen verschiedener Länge: {a} und {b}; erwartet: gleich lange Rangfolgen",
        "rankings of different length: {a} and {b}; expected rankings of equal length",
    ),
    "mcda.rank_reversal_too_few": (
        "die Prüfung auf Rangumkehr braucht mindestens zwei verschiedene Alternativen",
        "rank reversal needs at least two different alternatives",
    ),
    # PROMETHEE
    "mcda.unknown_criteria": (
        "unbekannte Kriterien {unknown}; die Kriterien sind {known}",
        "unknown criteria {unknown}; the criteria are {known}",
    ),
    "mcda.per_criterion_type": (
        "erwartet: einen Wert, eine Folge oder eine Zuordnung Kriterium → Wert, erhalten: {got}",
        "expected one value, a sequence or a mapping criterion → value, got {got}",
    ),
    "mcda.per_criterion_count": (
        "{given} Werte angegeben; erwartet: {m} (einen je Kriterium)",
        "{given} values given for {m} criteria; expected {m}",
    ),
    "mcda.no_preference": (
        "keine Präferenzfunktion für die Kriterien {missing}; erwartet: eine je Kriterium",
        "no preference function for criteria {missing}; expected one per criterion",
    ),
    "mcda.bad_preference": (
        "Kriterium {col!r} hat {value!r}; erwartet: eines von {known}",
        "criterion {col!r} has {value!r}; expected one of {known}",
    ),
    "mcda.bad_threshold": (
        "Kriterium {col!r} hat {value!r}; erwartet: eine Zahl ≥ 0",
        "criterion {col!r} has {value!r}; expected a number ≥ 0",
    ),
    "mcda.threshold_missing": (
        "Kriterium {col!r} verwendet die Präferenzfunktion {name!r}, die {param} braucht; "
        "erwartet: einen Wert für {param}",
        "criterion {col!r} uses the {name!r} preference function, which needs {param}",
    ),
    "mcda.linear_q_above_p": (
        "Kriterium {col!r} hat q = {q} > p = {p}; erwartet: q ≤ p",
        "criterion {col!r} has q = {q} > p = {p}; expected q ≤ p",
    ),
    "mcda.level_q_not_below_p": (
        "Kriterium {col!r} hat q = {q} ≥ p = {p}; die Funktion 'level' braucht q < p",
        "criterion {col!r} has q = {q} ≥ p = {p}; the 'level' function needs q < p",
    ),
    "mcda.gaussian_s_zero": (
        "Kriterium {col!r} hat s = 0; die Funktion 'gaussian' braucht s > 0",
        "criterion {col!r} has s = 0; the 'gaussian' function needs s > 0",
    ),
    # value functions
    "mcda.bounds_not_minmax": (
        "nur für value_function 'minmax', nicht für {value_function!r}",
        "only for value_function 'minmax', not {value_function!r}",
    ),
    "mcda.bounds_too_narrow": (
        "{col!r} ist ({low}, {high}), aber die Werte reichen von {lo} bis {hi}; erwartet: "
        "Grenzen, die alle Werte einschließen",
        "{col!r} is ({low}, {high}) but the values span ({lo}, {hi})",
    ),
    "mcda.vector_negative": (
        "Zeile {row!r}, Spalte {col!r} ist {value}; die Normierung 'vector' braucht Werte ≥ 0",
        "row {row!r}, column {col!r} is {value}; the 'vector' normalisation needs values >= 0",
    ),
    "mcda.normalisation_not_positive": (
        "Zeile {row!r}, Spalte {col!r} ist {value}; die Normierung {name!r} braucht Werte > 0",
        "row {row!r}, column {col!r} is {value}; the {name!r} normalisation needs values > 0",
    ),
    "mcda.breakpoints_too_few": (
        "{col!r} braucht mindestens zwei Punkte (x, v)",
        "{col!r} needs at least two (x, v) points",
    ),
    "mcda.breakpoints_not_increasing": (
        "{col!r} braucht streng steigende x, erhalten: {xs}",
        "{col!r} needs strictly increasing x, got {xs}",
    ),
    "mcda.breakpoints_values": (
        "die Werte von {col!r} müssen zwischen 0 und 1 liegen, erhalten: {vs}",
        "{col!r} values must lie in [0, 1], got {vs}",
    ),
    "mcda.breakpoints_cover": (
        "{col!r} deckt ({first}, {last}) ab, aber die Werte reichen von {lo} bis {hi}; "
        "erwartet: Punkte, die alle Werte abdecken",
        "{col!r} covers ({first}, {last}) but the values span ({lo}, {hi})",
    ),
}
