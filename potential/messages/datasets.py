"""Messages of datasets (:mod:`potential.datasets`), criteria models (:mod:`potential.criteria`)
and of reading scenario files (:mod:`potential.scenarios.loading`)."""

MESSAGES = {
    # --- where: a line of a table -----------------------------------------------------------
    "datasets.where_line": ("{path}, Zeile {line}", "{path}, line {line}"),
    "datasets.where_lines": ("{path}, Zeilen {lines}", "{path}, lines {lines}"),
    # --- kinds of things a table refers to --------------------------------------------------
    "datasets.kind.source": ("Quelle", "source"),
    "datasets.kind.body": ("Körperschaft", "body"),
    "datasets.kind.field": ("Handlungsfeld", "field"),
    "datasets.kind.legal_form": ("Rechtsform", "legal form"),
    "datasets.kind.obligation": ("Pflicht", "obligation"),
    # --- datasets ---------------------------------------------------------------------------
    "datasets.no_folder": (
        "Datensatz-Ordner nicht gefunden; erwartet: ein Ordner mit dataset.yaml oder einer "
        "von: {names}",
        "no such dataset folder; expected a folder with dataset.yaml or one of: {names}",
    ),
    "datasets.no_meta": (
        "dataset.yaml fehlt; erwartet: ein Datensatz-Ordner",
        "dataset.yaml is missing; expected a dataset folder",
    ),
    "datasets.duplicate_id": (
        "Kennung {id!r} kommt zweimal vor; erwartet: jede Kennung nur einmal",
        "id {id!r} appears twice",
    ),
    "datasets.duplicate_parameter": (
        "Parameter {parameter!r} für {owner!r} kommt zweimal vor; erwartet: jeden Parameter "
        "nur einmal",
        "parameter {parameter!r} for {owner!r} appears twice",
    ),
    "datasets.the_dataset": ("den Datensatz", "the dataset"),
    "datasets.unknown_ref": (
        "Spalte {column!r}: {kind} {value!r} unbekannt; erwartet: eine von {known}",
        "column {column!r}: unknown {kind} {value!r}; expected one of {known}",
    ),
    "datasets.duplicate_vat_rule": (
        "eine Regel für Handlungsfeld {field!r} und Rechtsform {legal_form!r} kommt zweimal "
        "vor; erwartet: eine Regel je Handlungsfeld und Rechtsform",
        "a rule for field {field!r} and legal form {legal_form!r} appears twice",
    ),
    "datasets.missing_parameters": (
        "Parameter {names} fehlen{who}; erwartet: alle Pflichtparameter",
        "parameter(s) {names} missing{who}",
    ),
    "datasets.missing_for": (" für {owner!r}", " for {owner!r}"),
    "datasets.optional_share": (
        "Spalte {column!r}: Parameter {parameter!r} ist {value}; erwartet: ein Anteil "
        "zwischen 0 und 1",
        "column {column!r}: parameter {parameter!r} is {value}; expected a share between 0 and 1",
    ),
    "datasets.consistency": (
        "Handlungsfeld {field!r}, Parameter {parameter!r}: {problem}",
        "field {field!r}, parameter {parameter!r}: {problem}",
    ),
    "datasets.share_range": (
        "{name} ({column}) ist {value}; erwartet: ein Anteil von 0 bis 1",
        "{name} ({column}) is {value}; expected a share from 0 to 1",
    ),
    "datasets.fte_cost": (
        "Personalkosten je VZÄ {per_fte} € (cost_per_capita {cost:g} × 10.000 × "
        "personnel_share {share:g} / fte_per_10k {fte:g}) liegen unter personnel_cost_per_fte "
        "{grade} €; höchstens {most} VZÄ je 10.000 Einwohner passen zu diesen Kosten",
        "personnel cost per FTE {per_fte} EUR (cost_per_capita {cost:g} × 10,000 × "
        "personnel_share {share:g} / fte_per_10k {fte:g}) is below personnel_cost_per_fte "
        "{grade} EUR; at most {most} FTE per 10,000 inhabitants fit these costs",
    ),
    "datasets.input_tax": (
        "input_tax_share {tax:g} ist größer als der zugekaufte Anteil "
        "1 − personnel_share = {bought:g}",
        "input_tax_share {tax:g} is larger than the bought-in share "
        "1 − personnel_share = {bought:g}",
    ),
    "datasets.unknown_table": (
        "Tabelle {name!r} unbekannt; erwartet: eine von {names}",
        "unknown table {name!r}; expected one of {names}",
    ),
    # --- criteria models --------------------------------------------------------------------
    "criteria.scale_equal": (
        "'worst' und 'best' sind gleich; erwartet: zwei verschiedene Werte",
        "'worst' and 'best' must differ",
    ),
    "criteria.indicator": ("eine von {names}", "one of {names}"),
    "criteria.below": ("unter", "below"),
    "criteria.above": ("über", "above"),
    "criteria.scale_direction": (
        "scale: bei einem Kriterium {direction!r} muss 'worst' {side} 'best' liegen, "
        "angegeben sind worst {worst:g} und best {best:g}",
        "scale: for a {direction!r} criterion 'worst' must be {side} 'best', got worst "
        "{worst:g} and best {best:g}",
    ),
    "criteria.body_provenance": (
        "'source' (woher die Gewichte stammen) oder 'assumption' (ihre Begründung) fehlt; "
        "erwartet: mindestens eines von beiden",
        "give 'source' (where the weights come from) or 'assumption' (its rationale)",
    ),
    "criteria.duplicate_criteria": (
        "Kriterium {ids} kommt mehrfach vor; erwartet: jede Kennung nur einmal",
        "criterion id(s) {ids} appear more than once",
    ),
    "criteria.duplicate_groups": (
        "Kennungen der Gruppen kommen mehrfach vor; erwartet: jede Gruppe nur einmal",
        "group ids must be unique",
    ),
    "criteria.all_zero": (
        "alle Gruppengewichte sind null; erwartet: mindestens ein positives Gewicht",
        "all group weights are zero; at least one must be positive",
    ),
    "criteria.group_zero": (
        "Gruppe {group!r} hat Gewicht {weight}, aber alle ihre Kriterien wiegen null; "
        "erwartet: ein Kriterium mit positivem Gewicht",
        "group {group!r} has weight {weight} but all its criteria weigh zero",
    ),
    "criteria.model_provenance": (
        "erwartet: genau eines von 'source' oder 'assumption' für die Gewichte",
        "give exactly one of 'source' or 'assumption' for the weights",
    ),
    "criteria.not_a_mapping": (
        "erwartet: eine Zuordnung Körperschaft → Gewichte, angegeben ist {type}",
        "expected a mapping of body id to weights, got {type}",
    ),
    "criteria.body_unknown_group": (
        "body_weights.{body}.groups: Gruppe {key!r} unbekannt; erwartet: eine von {known}",
        "body_weights.{body}.groups: unknown group {key!r}; expected one of {known}",
    ),
    "criteria.body_unknown_criterion": (
        "body_weights.{body}.criteria: Kriterium {key!r} unbekannt; erwartet: eines von {known}",
        "body_weights.{body}.criteria: unknown criterion {key!r}; expected one of {known}",
    ),
    "criteria.body_all_zero": (
        "body_weights.{body}: alle Gruppengewichte sind null; erwartet: mindestens ein "
        "positives Gewicht",
        "body_weights.{body}: all group weights are zero; at least one must be positive",
    ),
    "criteria.body_group_zero": (
        "body_weights.{body}: Gruppe {group!r} hat Gewicht {weight}, aber alle ihre Kriterien "
        "wiegen null",
        "body_weights.{body}: group {group!r} has weight {weight} but all its criteria weigh zero",
    ),
    "criteria.row_provenance": (
        "erwartet: genau eines von 'source' (woher das Gewicht stammt) oder 'assumption' "
        "(seine Begründung)",
        "give exactly one of 'source' (where the weight comes from) or 'assumption' (its "
        "rationale)",
    ),
    "criteria.no_rows": (
        "keine Zeilen; erwartet: eine Zeile je Körperschaft und Gewicht",
        "no rows; expected one row per body and weight",
    ),
    "criteria.row_unknown_body": (
        "Spalte 'body': Körperschaft {body!r} unbekannt; erwartet: eine von {known}",
        "column 'body': unknown body {body!r}; expected one of {known}",
    ),
    "criteria.level.group": ("Gruppe", "group"),
    "criteria.level.criterion": ("Kriterium", "criterion"),
    "criteria.row_unknown_id": (
        "Spalte 'id': {level} {id!r} unbekannt (Körperschaft {body!r}); erwartet: eine von "
        "{known}",
        "column 'id': unknown {level} {id!r} (body {body!r}); expected one of {known}",
    ),
    "criteria.row_twice": (
        "Körperschaft {body!r}: {level} {id!r} ist zweimal angegeben (zuerst in Zeile {first})",
        "body {body!r}: {level} {id!r} is given twice (first on line {first})",
    ),
    "criteria.unknown_model": (
        "Kriterienmodell {name!r} unbekannt; erwartet: eine YAML-Datei oder eines von: {names}",
        "unknown criteria model {name!r}; expected a YAML file or one of: {names}",
    ),
    # --- scenario files ---------------------------------------------------------------------
    "scenarios_loading.no_file": (
        "keine Szenario-Datei {ref!r}; erwartet: eine YAML-Datei oder eines der "
        "mitgelieferten Szenarien: {names}",
        "no scenario file {ref!r}; expected a YAML file or one of the shipped scenarios: {names}",
    ),
    "scenarios_loading.cycle": (
        "Schlüssel 'extends': ein Kreis ({names}); erwartet: Szenarien, die nicht reihum "
        "aufeinander aufbauen",
        "key 'extends': a cycle ({names}); expected scenarios that do not extend each other in "
        "a circle",
    ),
    "scenarios_loading.extends": ("Schlüssel 'extends': {problem}", "key 'extends': {problem}"),
    "scenarios_loading.not_a_file": (
        "ist keine Datei; erwartet: eine Szenario-Datei (YAML)",
        "is not a file; expected a scenario file (YAML)",
    ),
    "scenarios_loading.not_found": (
        "Datei nicht gefunden; erwartet: eine Szenario-Datei (YAML) oder eines der "
        "mitgelieferten Szenarien: {names}",
        "file not found; expected a scenario file (YAML) or one of the shipped scenarios: {names}",
    ),
}
