"""Messages of the weighting methods (:mod:`potential.weights`)."""

MESSAGES = {
    "weights.not_mapping": (
        "erwartet: eine Zuordnung (dict oder pandas-Series) Kriterium → Zahl, erhalten: {got}",
        "expected a mapping or pandas Series of criterion → number, got {got}",
    ),
    "weights.no_criteria": (
        "keine Kriterien angegeben; erwartet: mindestens ein Kriterium",
        "no criteria given; expected at least one criterion",
    ),
    "weights.criteria_repeated": (
        "Kriterien mehrfach genannt: {dupes}; erwartet: jedes Kriterium einmal",
        "criteria named more than once: {dupes}; expected each criterion once",
    ),
    "weights.not_number": (
        "{name!r} ist {value!r}; erwartet: eine Zahl",
        "{name!r} is {value!r}; expected a number",
    ),
    "weights.not_finite": (
        "{name!r} ist {value}; erwartet: eine endliche Zahl",
        "{name!r} is {value}; expected a finite number",
    ),
    "weights.negative": (
        "{name!r} ist {value}; erwartet: eine Zahl ≥ 0",
        "{name!r} is {value}; expected a number ≥ 0",
    ),
    "weights.ranking_not_list": (
        "erwartet: eine Liste von Kriterien, das wichtigste zuerst (je Rang ein Name oder "
        "eine Liste gleichrangiger Namen), erhalten: {got}",
        "expected a list of criterion names, most important first (a name or a list of "
        "tied names per position), got {got}",
    ),
    "weights.ranking_empty_group": (
        "Rang {pos} ist eine leere Gruppe; erwartet: mindestens ein Kriterium je Rang",
        "position {pos} is an empty group; expected at least one criterion per position",
    ),
    "weights.ranking_bad_item": (
        "Rang {pos} ist {item!r}; erwartet: ein Kriterium oder eine Liste gleichrangiger "
        "Kriterien",
        "position {pos} is {item!r}; expected a criterion name or a list of tied names",
    ),
    "weights.ranking_bad_name": (
        "Rang {pos} enthält {name!r}; erwartet: den Namen eines Kriteriums",
        "position {pos} holds {name!r}; expected a criterion name",
    ),
    "weights.ranking_repeated": (
        "Kriterium {name!r} ist mehrfach genannt; erwartet: jedes Kriterium einmal",
        "criterion {name!r} is named more than once; expected each criterion once",
    ),
    "weights.points_above_100": (
        "{name!r} hat {value} Punkte; erwartet: Punkte zwischen 0 und 100",
        "{name!r} has {value}; expected points in [0, 100]",
    ),
    "weights.points_max_not_100": (
        "die höchste Punktzahl ist {top}; erwartet: genau 100 Punkte für den wichtigsten "
        "Swing und für die anderen Punkte im Verhältnis dazu (für Werte auf einer anderen "
        "Skala direct() verwenden)",
        "the largest is {top}; the most important swing must get exactly 100 points and the "
        "others points relative to it (use direct() for scores on another scale)",
    ),
    "weights.pairwise_labels": (
        "eine Tabelle (DataFrame) braucht dieselben eindeutigen Kriterien als Zeilen und "
        "Spalten; Zeilen {rows}, Spalten {cols}",
        "a DataFrame needs the same unique criterion labels as rows and columns; rows "
        "{rows}, columns {cols}",
    ),
    "weights.pairwise_criteria_given": (
        "{criteria} angegeben für eine Tabelle mit den Spalten {cols}; erwartet: keine "
        "Kriterien (die Beschriftungen benennen die Kriterien)",
        "{criteria} given for a DataFrame with columns {cols}; leave criteria out (the "
        "labels name the criteria)",
    ),
    "weights.pairwise_criteria_missing": (
        "erwartet: die Namen der Kriterien für eine Matrix ohne Beschriftungen",
        "give the criterion names for a matrix without labels",
    ),
    "weights.pairwise_not_numbers": (
        "erwartet: eine quadratische Matrix aus Zahlen",
        "expected a square matrix of numbers",
    ),
    "weights.pairwise_not_square": (
        "erwartet: eine nicht leere quadratische Matrix, erhalten: Form {shape}",
        "expected a non-empty square matrix, got shape {shape}",
    ),
    "weights.pairwise_names_count": (
        "{count} Namen angegeben für eine {n}×{n}-Matrix; erwartet: {n} Namen",
        "{count} names given for a {n}×{n} matrix; expected {n} names",
    ),
    "weights.pairwise_too_large": (
        "{n} Kriterien; Saatys Zufallsindex (und damit das Konsistenzverhältnis) ist für "
        "höchstens {most} Kriterien tabelliert; erwartet: höchstens {most} Kriterien "
        "(Kriterien gruppieren)",
        "{n} criteria; Saaty's random index (and so the consistency ratio) is tabulated for "
        "at most {most}; group the criteria",
    ),
    "weights.pairwise_not_positive": (
        "{cell} ist {value}; erwartet: eine endliche Zahl größer als 0",
        "{cell} is {value}; expected a positive finite number",
    ),
    "weights.pairwise_off_scale": (
        "{cell} ist {value}; erwartet: einen Wert auf Saatys Skala von 1/9 bis 9",
        "{cell} is {value}; expected a value on Saaty's 1/9..9 scale",
    ),
    "weights.pairwise_diagonal": (
        "{cell} ist {value}; erwartet: 1 auf der Diagonale",
        "{cell} is {value}; the diagonal must be 1",
    ),
    "weights.pairwise_reciprocal": (
        "{cell} ist {value}; erwartet: den Kehrwert von {other} = {a}, also {inverse} "
        "(a_ji = 1/a_ij bis auf {tol})",
        "{cell} is {value}; expected the reciprocal of {other} = {a}, i.e. {inverse} "
        "(a_ji = 1/a_ij within {tol})",
    ),
    "weights.tol": (
        "{tol!r}; erwartet: eine Zahl von 0 bis unter 1",
        "{tol!r}; expected a number in [0, 1)",
    ),
    "weights.ahp_inconsistent": (
        "das Konsistenzverhältnis (AHP) {cr} liegt über {threshold} (lambda_max {lambda_max}, "
        "n = {n}); Saaty empfiehlt, die Paarvergleiche zu überarbeiten",
        "AHP consistency ratio {cr} exceeds {threshold} (lambda_max {lambda_max}, n = {n}); "
        "Saaty advises revising the pairwise judgements",
    ),
    "weights.entropy_negative": (
        "Zeile {row!r}, Spalte {col!r} ist {value}; erwartet: Werte ≥ 0 (für Entropie-Gewichte)",
        "row {row!r}, column {col!r} is {value}; entropy weights need values ≥ 0",
    ),
    "weights.entropy_constant": (
        "kein Kriterium unterscheidet die Alternativen; Entropie-Gewichte sind nicht "
        "bestimmt (jede Spalte hat die Entropie 1); erwartet: mindestens ein Kriterium mit "
        "verschiedenen Werten",
        "no criterion varies across the alternatives; entropy weights are undefined (every "
        "column has entropy 1); expected at least one criterion with differing values",
    ),
    "weights.critic_objectives": (
        "CRITIC braucht für jede Spalte 'max' oder 'min'; erwartet: eine Zielrichtung je "
        "Kriterium",
        "CRITIC needs 'max' or 'min' for every column; expected one objective per criterion",
    ),
    "weights.critic_too_few": (
        "nur {varying} von {total} Kriterien unterscheiden die Alternativen; erwartet: "
        "mindestens zwei (der Konfliktterm von CRITIC vergleicht Kriterien)",
        "only {varying} of {total} criteria vary across the alternatives; CRITIC needs at "
        "least two (its conflict term compares criteria)",
    ),
    "weights.critic_identical": (
        "alle variierenden Kriterien ordnen die Alternativen gleich (Korrelation 1 nach "
        "Skalierung auf bester Wert = 1); CRITIC-Gewichte sind nicht bestimmt; erwartet: "
        "mindestens zwei Kriterien, die verschieden ordnen",
        "all varying criteria rank the alternatives identically (correlation 1 after "
        "scaling to best = 1); CRITIC weights are undefined",
    ),
    # trade-off rates (potential.tradeoffs)
    "weights.tradeoff_no_npv": (
        "Kriterienmodell {model!r}: Austauschraten brauchen ein gewichtetes "
        "Kapitalwert-Kriterium ({indicators}) mit einer Skala",
        "criteria model {model!r}: trade-off rates need a weighted Kapitalwert criterion "
        "({indicators}) with a scale",
    ),
}
