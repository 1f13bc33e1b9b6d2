"""Messages of the limits on answer files (:mod:`potential.survey.limits`)."""

MESSAGES = {
    "survey.limits.file_size": (
        "Datei zu groß ({found}); erwartet: eine ausgefüllte Vorlage von höchstens {limit}",
        "file too large ({found}); expected a filled template of at most {limit}",
    ),
    "survey.limits.damaged": (
        "beschädigtes ZIP-Archiv ({error}); erwartet: eine .xlsx-Datei, die Excel öffnen kann",
        "damaged zip archive ({error}); expected an .xlsx file Excel can open",
    ),
    "survey.limits.members": (
        "die Arbeitsmappe besteht aus {found} Teilen; erwartet: höchstens {limit}",
        "the workbook consists of {found} parts; expected at most {limit}",
    ),
    "survey.limits.unpacked": (
        "die Arbeitsmappe ist entpackt {found} groß; erwartet: höchstens {limit} (die Datei "
        "ist vielleicht eine ZIP-Bombe)",
        "the workbook unpacks to {found}; expected at most {limit} (the file may be a zip bomb)",
    ),
    "survey.limits.ratio": (
        "der Teil {member} ist {found}-fach gepackt; erwartet: höchstens {limit}-fach (die "
        "Datei ist vielleicht eine ZIP-Bombe)",
        "the part {member} is packed {found} : 1; expected at most {limit} : 1 (the file may "
        "be a zip bomb)",
    ),
    "survey.limits.doctype": (
        "der Teil {member} enthält eine DOCTYPE- oder ENTITY-Angabe; erwartet: eine "
        "Arbeitsmappe, wie Excel sie speichert",
        "the part {member} holds a DOCTYPE or ENTITY declaration; expected a workbook as "
        "Excel saves it",
    ),
    "survey.limits.sheets": (
        "die Arbeitsmappe hat {found} Blätter; erwartet: höchstens {limit}",
        "the workbook has {found} sheets; expected at most {limit}",
    ),
    "survey.limits.shared_strings": (
        "die Arbeitsmappe hat mindestens {found} verschiedene Texte; erwartet: höchstens {limit}",
        "the workbook has at least {found} distinct texts; expected at most {limit}",
    ),
    "survey.limits.rows": (
        "Blatt „{sheet}“ ist bis Zeile {found} belegt; erwartet: höchstens {limit} Zeilen "
        "(leere Zeilen am Ende bitte löschen)",
        "sheet '{sheet}' is filled down to row {found}; expected at most {limit} rows "
        "(please delete empty rows at the end)",
    ),
    "survey.limits.columns": (
        "Blatt „{sheet}“ ist bis Spalte {found} belegt; erwartet: höchstens {limit} Spalten "
        "(leere Spalten am Ende bitte löschen)",
        "sheet '{sheet}' is filled up to column {found}; expected at most {limit} columns "
        "(please delete empty columns at the end)",
    ),
    "survey.limits.rows_declared": (
        "Blatt „{sheet}“ gibt als Größe {found} Zeilen an; erwartet: höchstens {limit}",
        "sheet '{sheet}' declares a size of {found} rows; expected at most {limit}",
    ),
    "survey.limits.columns_declared": (
        "Blatt „{sheet}“ gibt als Größe {found} Spalten an; erwartet: höchstens {limit}",
        "sheet '{sheet}' declares a size of {found} columns; expected at most {limit}",
    ),
    "survey.limits.cell_text": (
        "Text mit {found} Zeichen; erwartet: höchstens {limit} Zeichen",
        "text of {found} characters; expected at most {limit} characters",
    ),
}
