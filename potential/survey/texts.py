"""The fixed texts of the questionnaire, in German and English: titles, hints, error
messages of the data validations, and the instructions sheet."""

#: Fixed texts: key → (German, English).
_T = {
    "title": (
        "Fragebogen interkommunale Zusammenarbeit (IKZ) – E-Government-Potenzialanalyse",
        "Questionnaire on inter-municipal cooperation (IKZ) – eGovernment potential analysis",
    ),
    "version": ("Vorlagenversion", "Template version"),
    "dataset": ("Datensatz", "Dataset"),
    "bodies": ("Körperschaft", "Body"),
    "all_bodies": (
        "alle Körperschaften (ein Block je Körperschaft)",
        "all bodies (one block per body)",
    ),
    "reference_date": ("Stichtag der Analyse", "Reference date of the analysis"),
    "return_default": (
        "an die Geschäftsstelle der Arbeitsgruppe E-Government / IKZ beim {county}",
        "to the office of the eGovernment / IKZ working group at {county}",
    ),
    "master_hint": (
        "Bitte Ansprechperson und Datum der Angaben eintragen (Datum: TT.MM.JJJJ).",
        "Please enter the contact person and the date of the answers (date: DD.MM.YYYY).",
    ),
    "fields_hint": (
        "Gelb: bitte prüfen und überschreiben. Zahlen am besten ohne Tausenderpunkt (z. B. "
        "50000 oder 2,5); „ca.“, „€“, „%“ und „k. A.“ werden erkannt und beim Einlesen "
        "gemeldet. Herkunft auf „eigene Angabe“ setzen, wenn der Wert von Ihnen stammt.",
        "Yellow: please check and overwrite. Numbers best without thousands separator (e.g. "
        "50000 or 2.5); 'ca.', '€', '%' and 'k. A.' are recognised and reported on import. "
        "Set the origin to 'own figure' where the value is yours.",
    ),
    "duties_hint": (
        "Erfüllungsstand aus der Liste wählen: nicht erfüllt (0 %), teilweise (33 %), "
        "weitgehend (67 %), vollständig (100 %). Leer lassen, wenn unbekannt.",
        "Choose the fulfilment from the list: not met (0 %), partly (33 %), largely (67 %), "
        "fully (100 %). Leave blank if unknown.",
    ),
    "coops_hint": (
        "Bestehende Kooperationen prüfen; neue in die freien Zeilen. Partner mit „x“ "
        "markieren; Ihre Körperschaft gehört bei neuen Zeilen immer dazu.",
        "Check the existing cooperations; add new ones in the empty rows. Mark partners "
        "with 'x'; your body always takes part in a new row.",
    ),
    "weights_hint": (
        "Wie wichtig ist Ihnen jede Kriteriengruppe? 0–100 Punkte je Gruppe; die Punkte "
        "werden ins Verhältnis gesetzt. Alle Gruppen oder keine ausfüllen.",
        "How important is each criteria group to you? 0–100 points per group; the points "
        "are taken relative to each other. Fill in all groups or none.",
    ),
    "known_none": (
        "unbekannt – gezählt als {share} (Standard)",
        "unknown – counted as {share} (default)",
    ),
    "known_from": ("bekannt aus: {source}", "known from: {source}"),
    "outside_partners": (
        "; weitere Partner außerhalb des Kreises: {partners}",
        "; further partners outside the county: {partners}",
    ),
    "number_error": (
        "Bitte eine Zahl ≥ 0 eingeben, ohne Text oder Einheit.",
        "Please enter a number ≥ 0, without text or unit.",
    ),
    "percent_error": (
        "Bitte einen Anteil von 0 bis 100 (%) eingeben.",
        "Please enter a share from 0 to 100 (%).",
    ),
    "whole_error": (
        "Bitte eine ganze Zahl ≥ 0 eingeben.",
        "Please enter a whole number ≥ 0.",
    ),
    "date_error": (
        "Bitte ein Datum eingeben (TT.MM.JJJJ).",
        "Please enter a date (DD.MM.YYYY).",
    ),
    "list_error": (
        "Bitte einen Eintrag aus der Liste wählen.",
        "Please choose an entry from the list.",
    ),
    "points_error": (
        "Bitte Punkte von 0 bis 100 eingeben.",
        "Please enter points from 0 to 100.",
    ),
    "error_title": ("Ungültige Eingabe", "Invalid entry"),
}

#: The instructions, one paragraph per row; ``{return_to}`` and ``{version}`` are filled in.
_INSTRUCTIONS = {
    "de": [
        ("Worum es geht", True),
        (
            "Der Kreis und seine Städte und Gemeinden haben eine schriftliche Abfrage "
            "vereinbart. Ihre Angaben ersetzen in der Potenzialanalyse die Schätzungen, mit "
            "denen bisher gerechnet wird.",
            False,
        ),
        ("Was auszufüllen ist", True),
        (
            "Stammdaten: Ansprechperson für Rückfragen, Kontakt und das Datum der Angaben "
            "(Pflicht, TT.MM.JJJJ). Name und Kontakt werden nicht in den Datensatz übernommen.",
            False,
        ),
        (
            "Handlungsfelder: je Feld die jährlichen Kosten in Euro pro Jahr, das Personal in "
            "Vollzeitäquivalenten (VZÄ, z. B. 2,5), den Anteil des Personals, der in den "
            "nächsten 10 Jahren ausscheidet, in Prozent (0 bis 100), die Fallzahl pro Jahr "
            "und den derzeitigen Anbieter oder Dienstleister.",
            False,
        ),
        (
            "Pflichten: je gesetzlicher Pflicht der Erfüllungsstand aus der Liste: nicht "
            "erfüllt (0 %), teilweise (33 %), weitgehend (67 %), vollständig (100 %).",
            False,
        ),
        (
            "Kooperationen: die bekannten Kooperationen prüfen und berichtigen; neue "
            "Kooperationen in die freien Zeilen eintragen (Bezeichnung, Handlungsfeld, "
            "Rechtsform, Umfang, Partner mit „x“, Federführung, seit).",
            False,
        ),
        (
            "Gewichtung: wie wichtig Ihnen jede Kriteriengruppe ist, mit 0 bis 100 Punkten. "
            "Die Punkte müssen nicht 100 ergeben. Alle Gruppen oder keine ausfüllen.",
            False,
        ),
        ("Vorbelegte Werte", True),
        (
            "„Schätzung (pro Kopf)“: aus der Einwohnerzahl geschätzt. „Schätzung "
            "(Durchschnitt)“: ein Durchschnittswert für alle Kommunen. „gemeldet“: bereits "
            "bekannt (z. B. aus einer früheren Abfrage).",
            False,
        ),
        (
            "Bitte überschreiben Sie jeden Wert, den Sie kennen, und setzen Sie die Herkunft "
            "auf „eigene Angabe“. Stimmt eine Schätzung, setzen Sie nur die Herkunft auf "
            "„eigene Angabe“. Ein geänderter Wert gilt auch dann als Ihre Angabe, wenn die "
            "Herkunft nicht umgestellt wurde. Unveränderte Schätzungen werden nicht als Ihre "
            "Angabe übernommen. Unbekanntes bitte leer lassen.",
            False,
        ),
        ("Formate", True),
        (
            "Zahlen als Zahlen eingeben: keine Einheiten, kein „ca.“, Dezimalkomma wie gewohnt. "
            "Datum als TT.MM.JJJJ. Gelbe Zellen sind Eingabefelder, graue sind geschützt. "
            "Bitte keine Blätter kopieren, umbenennen oder löschen und die Datei als .xlsx "
            "speichern (nicht als PDF oder CSV).",
            False,
        ),
        ("Rückgabe", True),
        ("Bitte die ausgefüllte Datei {return_to} zurücksenden.", False),
        ("Vorlage {version}; bitte nicht ändern (die Einlesung prüft die Version).", False),
    ],
    "en": [
        ("What this is about", True),
        (
            "The county and its towns agreed on a written survey. Your answers replace the "
            "estimates the potential analysis has used so far.",
            False,
        ),
        ("What to fill in", True),
        (
            "Master data: a contact person for questions, contact details and the date of "
            "the answers (required, DD.MM.YYYY). Name and contact are not copied into the "
            "dataset.",
            False,
        ),
        (
            "Fields: per field the annual cost in euros per year, the staff in full-time "
            "equivalents (FTE, e.g. 2.5), the share of the staff leaving within the next 10 "
            "years in per cent (0 to 100), the cases per year and the current provider.",
            False,
        ),
        (
            "Duties: per statutory duty the fulfilment from the list: not met (0 %), partly "
            "(33 %), largely (67 %), fully (100 %).",
            False,
        ),
        (
            "Cooperations: check and correct the known cooperations; add new ones in the empty "
            "rows (name, field, legal form, scope, partners marked 'x', lead body, since).",
            False,
        ),
        (
            "Weights: how important each criteria group is to you, 0 to 100 points. The "
            "points need not add up to 100. Fill in all groups or none.",
            False,
        ),
        ("Pre-filled values", True),
        (
            "'estimate (per capita)': estimated from the population. 'estimate (average)': an "
            "average for all municipalities. 'reported': already known (e.g. from an earlier "
            "survey).",
            False,
        ),
        (
            "Please overwrite every value you know and set its origin to 'own figure'. If an "
            "estimate is right, only set its origin to 'own figure'. A changed value counts "
            "as yours even if the origin was not changed. Unchanged estimates are not taken "
            "as your answer. Leave unknown values blank.",
            False,
        ),
        ("Formats", True),
        (
            "Enter numbers as numbers: no units, no 'approx.'. Dates as DD.MM.YYYY. Yellow "
            "cells are for input, grey cells are protected. Please do not copy, rename or "
            "delete sheets, and save the file as .xlsx (not as PDF or CSV).",
            False,
        ),
        ("Return", True),
        ("Please send the completed file back {return_to}.", False),
        ("Template {version}; please do not change it (the import checks the version).", False),
    ],
}
