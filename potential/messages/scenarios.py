"""Messages of scenarios (:mod:`potential.scenarios`): file format, changes, runs, comparison.

The messages of finding and reading scenario files are in ``scenarios_loading``; those of
weight changes' reasons in ``scenario_weights``.
"""

MESSAGES = {
    # --- where ---------------------------------------------------------------------------------
    "scenarios.where.scenario": ("Szenario {name!r}", "scenario {name!r}"),
    "scenarios.key": ("Schlüssel {path!r}: {problem}", "key {path!r}: {problem}"),
    "scenarios.hint": (" (meinten Sie {close!r}?)", " (did you mean {close!r}?)"),
    # --- the file format (potential.scenarios.model), after "Schlüssel 'x': ..." ---------------
    "scenarios.weight_target": (
        "erwartet: genau eines von 'group' (Kriteriengruppe) oder 'criterion' (Kriterium)",
        "give exactly one of 'group' or 'criterion'",
    ),
    "scenarios.weight_rule": (
        "erwartet: genau eines von 'value' (neues Gewicht) oder 'factor' (Faktor)",
        "give exactly one of 'value' (new weight) or 'factor'",
    ),
    "scenarios.weight_reason": (
        "erwartet: höchstens eines von 'source' (eine Quellen-ID) oder 'assumption' (die "
        "Begründung)",
        "give at most one of 'source' (a source id) or 'assumption'",
    ),
    "scenarios.override_one_rule": (
        "erwartet: nur eines von 'value', 'factor' oder 'add', gefunden: {rules}",
        "give only one of 'value', 'factor' or 'add', got {rules}",
    ),
    "scenarios.override_no_rule": (
        "erwartet: eines von 'value', 'factor', 'add', 'at_least' oder 'at_most'",
        "give one of 'value', 'factor', 'add', 'at_least' or 'at_most'",
    ),
    "scenarios.override_bounds": (
        "'at_least' ist größer als 'at_most'; erwartet: at_least ≤ at_most",
        "'at_least' is greater than 'at_most'",
    ),
    "scenarios.override_date_bounds": (
        "ein Datum hat weder 'at_least' noch 'at_most'; erwartet: nur 'value' mit dem Datum",
        "a date takes no 'at_least' or 'at_most'",
    ),
    "scenarios.sources_twice": (
        "Quellen-ID(s) {ids} mehrfach aufgeführt; erwartet: jede Quelle einmal",
        "source id(s) {ids} listed more than once",
    ),
    # --- sources and weight changes (potential.scenarios.overrides) ----------------------------
    "scenarios.source_unknown": (
        "unbekannte Quelle {source!r}; erwartet: die ID einer Quelle des Datensatzes ({known}) "
        "oder eine neue Quelle mit id, grade, title und url",
        "unknown source {source!r}; expected a source id of the dataset ({known}) or a new "
        "source with id, grade, title and url",
    ),
    "scenarios.source_clash": (
        "{id!r} ist schon eine andere Quelle des Datensatzes; erwartet: eine neue ID",
        "{id!r} is already a different source of the dataset; expected a new id",
    ),
    "scenarios.group_unknown": (
        "unbekannte Kriteriengruppe {key!r}{hint}; erwartet: eine von {known}",
        "unknown group {key!r}{hint}; expected one of {known}",
    ),
    "scenarios.criterion_unknown": (
        "unbekanntes Kriterium {key!r}{hint}; erwartet: eines von {known}",
        "unknown criterion {key!r}{hint}; expected one of {known}",
    ),
    # --- data overrides ------------------------------------------------------------------------
    "scenarios.parameter_unknown": (
        "unbekannter Parameter {name!r}{hint}; erwartet: einer von {known}",
        "unknown parameter {name!r}{hint}; expected one of {known}",
    ),
    "scenarios.parameter_ambiguous": (
        "{name!r} bezeichnet Parameter in {tables}; erwartet: einen Parameter, der in nur "
        "einer Tabelle steht",
        "{name!r} names parameters in {tables}; expected a parameter of one table only",
    ),
    "scenarios.no_scope": ("keinen Bereichsschlüssel", "no scope key"),
    "scenarios.scope_not_allowed": (
        "{name!r} ({table}) nimmt {allowed}, nicht {scope!r}",
        "{name!r} ({table}) takes {allowed}, not {scope!r}",
    ),
    "scenarios.unknown.bodies": (
        "unbekannte Körperschaft {item!r}{hint}; erwartet: eine von {known}",
        "unknown body {item!r}{hint}; expected one of {known}",
    ),
    "scenarios.unknown.fields": (
        "unbekanntes Handlungsfeld {item!r}{hint}; erwartet: eines von {known}",
        "unknown field {item!r}{hint}; expected one of {known}",
    ),
    "scenarios.unknown.legal_forms": (
        "unbekannte Rechtsform {item!r}{hint}; erwartet: eine von {known}",
        "unknown legal form {item!r}{hint}; expected one of {known}",
    ),
    "scenarios.unknown.obligations": (
        "unbekannte Pflicht {item!r}{hint}; erwartet: eine von {known}",
        "unknown obligation {item!r}{hint}; expected one of {known}",
    ),
    "scenarios.what.of_owner": ("{parameter} von {owner!r}", "{parameter} of {owner!r}"),
    "scenarios.what.body_field": (
        "{parameter} von {body!r} in {field!r}",
        "{parameter} of {body!r} in {field!r}",
    ),
    "scenarios.what.fulfilment": (
        "Erfüllung von {duty!r} durch {body!r}",
        "fulfilment of {duty!r} by {body!r}",
    ),
    "scenarios.what.population": ("Einwohnerzahl von {body!r}", "population of {body!r}"),
    "scenarios.date_expected": (
        "{what} ist ein Datum; erwartet: 'value' mit einem Datum (TT.MM.JJJJ oder JJJJ-MM-TT)",
        "{what} is a date; expected 'value' with a date (DD.MM.YYYY or YYYY-MM-DD)",
    ),
    "scenarios.number_expected": (
        "{what} ist eine Zahl, gefunden: das Datum {date}; erwartet: eine Zahl",
        "{what} is a number, got the date {date}",
    ),
    "scenarios.the_bounds": ("die Grenzen", "the bounds"),
    "scenarios.negative": (
        "{rule} macht {what} negativ ({new}, vorher {old}); erwartet: ein Ergebnis ≥ 0",
        "{rule} makes {what} negative ({new}, was {old}); expected a result ≥ 0",
    ),
    "scenarios.share_above_one": (
        "{rule} macht {what} zu {new} (vorher {old}); erwartet: einen Anteil zwischen 0 und 1",
        "{rule} makes {what} {new} (was {old}); expected a share between 0 and 1",
    ),
    "scenarios.override_source_unknown": (
        "unbekannte Quelle {source!r}{hint}; erwartet: die ID einer Quelle des Datensatzes "
        "oder der 'sources' des Szenarios",
        "unknown source {source!r}{hint}; expected a source id of the dataset or of the "
        "scenario's 'sources'",
    ),
    "scenarios.changes_nothing": (
        "ändert nichts: kein Eintrag in {table} passt zu den Bereichsschlüsseln; erwartet: "
        "mindestens einen passenden Eintrag",
        "changes nothing: no {table} entry matches its scope",
    ),
    "scenarios.population_zero": (
        "macht die Einwohnerzahl von {body!r} zu 0; erwartet: > 0",
        "makes the population of {body!r} zero; expected > 0",
    ),
    # --- running (potential.scenarios.running) -------------------------------------------------
    "scenarios.body_weights_missing": (
        "Datei {file!r} nicht gefunden; erwartet: eine CSV-Datei (relativ zur Szenariodatei)",
        "file {file!r} not found; expected a CSV file (relative to the scenario file)",
    ),
    "scenarios.same_name": (
        "zwei Szenarien heißen {name!r} ({first} und {second}); erwartet: verschiedene Namen",
        "two scenarios are named {name!r} ({first} and {second}); expected different names",
    ),
    # --- comparing (potential.scenarios.comparison, compare) -----------------------------------
    "scenarios.not_runs": (
        "{type}: kein Szenario-Lauf; erwartet: Szenario-Läufe (potential.scenarios.run) oder "
        "eine Zuordnung Name → Analyse",
        "{type}: not a scenario run; expected scenario runs (potential.scenarios.run) or a "
        "mapping of name to analysis",
    ),
    "scenarios.top_not_whole": (
        "top: {value!r}; erwartet: eine ganze Zahl (Zahl der Ränge)",
        "top must be a whole number of ranks, got {value!r}",
    ),
    "scenarios.top_small": (
        "top: {value}; erwartet: mindestens 1",
        "top must be at least 1, got {value}",
    ),
    "scenarios.runs_type": (
        "Szenario-Läufe: {type}; erwartet: eine Zuordnung Szenarioname → Rangfolge",
        "scenario runs must be a mapping of scenario name to ranking, got {type}",
    ),
    "scenarios.runs_pair": (
        "Szenario-Läufe: {type}; erwartet: Paare (Name, Rangfolge)",
        "scenario runs must be (name, ranking) pairs, got {type}",
    ),
    "scenarios.runs_too_few": (
        "ein Vergleich braucht mindestens 2 Szenario-Läufe, gegeben: {count}{first}",
        "comparing scenarios needs at least 2 runs, got {count}{first}",
    ),
    "scenarios.name_empty": (
        "Szenarioname {name!r}; erwartet: ein nichtleerer Text",
        "scenario name must be a non-empty text, got {name!r}",
    ),
    "scenarios.name_twice": (
        "Szenario {name!r} ist doppelt angegeben; erwartet: verschiedene Szenarionamen",
        "scenario {name!r} is given twice; scenario names must differ",
    ),
    "scenarios.ranking_type": (
        "Szenario {name!r}: {type}; erwartet: eine Rangfolge (DataFrame) oder eine Analyse",
        "scenario {name!r}: expected a ranking table (DataFrame) or an Analysis, got {type}",
    ),
    "scenarios.ranking_columns": (
        "Rangfolge des Szenarios {name!r}: Spalte(n) {missing} fehlen; erwartet: mindestens "
        "{required} (wie in Analysis.ranking)",
        "ranking of scenario {name!r} lacks column(s) {missing}; expected at least "
        "{required} (as in Analysis.ranking)",
    ),
    "scenarios.ranking_missing": (
        "Rangfolge des Szenarios {name!r}, Zeile {row}: {column} fehlt; erwartet: einen Wert "
        "in jeder Zeile",
        "ranking of scenario {name!r}, row {row}: {column} is missing",
    ),
    "scenarios.ranking_rank": (
        "Rangfolge des Szenarios {name!r}, Zeile {row} ({body}, {option}): Rang {rank}; "
        "erwartet: eine Zahl ≥ 1",
        "ranking of scenario {name!r}, row {row} ({body}, {option}): rank {rank} is not a "
        "number ≥ 1",
    ),
    "scenarios.ranking_duplicate": (
        "Rangfolge des Szenarios {name!r}: Option {option!r} kommt für Körperschaft {body!r} "
        "mehrfach vor; erwartet: jede Option einmal je Körperschaft",
        "ranking of scenario {name!r}: option {option!r} appears more than once for body {body!r}",
    ),
    "scenarios.export_type": (
        "{type} lässt sich nicht exportieren; erwartet: einen Szenario-Lauf oder einen Vergleich",
        "cannot export a {type}; expected a scenario run or a comparison",
    ),
}
