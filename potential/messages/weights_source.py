"""Messages that say whose weights ranked each body (:mod:`potential.weight_sources`)."""

MESSAGES = {
    # the line the ranking commands print
    "weights_source.line_model": (
        "Gewichte: die des Kriterienmodells für alle Körperschaften ({model})",
        "Weights: the criteria model's for every body ({model})",
    ),
    "weights_source.line_model_chosen": (
        "Gewichte: die des Kriterienmodells für alle Körperschaften ({model}; die eigenen "
        "Gewichte in {file} bleiben außer Betracht)",
        "Weights: the criteria model's for every body ({model}; the own weights in {file} "
        "are left aside)",
    ),
    "weights_source.line_own": (
        "Gewichte: eigene für {own}; übrige: die des Kriterienmodells {model} "
        "(--model-weights: alle mit denen des Modells)",
        "Weights: own for {own}; others: the criteria model {model}'s "
        "(--model-weights: all with the model's)",
    ),
    "weights_source.line_all_own": (
        "Gewichte: eigene für {own} (--model-weights: alle mit denen des Kriterienmodells "
        "{model})",
        "Weights: own for {own} (--model-weights: all with the criteria model {model}'s)",
    ),
    "weights_source.own_from": ("{names} ({file})", "{names} ({file})"),
    "weights_source.smaa_none": (
        "Gewichte: keine festen – SMAA zieht die Gewichte gleichverteilt (--weights uniform); "
        "eigene Gewichte der Körperschaften bleiben außer Betracht",
        "Weights: none fixed – SMAA draws the weights uniformly (--weights uniform); the "
        "bodies' own weights are left aside",
    ),
    "weights_source.smaa_groups": (
        "Gewichte: keine festen – SMAA zieht die Gewichte in den Gruppen des Kriterienmodells "
        "{model} gleichverteilt (--weights groups); eigene Gewichte der Körperschaften "
        "bleiben außer Betracht",
        "Weights: none fixed – SMAA draws the weights uniformly within the groups of the "
        "criteria model {model} (--weights groups); the bodies' own weights are left aside",
    ),
    "weights_source.smaa_ordinal": (
        "SMAA mit --weights ordinal: jede Körperschaft mit der Reihenfolge ihrer Gewichte",
        "SMAA with --weights ordinal: each body with the order of its weights",
    ),
    "weights_source.smaa_model": (
        "SMAA mit --weights model: jede Körperschaft mit ihren Gewichten, fest",
        "SMAA with --weights model: each body with its weights, fixed",
    ),
    "weights_source.no_ranking": (
        "Gewichte: keine – {command} teilt Kapitalwerte auf und ordnet nicht nach Kriterien",
        "Weights: none – {command} splits net present values and does not rank by criteria",
    ),
    # the workbook's column and the report's sentence
    "weights_source.column": ("Gewichte", "Weights"),
    "weights_source.body": ("Körperschaft", "Body"),
    "weights_source.cell_own": ("eigene ({source}; {file})", "own ({source}; {file})"),
    "weights_source.cell_model": (
        "Kriterienmodell {model}",
        "criteria model {model}",
    ),
    "weights_source.report_own": (
        "Die Optionen von {body} sind mit den eigenen Gewichten der Körperschaft bewertet "
        "({source}; Datei {file}), nicht mit denen des Kriterienmodells {model}.",
        "{body}'s options are scored with the body's own weights ({source}; file {file}), "
        "not with those of the criteria model {model}.",
    ),
    "weights_source.report_model": (
        "Die Optionen von {body} sind mit den Gewichten des Kriterienmodells {model} bewertet.",
        "{body}'s options are scored with the weights of the criteria model {model}.",
    ),
    # CLI usage errors
    "weights_source.model_and_file": (
        "--model-weights passt nicht zu --body-weights: entweder die Gewichte des "
        "Kriterienmodells oder die einer Datei",
        "--model-weights does not go with --body-weights: either the criteria model's "
        "weights or those of a file",
    ),
}
