"""Messages of reading and writing files (:mod:`potential.files`)."""

MESSAGES = {
    # --- where: the location part of a message ---------------------------------------------
    "files.where_line_column": (
        "{path}, Zeile {line}, Spalte {column}",
        "{path}, line {line}, column {column}",
    ),
    # --- reading ---------------------------------------------------------------------------
    "files.cannot_read": ("kann nicht gelesen werden: {reason}", "cannot be read: {reason}"),
    "files.cannot_write": (
        "kann nicht geschrieben werden: {reason}; es wurde nichts geändert",
        "cannot be written: {reason}; nothing was changed",
    ),
    "files.parent_is_file": (
        "ist eine Datei, kein Ordner; der Ausgabeordner {folder} kann darin nicht angelegt "
        "werden; erwartet: ein Ordner (oder ein neuer Name)",
        "is a file, not a folder; the output folder {folder} cannot be made in it; expected "
        "a folder (or a new name)",
    ),
    "files.os_failed": (
        "Lesen oder Schreiben fehlgeschlagen: {reason}",
        "reading or writing failed: {reason}",
    ),
    "files.os.no_space": (
        "kein Speicherplatz mehr auf dem Datenträger",
        "no space left on the device",
    ),
    "files.os.no_permission": ("keine Berechtigung", "permission denied"),
    "files.os.read_only": ("der Datenträger ist schreibgeschützt", "the device is read-only"),
    "files.os.not_a_folder": (
        "ein Teil des Pfades ist eine Datei, kein Ordner",
        "a part of the path is a file, not a folder",
    ),
    "files.os.exists": ("existiert bereits", "exists already"),
    "files.os.is_folder": ("ist ein Ordner", "is a folder"),
    "files.os.name_too_long": ("der Name ist zu lang", "the name is too long"),
    "files.os.missing": ("Datei oder Ordner fehlt", "file or folder missing"),
    "files.os.other": (
        "Fehler des Betriebssystems ({problem})",
        "operating system error ({problem})",
    ),
    "files.not_found": ("Datei nicht gefunden", "file not found"),
    "files.is_folder": ("ist ein Ordner; erwartet: eine Datei", "is a folder; expected a file"),
    "files.not_utf8": (
        "kein UTF-8-Text (Byte {byte}); erwartet: eine als UTF-8 gespeicherte Datei (in Excel: "
        "»Speichern unter« → »CSV UTF-8«)",
        "not UTF-8 text (byte {byte}); expected a file saved as UTF-8 (in Excel: 'Save As' → "
        "'CSV UTF-8')",
    ),
    "files.csv_empty": (
        "leere Datei; erwartet: eine Kopfzeile mit den Spaltennamen",
        "empty file; expected a header row",
    ),
    "files.csv_malformed": ("fehlerhaftes CSV ({problem})", "malformed CSV ({problem})"),
    "files.csv_missing_columns": (
        "Spalte(n) {missing} fehlen; die Kopfzeile hat {header}",
        "missing column(s) {missing}; the header has {header}",
    ),
    "files.csv_duplicate_columns": (
        "Spalte(n) {columns} kommen doppelt vor; erwartet: jeder Spaltenname einmal",
        "column(s) {columns} appear twice; expected each column name once",
    ),
    "files.csv_field_count": (
        "{fields} Felder, die Kopfzeile hat aber {header} (ein {separator} in einem Wert "
        "braucht doppelte Anführungszeichen)",
        "{fields} fields, but the header has {header} (a {separator} inside a value needs "
        "double quotes)",
    ),
    "files.semicolon": ("Semikolon", "semicolon"),
    "files.comma": ("Komma", "comma"),
    "files.yaml_malformed": ("fehlerhaftes YAML ({problem})", "malformed YAML ({problem})"),
    "files.yaml_empty": (
        "leere Datei; erwartet: eine YAML-Zuordnung (Schlüssel: Wert)",
        "empty file; expected a YAML mapping",
    ),
    # --- writing ---------------------------------------------------------------------------
    "files.out_not_folder": (
        "existiert und ist kein Ordner; erwartet: ein Ausgabeordner",
        "exists and is not a folder; expected an output folder",
    ),
    "files.is_input": (
        "ist eine Eingabedatei; erwartet: ein anderer Ausgabeordner",
        "is an input file; expected another output folder",
    ),
    "files.target_not_file": (
        "existiert und ist keine Datei; erwartet: eine Datei, die überschrieben werden darf",
        "exists and is not a file; expected a file that may be overwritten",
    ),
    "files.foreign_provenance": (
        "stammt nicht von potential und bleibt unberührt; erwartet: ein Ausgabeordner von "
        "potential oder ein Ordner ohne provenance.json. Bitte einen anderen Ausgabeordner "
        "wählen (--out)",
        "was not written by potential and is left alone; expected an output folder of "
        "potential or a folder without provenance.json. Please choose another output folder "
        "(--out)",
    ),
    "files.other_command": (
        "enthält die Ergebnisse von »potential {other}«; erwartet: ein eigener Ordner für "
        "»potential {command}«, z. B. die Vorgabe {folder} (--out weglassen) oder ein neuer "
        "Ordner. Ergebnisse zweier Befehle in einem Ordner würden sich widersprechen",
        "holds the results of 'potential {other}'; expected a folder of its own for "
        "'potential {command}', e.g. the default {folder} (leave out --out) or a new folder. "
        "The results of two commands in one folder would contradict each other",
    ),
    "files.not_written_by_tool": (
        "liegt schon im Ausgabeordner, stammt aber nicht von potential (nicht in dessen "
        "provenance.json) und bleibt unberührt; erwartet: ein Ordner ohne eigene Datei dieses "
        "Namens. Bitte die Datei umbenennen oder einen anderen Ausgabeordner wählen (--out)",
        "is already in the output folder but was not written by potential (not in its "
        "provenance.json) and is left alone; expected a folder without a file of your own by "
        "this name. Please rename the file or choose another output folder (--out)",
    ),
    "files.changed_by_user": (
        "wurde nach dem Lauf von potential verändert und bleibt unberührt; erwartet: die "
        "Datei so, wie potential sie geschrieben hat. Bitte Ihre Fassung umbenennen (oder "
        "löschen) oder einen anderen Ausgabeordner wählen (--out)",
        "was changed after potential wrote it and is left alone; expected the file as "
        "potential wrote it. Please rename (or delete) your version or choose another output "
        "folder (--out)",
    ),
}
