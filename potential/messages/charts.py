"""Messages of the charts (:mod:`potential.charts`)."""

MESSAGES = {
    "charts.lang": (
        "{value!r}; erwartet: eines von {known}",
        "{value!r}; expected one of {known}",
    ),
    "charts.not_frame": (
        "erwartet: eine Tabelle (DataFrame), erhalten: {got}",
        "expected a DataFrame, got {got}",
    ),
    "charts.missing_columns": (
        "es fehlen die Spalte(n) {missing}; erwartet: {expected}",
        "missing column(s) {missing}; expected {expected}",
    ),
    "charts.no_body_rows": (
        "keine Zeilen für die Körperschaft {body!r}; die Tabelle enthält {known}",
        "no rows for body {body!r}; the table has {known}",
    ),
    "charts.not_figure": (
        "erwartet: eine matplotlib-Figure oder -Axes, erhalten: {got}",
        "expected a matplotlib Figure or Axes, got {got}",
    ),
    "charts.formats": (
        "{given}; erwartet: eines oder mehrere von {known}",
        "{given}; expected some of {known}",
    ),
    "charts.no_formats": ("keine angegeben", "none given"),
    "charts.stem": (
        "{stem!r}; erwartet: einen Dateipfad ohne Endung",
        "{stem!r}; expected a file path without suffix",
    ),
    "charts.unknown_members": (
        "Mitglied(er) {unknown} gehören nicht zu den Körperschaften; erwartet: Kennungen aus "
        "bodies.csv",
        "member(s) {unknown} not among the bodies; expected ids of bodies.csv",
    ),
    "charts.no_coordinates": (
        "keine Koordinaten (lon, lat in Grad) für {missing}",
        "no coordinates (lon, lat in degrees) for {missing}",
    ),
    "charts.dataset_no_coordinates": (
        "der Datensatz hat keine Koordinaten für {missing}; bodies.csv braucht die Spalten "
        "lat und lon (in Grad)",
        "the dataset has no coordinates for {missing}; bodies.csv needs the columns lat and "
        "lon (degrees)",
    ),
    "charts.top": (
        "erwartet: mindestens 1 Kooperationsoption je Handlungsfeld, erhalten: {top}",
        "expected at least 1 option per field, got {top}",
    ),
    "charts.no_options": (
        "keine Kooperationsoptionen zum Darstellen (nur Einzellösungen?); erwartet: "
        "mindestens eine Kooperationsoption",
        "no cooperation options to show (only stand-alone?); expected at least one "
        "cooperation option",
    ),
    "charts.n_options": (
        "erwartet: mindestens 1 Kooperationsoption, erhalten: {n}",
        "expected at least 1 option, got {n}",
    ),
    "charts.at_least": (
        "erwartet: mindestens {least}, erhalten: {value}",
        "expected at least {least}, got {value}",
    ),
    "charts.rank_twice": (
        "eine Kooperationsoption steht für eine Körperschaft zweimal im selben Szenario; "
        "erwartet: eine Zeile je Körperschaft, Option und Szenario",
        "an option appears twice in one scenario for one body; expected one row per body, "
        "option and scenario",
    ),
    "charts.sharing_empty": (
        "keine Mitglieder oder keine Schlüssel zum Darstellen; erwartet: mindestens eine "
        "Zeile und eine Spalte",
        "no members or no keys to show; expected at least one row and one column",
    ),
    "charts.no_criteria": (
        "keine Kriterien zum Darstellen; erwartet: mindestens eine Zeile",
        "no criteria to show; expected at least one row",
    ),
}
