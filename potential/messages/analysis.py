"""Messages of the analysis (:mod:`potential.analysis`), the weight sliders
(:mod:`potential.interactive`) and the cooperation options (:mod:`potential.options`)."""

MESSAGES = {
    # -- potential.analysis ---------------------------------------------------------------
    "analysis.not_ranked": (
        "Körperschaft {body!r} hat keine Rangfolge; erwartet: eine von {known}",
        "body {body!r} is not ranked; expected one of {known}",
    ),
    "analysis.takes_no_part": (
        "Körperschaft {body!r} nimmt nach den Optionsregeln (options.join, options.stay_out) "
        "nicht teil und hat daher keine Rangfolge",
        "body {body!r} takes no part under the option rules (options.join, "
        "options.stay_out), so it is not ranked",
    ),
    "analysis.unknown_body": ("unbekannte Körperschaft {body!r}", "unknown body {body!r}"),
    "analysis.not_in_option": (
        "Körperschaft {body!r} nimmt an der Kooperationsoption {option!r} nicht teil",
        "body {body!r} takes no part in option {option!r}",
    ),
    "analysis.what.reference_date": ("Stichtag", "reference date"),
    "analysis.bad_date": (
        "{what}: {value!r} gefunden; erwartet: ein Datum als TT.MM.JJJJ oder JJJJ-MM-TT",
        "{what}: got {value!r}; expected a date as DD.MM.YYYY or YYYY-MM-DD",
    ),
    "analysis.scales": (
        "scales: {scales!r} gefunden; erwartet: einer von {known}",
        "scales: got {scales!r}; expected one of {known}",
    ),
    "analysis.missing_scales": (
        "Kriterienmodell {model!r}: die Kriterien {criteria} haben keine Skala 'scale' "
        "(worst, best, rationale); erwartet: eine für jedes Kriterium, oder mit "
        "scales='minmax' (--scales minmax) reihen",
        "criteria model {model!r}: criteria {criteria} have no 'scale' (worst, best, "
        "rationale); give one for every criterion, or rank with scales='minmax' "
        "(--scales minmax)",
    ),
    "analysis.body_weights_type": (
        "body_weights: erwartet: eine CSV-Datei oder eine Zuordnung von Körperschafts-ID zu "
        "Gewichten, gefunden: {type}",
        "body_weights: expected a CSV file or a mapping of body id to weights, got {type}",
    ),
    "analysis.body_weights_unknown.one": (
        "Gewichte für die unbekannte Körperschaft {unknown}; die Körperschaften des "
        "Datensatzes sind {known}",
        "body weights for unknown body {unknown}; the dataset's bodies are {known}",
    ),
    "analysis.body_weights_unknown.many": (
        "Gewichte für die unbekannten Körperschaften {unknown}; die Körperschaften des "
        "Datensatzes sind {known}",
        "body weights for unknown bodies {unknown}; the dataset's bodies are {known}",
    ),
    # -- potential.interactive ------------------------------------------------------------
    "interactive.lang": (
        "lang: {language!r}; erwartet: eine von {known}",
        "lang: {language!r}; expected one of {known}",
    ),
    "interactive.where": ("Gewichtsregler", "weight sliders"),
    "interactive.n": (
        "n: erwartet: mindestens 1 Kooperationsoption, gefunden: {n}",
        "n: expected at least 1 option, got {n}",
    ),
    "interactive.no_widgets": (
        "die Gewichtsregler brauchen ipywidgets, das nicht installiert ist; erwartet: "
        'installiert mit pip install ipywidgets (oder pip install ".[notebooks]")',
        "the weight sliders need ipywidgets, which is not installed; expected it installed: "
        'pip install ipywidgets (or pip install ".[notebooks]")',
    ),
    "interactive.analysis_type": (
        "analysis: erwartet: ein Ergebnis von potential.analyse() oder eine Zuordnung seiner "
        "Schlüsselwort-Argumente, gefunden: {type}",
        "analysis: expected a potential.analyse() result or a mapping of its keyword "
        "arguments, got {type}",
    ),
    # -- potential.options ----------------------------------------------------------------
    "options.all_needs_max_size": (
        "die Partnermengen-Familie 'all' braucht 'max_size' (die größte Partnermenge)",
        "partner-set family 'all' needs 'max_size' (the largest set)",
    ),
    "options.at_key": ("Schlüssel {key!r}: {problem}", "key {key!r}: {problem}"),
    "options.unknown_id": (
        "unbekannte {what} {value!r}; erwartet: eine von {known}",
        "unknown {what} {value!r}; expected one of {known}",
    ),
    "options.unknown_id.field": (
        "unbekanntes Handlungsfeld {value!r}; erwartet: eines von {known}",
        "unknown field {value!r}; expected one of {known}",
    ),
    "options.twice": ("{what} {value!r} kommt zweimal vor", "{what} {value!r} appears twice"),
    "options.max_size_missing": (
        "Schlüssel {key!r} fehlt; die Partnermengen-Familie 'all' ({at}) braucht die größte "
        "Partnermenge, z. B. max_size: 3",
        "key {key!r} is missing; the partner-set family 'all' ({at}) needs the largest "
        "partner set, e.g. max_size: 3",
    ),
    "options.too_few.none": (
        "keine Körperschaft nimmt teil; erwartet: mindestens 2",
        "0 bodies take part; expected at least 2",
    ),
    "options.too_few.one": (
        "1 Körperschaft nimmt teil ({who}); erwartet: mindestens 2",
        "1 body takes part ({who}); expected at least 2",
    ),
    "options.lead_in_stay_out": ("sie steht in {at}", "it is in {at}"),
    "options.lead_not_joined": ("sie steht nicht in {at}", "it is not in {at}"),
    "options.lead_out": (
        "Körperschaft {lead!r} nimmt nicht teil ({why}); eine federführende Körperschaft "
        "muss teilnehmen",
        "body {lead!r} takes no part ({why}); a lead must take part",
    ),
    "options.empty_list.field": (
        "leere Liste; erwartet: mindestens eine Handlungsfeld-ID (oder den Schlüssel weglassen)",
        "empty list; expected at least one field id (or leave the key out)",
    ),
    "options.empty_list.legal_form": (
        "leere Liste; erwartet: mindestens eine Rechtsform-ID (oder den Schlüssel weglassen)",
        "empty list; expected at least one legal form id (or leave the key out)",
    ),
    "options.no_lead_form": (
        "in den Handlungsfeldern ({fields}) bleibt keine Rechtsform mit Federführung; eine "
        "geforderte federführende Körperschaft braucht eine Rechtsform, in der eine "
        "Körperschaft die Aufgabe wahrnimmt (has_lead)",
        "no legal form with a lead is left in the fields ({fields}); a required lead needs "
        "a form in which one body performs the task (has_lead)",
    ),
    "options.given_forms": ("die angegebenen Rechtsformen", "the given forms"),
    "options.no_form_fits": (
        "keine von {forms} passt zu den Handlungsfeldern ({fields}); erwartet: mindestens "
        "eine Rechtsform dieser Handlungsfelder",
        "none of {forms} fits the fields ({fields}); expected at least one legal form of "
        "these fields",
    ),
    "options.none": ("keine", "none"),
    "options.no_partner_set": (
        "die Regeln lassen keine Partnermenge übrig (Familien {families}; Teilnehmende "
        "{participants}{extra}); erwartet: mindestens eine Menge von zwei oder mehr "
        "Körperschaften",
        "the rules leave no partner set (families {families}; participants "
        "{participants}{extra}); expected at least one set of two or more bodies",
    ),
}
