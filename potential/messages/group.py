"""Messages of the group view (:mod:`potential.group`): weights and rankings of the bodies."""

MESSAGES = {
    # what a table is (the parameters of the functions)
    "group.what.weights": ("Gewichte (weights)", "weights"),
    "group.what.rankings": ("Rangfolgen (rankings)", "rankings"),
    "group.not_a_frame": (
        "{what}: {type}; erwartet: eine pandas-Tabelle (DataFrame)",
        "{what}: expected a pandas DataFrame, got {type}",
    ),
    "group.empty": (
        "{what}: leere Tabelle ({rows} Zeilen, {columns} Spalten); erwartet: mindestens eine "
        "Zeile und eine Spalte",
        "{what}: empty table ({rows} rows, {columns} columns); expected at least one row and "
        "one column",
    ),
    "group.duplicate_rows": (
        "{what}: Zeilenbezeichnung(en) {labels} kommen mehrfach vor; erwartet: jede einmal",
        "{what}: row label(s) {labels} appear more than once; expected each once",
    ),
    "group.duplicate_columns": (
        "{what}: Spaltenbezeichnung(en) {labels} kommen mehrfach vor; erwartet: jede einmal",
        "{what}: column label(s) {labels} appear more than once; expected each once",
    ),
    "group.not_numbers": (
        "{what}: nicht jede Zelle ist eine Zahl; erwartet: Zahlen in jeder Zelle",
        "{what}: expected numbers in every cell",
    ),
    "group.infinite": (
        "{what}: unendliche Werte in Spalte(n) {columns}; erwartet: endliche Zahlen",
        "{what}: infinite value(s) in column(s) {columns}; expected finite numbers",
    ),
    "group.weights_missing": (
        "Gewichte (weights): fehlende Werte; erwartet: ein Gewicht je Körperschaft und Kriterium",
        "weights: missing value(s); every body needs a weight per criterion",
    ),
    "group.weights_negative": (
        "Gewichte (weights): negative Gewichte bei {bodies}; erwartet: Gewichte ≥ 0",
        "weights: negative weight(s) for {bodies}; expected weights >= 0",
    ),
    "group.weights_zero": (
        "Gewichte (weights): alle Gewichte sind 0 bei {bodies}; erwartet: mindestens ein "
        "positives Gewicht je Körperschaft",
        "weights: all weights are zero for {bodies}; expected at least one positive weight "
        "per body",
    ),
    "group.geometric_zero": (
        "Gewichte (weights): das geometrische Mittel ist für jedes Kriterium 0 (jedes "
        "Kriterium hat von mindestens einer Körperschaft das Gewicht 0); erwartet: "
        "how='arithmetic' (arithmetisches Mittel)",
        "weights: the geometric mean is zero for every criterion (each criterion has weight 0 "
        "from at least one body); use how='arithmetic'",
    ),
    "group.how": (
        "how: {how!r}; erwartet: 'arithmetic' oder 'geometric'",
        "how: {how!r}; expected 'arithmetic' or 'geometric'",
    ),
    "group.kendall_incomplete": (
        "Rangfolgen (rankings): Kendalls W braucht vollständige Rangfolgen; Ränge fehlen bei "
        "{voters}; erwartet: einen Rang für jede Option",
        "rankings: Kendall's W needs complete rankings; missing ranks from {voters}",
    ),
    "group.consensus_type": (
        "consensus: {type}; erwartet: eine pandas-Reihe (Series)",
        "consensus: expected a pandas Series, got {type}",
    ),
    "group.consensus_missing": (
        "consensus: kein Rang für {items}; erwartet: einen Rang für jede Option der Rangfolgen",
        "consensus: no rank for item(s) {items}; expected a rank for every item of the rankings",
    ),
}
