"""Messages of the questionnaire (:mod:`potential.survey`): errors of the commands and the
problems and notes found in an answer file (German and English, both kept in each
:class:`~potential.survey.problems.Problem`)."""

MESSAGES = {
    # -- template, merge, history (InputError) ---------------------------------------------
    "survey.unknown_body": (
        "unbekannte Körperschaft {body!r}; erwartet: eine von {known}",
        "unknown body {body!r}; expected one of {known}",
    ),
    "survey.unknown_lang": (
        "unbekannte Sprache {language!r}; erwartet: de oder en",
        "unknown language {language!r}; expected one of de, en",
    ),
    "survey.not_xlsx": (
        "erwartet: ein Dateiname mit der Endung .xlsx",
        "expected a file name ending in .xlsx",
    ),
    "survey.no_history": (
        "hat keinen Verlauf (.history); nichts wiederherzustellen",
        "has no history (.history); nothing to restore",
    ),
    "survey.no_history_entry": (
        "kein Verlaufseintrag {entry}; erwartet: einer von {names}",
        "no history entry {entry}; expected one of {names}",
    ),
    "survey.no_workbooks": (
        "enthält keine Antwort-Arbeitsmappe (*.xlsx); erwartet: ein Ordner mit den "
        "zurückgesandten Arbeitsmappen",
        "holds no answer workbook (*.xlsx); expected a folder with the returned workbooks",
    ),
    "survey.unreadable_more": (
        " (ebenso {count} weitere Datei(en) nicht lesbar; nichts übernommen)",
        " (and {count} more file(s) unreadable; nothing merged)",
    ),
    "survey.no_match": (
        "passt auf keine Datei; erwartet: die zurückgesandten Arbeitsmappen",
        "matches no file; expected the returned workbooks",
    ),
    "survey.not_a_folder": (
        "existiert und ist kein Ordner; erwartet: ein Datensatz-Ordner",
        "exists and is not a folder; expected a dataset folder",
    ),
    "survey.embedded": (
        "ist ein mitgelieferter Datensatz des Pakets; bitte in einen eigenen Ordner "
        "zusammenführen (er wird aus einer Kopie angelegt, wenn es ihn nicht gibt)",
        "is an embedded dataset of the package; merge into a folder of your own (it is made "
        "from a copy if it does not exist)",
    ),
    "survey.would_not_load": (
        "die zusammengeführten Daten ließen sich nicht laden ({problem}, in {file}); es "
        "wurde nichts geschrieben",
        "the merged data would not load ({problem}, in {file}); nothing was written",
    ),
}

# -- reading a number cell (potential.survey.numbers) ------------------------------------
MESSAGES.update(
    {
        "survey.number.english_notation": ("englische Schreibweise", "English notation"),
        "survey.number.comma_thousands": (
            "Komma als Tausendertrennzeichen",
            "comma as thousands separator",
        ),
        "survey.number.dot_thousands": (
            "Punkt als Tausendertrennzeichen",
            "dot as thousands separator",
        ),
        "survey.number.dot_decimal": ("Punkt als Dezimalzeichen", "dot as decimal separator"),
        "survey.number.no_answer": ("als „keine Angabe“ gelesen", "read as 'no answer'"),
        "survey.number.estimate": ("Schätzwert", "an estimate"),
        "survey.number.unit": (
            "eine Zahl ohne die Einheit „{unit}“",
            "a number without the unit '{unit}'",
        ),
        "survey.number.number": ("eine Zahl", "a number"),
        "survey.number.ambiguous": (
            "eine eindeutige Zahl: bei einem Komma vor genau drei Ziffern ist unklar, ob es das "
            "Dezimalzeichen (deutsch) oder das Tausendertrennzeichen (englisch) ist; bitte ohne "
            "Tausendertrennzeichen schreiben (z. B. 45000 oder 45,5)",
            "an unambiguous number: a comma before exactly three digits may be the decimal "
            "separator (German) or a thousands separator (English); please write it without "
            "thousands separator (e.g. 45000 or 45.5)",
        ),
        "survey.number.share": (
            "als Anteil, nicht als Prozentzahl; bitte prüfen",
            "as a share, not as a percentage; please check",
        ),
        # {value} is written as it is to be typed in each language (4,5 or 4.5)
        "survey.number.read_as": (
            "gelesen als {value}{unit} ({notes})",
            "read as {value}{unit} ({notes})",
        ),
    }
)

# -- problems of a whole answer file (potential.survey.reading_file) ----------------------
MESSAGES.update(
    {
        "survey.file.not_found": (
            "Datei nicht gefunden; erwartet: eine ausgefüllte Vorlage (.xlsx)",
            "file not found; expected a filled template (.xlsx)",
        ),
        "survey.file.is_folder": (
            "ist ein Ordner; erwartet: eine Datei (.xlsx)",
            "is a folder; expected a file (.xlsx)",
        ),
        "survey.file.empty": (
            "leere Datei (0 Byte); erwartet: eine ausgefüllte Vorlage (.xlsx)",
            "empty file (0 bytes); expected a filled template (.xlsx)",
        ),
        "survey.file.not_excel": (
            "keine Excel-Arbeitsmappe, sondern {what}; erwartet: die ausgefüllte Vorlage, in "
            "Excel als .xlsx gespeichert",
            "not an Excel workbook but {what}; expected the filled template, saved from Excel "
            "as .xlsx",
        ),
        "survey.file.kind.pdf": ("eine PDF-Datei", "a PDF file"),
        "survey.file.kind.xls": (
            "eine alte Excel-Datei (.xls) oder eine verschlüsselte Arbeitsmappe",
            "an old Excel file (.xls) or an encrypted workbook",
        ),
        "survey.file.kind.ods": ("eine OpenDocument-Datei (.ods)", "an OpenDocument file (.ods)"),
        "survey.file.kind.zip": ("ein anderes ZIP-Archiv", "another zip archive"),
        "survey.file.kind.text": ("eine Textdatei (z. B. CSV)", "a text file (e.g. CSV)"),
        "survey.file.kind.unknown": ("eine Datei unbekannten Formats", "a file of unknown format"),
        "survey.file.damaged": (
            "beschädigte Arbeitsmappe ({error}); erwartet: eine .xlsx-Datei, die Excel öffnen "
            "kann",
            "damaged workbook ({error}); expected an .xlsx file Excel can open",
        ),
        "survey.file.other_version": (
            "Vorlagenversion {version}; diese Datei stammt aus einer anderen Vorlage – bitte die "
            "Angaben in eine neue Vorlage übertragen",
            "template version {version}; this file comes from another template – please copy "
            "the answers into a new template",
        ),
        "survey.file.no_version": (
            "die Vorlagenversion {version}; die Datei ist keine Vorlage von 'potential survey "
            "template'",
            "the template version {version}; the file is no template of 'potential survey "
            "template'",
        ),
        "survey.file.other_dataset": (
            "die Vorlage wurde für den Datensatz {made!r} erstellt, gelesen wird gegen {read!r}",
            "the template was made for dataset {made!r}, it is read against {read!r}",
        ),
        "survey.file.duplicate_sheet": (
            "doppeltes Blatt (Kopie von „{base}“, {filled} ausgefüllte Zellen); gelesen wird "
            "nur „{base}“ – bitte die Angaben dort zusammenführen und die Kopie löschen",
            "duplicated sheet (copy of '{base}', {filled} filled cells); only '{base}' is read "
            "– please merge the answers there and delete the copy",
        ),
        "survey.file.unknown_sheet": (
            "unbekanntes Blatt mit {filled} ausgefüllten Zellen wird nicht gelesen",
            "unknown sheet with {filled} filled cells is not read",
        ),
        "survey.file.sheet_missing": (
            "das Blatt fehlt; bitte die Vorlage unverändert verwenden",
            "the sheet is missing; please use the template as it is",
        ),
        "survey.file.no_prefill": (
            "das versteckte Blatt mit den vorbelegten Werten fehlt (Blätter in eine neue Datei "
            "kopiert?); als Schätzung gilt, was der Datensatz heute schätzt",
            "the hidden sheet with the pre-filled values is missing (sheets copied into a new "
            "file?); the dataset's current estimates count as the pre-filled values",
        ),
    }
)

# -- problems of single cells (potential.survey.reading_cells) ----------------------------
MESSAGES.update(
    {
        "survey.expect.eur": (
            "eine Zahl ≥ 0 in EUR/Jahr (z. B. 50000 oder 50.000 €)",
            "a number ≥ 0 in EUR/year (e.g. 50000 or 50.000 €)",
        ),
        "survey.expect.fte": (
            "eine Zahl ≥ 0 in VZÄ (z. B. 2,5)",
            "a number ≥ 0 in FTE (e.g. 2.5)",
        ),
        "survey.expect.percent": (
            "einen Anteil von 0 bis 100 % (z. B. 30 oder 30 %)",
            "a share from 0 to 100 % (e.g. 30 or 30 %)",
        ),
        "survey.expect.whole": ("eine ganze Zahl ≥ 0", "a whole number ≥ 0"),
        "survey.expect.points": ("Punkte von 0 bis 100", "points from 0 to 100"),
        "survey.cell.formula": (
            "einen Wert statt einer Formel ohne gespeichertes Ergebnis",
            "a value instead of a formula without a saved result",
        ),
        "survey.cell.reason": ("{why}; {expected}", "{why}; {expected}"),
        "survey.cell.share": (
            "gelesen als {value} % (als Anteil, nicht als Prozentzahl; bitte prüfen)",
            "read as {value} % (as a share, not as a percentage; please check)",
        ),
        "survey.cell.date": (
            "ein Datum (TT.MM.JJJJ) zwischen 1950 und 2100",
            "a date (DD.MM.YYYY) between 1950 and 2100",
        ),
        "survey.cell.columns": (
            "die Spalte(n) {columns} in Zeile {row}; das Blatt wird nicht gelesen – bitte die "
            "Vorlage unverändert verwenden",
            "the column(s) {columns} in row {row}; the sheet is not read – please use the "
            "template as it is",
        ),
        "survey.cell.outside": (
            "Inhalt außerhalb der Tabelle wird nicht gelesen; bitte in die Spalte „Bemerkung“ "
            "schreiben",
            "content outside the table is not read; please use the remark column",
        ),
        "survey.cell.body": ("eine Körperschaft (ID)", "a body (id)"),
        "survey.cell.known_body": (
            "eine bekannte Körperschaft (ID): {known}",
            "a known body (id): {known}",
        ),
        "survey.cell.workbook_body": (
            "eine Körperschaft aus den Stammdaten dieser Datei: {known}",
            "a body from this file's master data: {known}",
        ),
    }
)

# -- the sheet Handlungsfelder (potential.survey.reading_fields) -------------------------
MESSAGES.update(
    {
        "survey.fields.unknown": (
            "ein bekanntes Handlungsfeld (ID): {known}; die Zeile wird nicht übernommen",
            "a known field (id): {known}; the row is not taken over",
        ),
        "survey.fields.twice": (
            "jedes Handlungsfeld einmal je Körperschaft (schon in Zeile {row}); die Zeile wird "
            "nicht übernommen",
            "each field once per body (already in row {row}); the row is not taken over",
        ),
        "survey.fields.origin": (
            "eine Herkunft aus der Liste: {choices}",
            "an origin from the list: {choices}",
        ),
        "survey.fields.own_empty": (
            "{expected} – die Herkunft sagt „eigene Angabe“",
            "{expected} – the origin says 'own figure'",
        ),
        "survey.fields.changed": (
            "Wert geändert, Herkunft nicht auf „eigene Angabe“ gesetzt – als eigene Angabe "
            "gewertet",
            "value changed but origin not set to 'own figure' – counted as an own figure",
        ),
        "survey.fields.percent": (
            "Anteil in Prozent: {value:g} bedeutet {value:g} % – gemeint {percent:g} %?",
            "share in per cent: {value:g} means {value:g} % – did you mean {percent:g} %?",
        ),
    }
)

# -- the sheets Stammdaten, Pflichten, Gewichtung ------------------------------------------
MESSAGES.update(
    {
        "survey.master.label": (
            "„{label}“ in Zeile {row}; bitte die Vorlage unverändert verwenden",
            "'{label}' in row {row}; please use the template as it is",
        ),
        "survey.master.twice": ("jede Körperschaft nur einmal", "each body only once"),
        "survey.master.none": (
            "mindestens eine bekannte Körperschaft (ID)",
            "at least one known body (id)",
        ),
        "survey.master.no_date": (
            "das Datum der Angaben (TT.MM.JJJJ); ohne Datum werden die Angaben nicht übernommen",
            "the date of the answers (DD.MM.YYYY); without it the answers are not taken over",
        ),
        "survey.duties.unknown": (
            "eine bekannte Pflicht (ID): {known}; die Zeile wird nicht übernommen",
            "a known duty (id): {known}; the row is not taken over",
        ),
        "survey.duties.twice": (
            "jede Pflicht einmal je Körperschaft (schon in Zeile {row})",
            "each duty once per body (already in row {row})",
        ),
        "survey.duties.status": (
            "einen Erfüllungsstand aus der Liste: {choices}",
            "a fulfilment from the list: {choices}",
        ),
        "survey.weights.group": (
            "eine Kriteriengruppe (ID) des Modells: {groups}",
            "a criteria group (id) of the model: {groups}",
        ),
        "survey.weights.twice": (
            "jede Kriteriengruppe einmal je Körperschaft",
            "each criteria group once per body",
        ),
        "survey.weights.missing": (
            "Punkte für jede Kriteriengruppe (alle Gruppen oder keine ausfüllen)",
            "points for every criteria group (fill in all groups or none)",
        ),
        "survey.weights.zero": (
            "mindestens eine Gruppe mit mehr als 0 Punkten",
            "at least one group with more than 0 points",
        ),
    }
)

# -- the sheet Kooperationen (potential.survey.reading_cooperations) ----------------------
MESSAGES.update(
    {
        "survey.coops.unknown": (
            "eine bekannte Kooperation (ID); für eine neue Kooperation die ID leer lassen",
            "a known cooperation (id); leave the id blank for a new cooperation",
        ),
        "survey.coops.name": ("eine Bezeichnung", "a name"),
        "survey.coops.field_empty": (
            "ein Handlungsfeld aus der Liste (oder „anderes Feld“)",
            "a field from the list (or 'other field')",
        ),
        "survey.coops.field": (
            "ein Handlungsfeld aus der Liste: {choices} oder {other}",
            "a field from the list: {choices} or {other}",
        ),
        "survey.coops.form_empty": ("eine Rechtsform aus der Liste", "a legal form from the list"),
        "survey.coops.form": (
            "eine Rechtsform aus der Liste: {choices}",
            "a legal form from the list: {choices}",
        ),
        "survey.coops.mark": (
            "„{mark}“ für einen Partner oder leer",
            "'{mark}' for a partner, or blank",
        ),
        "survey.coops.partners.one": (
            "mindestens einen Partner (mit „{mark}“ markiert)",
            "at least one partner (marked '{mark}')",
        ),
        "survey.coops.partners.two": (
            "mindestens zwei Partner (mit „{mark}“ markiert)",
            "at least two partners (marked '{mark}')",
        ),
        "survey.coops.lead": ("eine Körperschaft aus der Liste", "a body from the list"),
        "survey.coops.lead_partner": (
            "eine Federführung, die als Partner markiert ist",
            "a lead body that is marked as a partner",
        ),
        "survey.coops.scope": (
            "einen Umfang aus der Liste: {choices}",
            "a scope from the list: {choices}",
        ),
    }
)

# -- merging and its report (potential.survey.applying, .report, .problems) ---------------
MESSAGES.update(
    {
        "survey.apply.unknown.body": (
            "eine Körperschaft des Zieldatensatzes; nicht übernommen",
            "a body of the target dataset; not merged",
        ),
        "survey.apply.unknown.field": (
            "ein Handlungsfeld des Zieldatensatzes; nicht übernommen",
            "a field of the target dataset; not merged",
        ),
        "survey.apply.unknown.obligation": (
            "eine Pflicht des Zieldatensatzes; nicht übernommen",
            "an obligation of the target dataset; not merged",
        ),
        "survey.apply.unknown.legal_form": (
            "eine Rechtsform des Zieldatensatzes; nicht übernommen",
            "a legal form of the target dataset; not merged",
        ),
        "survey.problem.empty": ("(leer)", "(empty)"),
        "survey.problem.note": ("Hinweis", "note"),
        "survey.problem.error": ("Fehler", "error"),
        "survey.problem.expected": ("erwartet: {text}", "expected: {text}"),
        "survey.report.created": (
            "{into}: neu angelegt als Kopie des Datensatzes",
            "{into}: created as a copy of the dataset",
        ),
        "survey.report.skipped": (
            "{name}: nicht übernommen, die Datei hat Fehler (mit --partial werden die gültigen "
            "Zellen übernommen)",
            "{name}: not merged, the file has errors (--partial merges its valid cells)",
        ),
        "survey.report.pending": (
            "Abweichung, nicht geschrieben: {what} – mit --accept übernehmen",
            "diff, not written: {what} – use --accept to take it over",
        ),
        "survey.report.added": ("neu: {what}", "added: {what}"),
        "survey.report.changed": ("geändert: {what}", "changed: {what}"),
        "survey.report.written": (
            "geschrieben in {folder}: {files}",
            "written to {folder}: {files}",
        ),
        "survey.report.history": ("vorherige Fassung: {history}", "previous version: {history}"),
        "survey.report.no_answers": (
            "keine Antworten gefunden: die Dateien enthalten nur die Vorgaben der Vorlage; "
            "{into} wurde nicht angelegt oder geändert",
            "no answers found: the files hold only the template's defaults; {into} was not "
            "created or changed",
        ),
        "survey.report.none_merged": (
            "{into}: nichts geschrieben, die Dateien mit Fehlern oben wurden nicht übernommen",
            "{into}: nothing written, the files with errors above were not merged",
        ),
        "survey.report.unchanged": ("{into}: keine Änderung", "{into}: nothing changed"),
    }
)
