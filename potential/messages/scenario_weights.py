"""Messages of a scenario's weight changes (:mod:`potential.scenarios.overrides`)."""

MESSAGES = {
    "scenario_weights.no_reason": (
        "ohne Begründung: die Szenariodatei nennt weder 'source' noch 'assumption' "
        "(ein YAML-Kommentar wird nicht gelesen)",
        "no reason given: the scenario file names neither 'source' nor 'assumption' "
        "(a YAML comment is not read)",
    ),
    "scenario_weights.unknown_source": (
        "Schlüssel 'weights[{i}].source': unbekannte Quelle {source!r}; erwartet: die ID einer "
        "Quelle des Datensatzes oder der 'sources' des Szenarios",
        "key 'weights[{i}].source': unknown source {source!r}; expected a source id of the "
        "dataset or of the scenario's 'sources'",
    ),
}
