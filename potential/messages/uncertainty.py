"""Messages of the uncertainty analyses (:mod:`potential.uncertainty`): weight and value
samples, SMAA, stability, Kapitalwert risk."""

MESSAGES = {
    # general checks of arguments
    "uncertainty.int_at_least": (
        "erwartet: eine ganze Zahl ≥ {least}, erhalten: {value!r}",
        "expected an integer >= {least}, got {value!r}",
    ),
    "uncertainty.samples_at_least": (
        "erwartet: mindestens 1 Stichprobe, erhalten: {n}",
        "expected at least 1 sample, got {n}",
    ),
    "uncertainty.probability": (
        "erwartet: eine Wahrscheinlichkeit von 0 bis 1, erhalten: {value!r}",
        "expected a probability between 0 and 1, got {value!r}",
    ),
    "uncertainty.not_numbers": (
        "erwartet: Zahlen, erhalten: {value!r}",
        "expected numbers, got {value!r}",
    ),
    "uncertainty.not_finite": (
        "erwartet: endliche Zahlen, erhalten: {value!r}",
        "expected finite numbers, got {value!r}",
    ),
    # seeds of random draws (potential.random)
    "uncertainty.seed_type": (
        "erwartet: eine ganze Zahl ≥ 0, einen numpy-Generator oder None, erhalten: {got}",
        "expected an int >= 0, a numpy Generator or None, got {got}",
    ),
    "uncertainty.seed_negative": (
        "erwartet: eine ganze Zahl ≥ 0, erhalten: {seed}",
        "expected an int >= 0, got {seed}",
    ),
    # bodies, body sensitivity
    "uncertainty.body_not_in_option": (
        "Körperschaft {body!r} nimmt an der Kooperationsoption {option!r} nicht teil; "
        "erwartet: eine Option der Körperschaft ({known})",
        "body {body!r} takes no part in option {option!r}; expected one of its options ({known})",
    ),
    # npv risk
    "uncertainty.economics_not_mapping": (
        "erwartet: eine Zuordnung von Abweichungen oder EconomicSettings, erhalten: {got}",
        "expected a mapping of overrides or EconomicSettings, got {got}",
    ),
    "uncertainty.unknown_legal_forms": (
        "unbekannte Rechtsform(en) {unknown}; erwartet: Kennungen aus legal_forms.csv: {known}",
        "unknown legal form(s) {unknown}; expected ids of legal_forms.csv: {known}",
    ),
    # weight specifications
    "uncertainty.no_criteria": (
        "erwartet: mindestens ein Kriterium, erhalten: m={m!r}",
        "expected at least one criterion, got m={m!r}",
    ),
    "uncertainty.interval_pairs": (
        "Intervalle brauchen je Kriterium ein Paar (untere, obere Grenze)",
        "intervals need one (low, high) pair per criterion",
    ),
    "uncertainty.interval_of": (
        "Intervall von {name!r}",
        "interval of {name!r}",
    ),
    "uncertainty.interval_bounds": (
        "Intervall von {name!r} ist ({low}, {high}); erwartet: 0 ≤ untere ≤ obere Grenze ≤ 1",
        "interval of {name!r} is ({low}, {high}); expected 0 <= low <= high <= 1",
    ),
    "uncertainty.interval_infeasible": (
        "die Intervalle sind nicht erfüllbar: die unteren Grenzen ergeben zusammen {low}, "
        "die oberen {high}; Gewichte mit der Summe 1 brauchen Summe(untere) ≤ 1 ≤ "
        "Summe(obere)",
        "the intervals are infeasible: the lower bounds sum to {low} and the upper bounds to "
        "{high}; weights summing to 1 need sum(low) <= 1 <= sum(high)",
    ),
    "uncertainty.interval_no_room": (
        "nur {accepted} von {tried} gleichverteilten Gewichtsvektoren liegen in den "
        "Intervallen; sie lassen kaum Spielraum (Intervalle weiter fassen oder feste "
        "Gewichte angeben)",
        "only {accepted} of {tried} uniform weight vectors fall inside the intervals; they "
        "leave almost no room (widen them or give fixed weights)",
    ),
    "uncertainty.ordinal_order": (
        "eine Rangfolge muss jedes Kriterium genau einmal nennen, erhalten: {order}",
        "an ordinal ranking must list every criterion once, got {order}",
    ),
    "uncertainty.hierarchy_empty": (
        "eine Hierarchie braucht mindestens eine nicht leere Gruppe",
        "a hierarchy needs at least one non-empty group",
    ),
    "uncertainty.hierarchy_groups": (
        "die Gruppen der Hierarchie müssen verschiedene Kriterien 0..{last} enthalten, "
        "erhalten: {groups}",
        "hierarchy groups must hold distinct criteria 0..{last}, got {groups}",
    ),
    "uncertainty.fixed_weights": (
        "erwartet: endliche Zahlen ≥ 0 mit einer Summe größer als 0, erhalten: {weights}",
        "expected finite non-negative numbers with a positive sum, got {weights}",
    ),
    "uncertainty.spec_size": (
        "die Gewichtsangabe hat {given} Kriterien, die Matrix {m}; erwartet: {m}",
        "the specification has {given} criteria, the matrix {m}; expected {m}",
    ),
    "uncertainty.not_interval": (
        "{name!r} hat {value!r}; erwartet: ein Intervall (untere, obere Grenze) (oder Zahlen "
        "für alle Kriterien als feste Gewichte)",
        "{name!r} has {value!r}; expected a (low, high) interval (or give numbers for every "
        "criterion as fixed weights)",
    ),
    "uncertainty.not_spec": (
        "{value!r} ist keine Gewichtsangabe; erwartet: feste Gewichte, Intervalle, eine "
        "Rangfolge der Kriterien oder ein Kriterienmodell",
        "{value!r} is not a weight specification; expected fixed weights, intervals, a "
        "ranking of the criteria or a criteria model",
    ),
    "uncertainty.ordinal_unknown": (
        "{unknown} sind keine Kriterien; eine Rangfolge nennt Kriterien, feste Gewichte "
        "sind Zahlen",
        "{unknown} are not criteria; an ordinal ranking lists criterion names, fixed "
        "weights are numbers",
    ),
    "uncertainty.ordinal_missing": (
        "eine Rangfolge muss jedes Kriterium genau einmal nennen; es fehlen {missing}",
        "an ordinal ranking must list every criterion once; missing {missing}",
    ),
    "uncertainty.ordinal_missing_repeated": (
        "eine Rangfolge muss jedes Kriterium genau einmal nennen; es fehlen {missing}, "
        "andere sind mehrfach genannt",
        "an ordinal ranking must list every criterion once; missing {missing}, repeated ones",
    ),
    "uncertainty.spec_type": (
        "ein Objekt vom Typ {got} ist keine Gewichtsangabe; erwartet: feste Gewichte, "
        "Intervalle, eine Rangfolge der Kriterien oder ein Kriterienmodell",
        "cannot use a {got} as a weight specification; expected fixed weights, intervals, a "
        "ranking of the criteria or a criteria model",
    ),
    "uncertainty.model_differs": (
        "das Kriterienmodell {model!r} und die Matrix passen nicht zusammen: nicht in der "
        "Matrix {missing}, nicht im Modell {extra}",
        "the criteria model {model!r} and the matrix differ: not in the matrix {missing}, "
        "not in the model {extra}",
    ),
    "uncertainty.shorthand_criteria": (
        "eine Kurzangabe der Gewichte braucht `criteria` (die Namen der Kriterien)",
        "a shorthand specification needs `criteria`",
    ),
    # value distributions
    "uncertainty.uniform_bounds": (
        "erwartet: untere < obere Grenze, erhalten: ({low}, {high})",
        "expected low < high, got ({low}, {high})",
    ),
    "uncertainty.triangular_bounds": (
        "erwartet: untere Grenze ≤ Modus ≤ obere Grenze und untere < obere Grenze, "
        "erhalten: ({low}, {mode}, {high})",
        "expected low <= mode <= high and low < high, got ({low}, {mode}, {high})",
    ),
    "uncertainty.normal_sd": (
        "erwartet: eine Standardabweichung sd größer als 0, erhalten: {sd}",
        "expected sd > 0, got {sd}",
    ),
    "uncertainty.values_not_mapping": (
        "erwartet: eine Zuordnung von Kriterium oder (Alternative, Kriterium) zu einer "
        "Verteilung, erhalten: {got}",
        "expected a mapping of criterion or (alternative, criterion) to a distribution, got {got}",
    ),
    "uncertainty.not_distribution": (
        "{key!r} hat {value!r}; erwartet: Uniform, Triangular oder Normal",
        "{key!r} has {value!r}; expected Uniform, Triangular or Normal",
    ),
    "uncertainty.unknown_cell": (
        "{key!r} ist weder ein Kriterium noch ein Paar (Alternative, Kriterium) der Matrix",
        "{key!r} is neither a criterion nor an (alternative, criterion) pair of the matrix",
    ),
    "uncertainty.normal_outside": (
        "({alternative!r}, {criterion!r}) ist {value}, außerhalb der Grenzen ({low}, {high}) "
        "seiner Normalverteilung; erwartet: einen Wert innerhalb der Grenzen",
        "({alternative!r}, {criterion!r}) is {value}, outside the bounds ({low}, {high}) of "
        "its Normal distribution",
    ),
    # SMAA
    "uncertainty.wsm_value_function": (
        "die gewichtete Summe (wsm) mit unsicheren Werten verwendet die Min-Max-"
        "Wertfunktion jeder gezogenen Matrix (oder die angegebenen Grenzen); value_function "
        "und breakpoints sind damit nicht möglich",
        "wsm with uncertain values uses the min-max value function of each sampled matrix "
        "(or the given bounds); value_function and breakpoints are not supported with it",
    ),
    "uncertainty.topsis_metric": (
        "{metric!r}; das vektorisierte TOPSIS der SMAA kennt nur 'euclidean'",
        "{metric!r}; SMAA's vectorised TOPSIS supports 'euclidean'",
    ),
    "uncertainty.smaa_method": (
        "{method!r}; SMAA ist vektorisiert für {methods} (für die anderen Verfahren "
        "potential.mcda.rank verwenden)",
        "{method!r}; SMAA is vectorised for {methods} (use potential.mcda.rank for the others)",
    ),
    "uncertainty.weights_shape": (
        "erwartet: Form (n, {m}), erhalten: {shape}",
        "expected shape (n, {m}), got {shape}",
    ),
    "uncertainty.values_shape": (
        "erwartet: Form {expected}, erhalten: {shape}",
        "expected shape {expected}, got {shape}",
    ),
    "uncertainty.values_finite": (
        "erwartet: endliche Zahlen (> 0 für wpm ohne value_floor)",
        "expected finite numbers (> 0 for wpm without value_floor)",
    ),
    "uncertainty.scores_finite": (
        "erwartet: endliche Zahlen",
        "expected finite numbers",
    ),
    "uncertainty.values_not_positive": (
        "({alternative!r}, {criterion!r}) kann Werte ≤ 0 annehmen ({low}); das gewichtete "
        "Produkt ohne value_floor braucht Werte > 0",
        "({alternative!r}, {criterion!r}) can take values <= 0 ({low}); the weighted "
        "product without a value_floor needs values > 0",
    ),
    # stability
    "uncertainty.sensitivity_columns": (
        "es fehlen die Spalte(n) {missing}; erwartet: eine Tabelle von sensitivity()",
        "missing column(s) {missing}; use sensitivity()",
    ),
    "uncertainty.unknown_alternative": (
        "{alternative!r}; erwartet: eine von {known}",
        "{alternative!r} is not one of {known}",
    ),
}
