"""Messages of the workspace (:mod:`potential.workspace`), of names typed for ids
(:mod:`potential.names`) and of dates (:mod:`potential.dates`)."""

MESSAGES = {
    # dates
    "dates.bad": (
        "{value!r} ist kein Datum; erwartet: TT.MM.JJJJ (z. B. 01.01.2027) oder JJJJ-MM-TT",
        "{value!r} is not a date; expected DD.MM.YYYY (e.g. 01.01.2027) or YYYY-MM-DD",
    ),
    "dates.ambiguous": (
        "{value!r} ist mehrdeutig (Tag und Monat vertauschbar); erwartet: TT.MM.JJJJ "
        "(z. B. 01.02.2027) oder JJJJ-MM-TT",
        "{value!r} is ambiguous (day and month could be swapped); expected DD.MM.YYYY "
        "(e.g. 01.02.2027) or YYYY-MM-DD",
    ),
    "dates.no_such_day": (
        "{value!r}: diesen Tag gibt es nicht; erwartet: ein Datum als TT.MM.JJJJ oder JJJJ-MM-TT",
        "{value!r}: no such day; expected a date as DD.MM.YYYY or YYYY-MM-DD",
    ),
    # names
    "names.kind.body": ("Körperschaft", "body"),
    "names.kind.field": ("Handlungsfeld", "field"),
    "names.kind.legal_form": ("Rechtsform", "legal form"),
    "names.kind.option": ("Kooperationsoption", "cooperation option"),
    "names.unknown": (
        "{kind} {value!r} unbekannt; erwartet: eine von {valid}",
        "unknown {kind} {value!r}; expected one of {valid}",
    ),
    "names.ambiguous": (
        "{kind} {value!r} ist nicht eindeutig: passt zu {matches}; bitte genauer angeben",
        "{kind} {value!r} is ambiguous: it matches {matches}; please be more specific",
    ),
    # workspace
    "workspace.exists": (
        "gibt es schon; ein Arbeitsordner überschreibt nie eine Datei (Ihre Änderungen "
        "bleiben erhalten). Nichts geschrieben; erwartet: ein Ordner ohne {names}",
        "exist(s) already; a workspace never overwrites a file (your edits are kept). Nothing "
        "written; expected a folder without {names}",
    ),
    "workspace.not_a_folder": (
        "ist eine Datei; erwartet: ein Ordner (oder ein neuer Name)",
        "is a file; expected a folder (or a new name)",
    ),
    "workspace.kind.criteria": ("Kriterienmodell", "Criteria model"),
    "workspace.kind.scenario": ("Szenario", "Scenario"),
    "workspace.kind.data": ("Datensatz", "Dataset"),
    "workspace.used": (
        "{kind}: {path} (sha256 {digest}…)",
        "{kind}: {path} (sha256 {digest}…)",
    ),
    "workspace.used_shipped": (
        "{kind}: {path} (sha256 {digest}…, mitgelieferte Fassung)",
        "{kind}: {path} (sha256 {digest}…, shipped copy)",
    ),
    "workspace.written": ("Arbeitsordner angelegt: {path}", "workspace created: {path}"),
    "workspace.next": (
        "Weiter: cd {path} und dann z. B. potential analyse; Hinweise in LIESMICH.md",
        "Next: cd {path}, then e.g. potential analyse; see LIESMICH.md",
    ),
}
