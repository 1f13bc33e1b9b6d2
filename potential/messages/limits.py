"""Messages of the limits on input files (:mod:`potential.input_limits`)."""

MESSAGES = {
    "limits.file_too_large": (
        "Datei zu groß ({size}); erwartet: höchstens {limit}",
        "file too large ({size}); expected at most {limit}",
    ),
    "limits.yaml_depth": (
        "YAML mehr als {limit} Ebenen tief verschachtelt; erwartet: eine flache Datei wie die "
        "mitgelieferten",
        "YAML nested more than {limit} levels deep; expected a flat file like the shipped ones",
    ),
    "limits.yaml_nodes": (
        "YAML ergibt mit seinen Verweisen (&/*) mehr als {limit} Einträge; erwartet: eine "
        "Datei ohne vervielfachende Verweise",
        "YAML expands with its aliases (&/*) to more than {limit} nodes; expected a file "
        "without multiplying aliases",
    ),
    "limits.csv_control": (
        "Steuerzeichen {char} in Spalte '{column}'; erwartet: Text ohne Steuerzeichen (die "
        "Datei ist vielleicht beschädigt oder kein CSV)",
        "control character {char} in column '{column}'; expected text without control "
        "characters (the file may be damaged or not a CSV)",
    ),
    "limits.yaml_control": (
        "Steuerzeichen {char}; erwartet: Text ohne Steuerzeichen (die Datei ist vielleicht "
        "beschädigt oder kein YAML)",
        "control character {char}; expected text without control characters (the file may "
        "be damaged or not YAML)",
    ),
    "limits.csv_header_control": (
        "Steuerzeichen {char} in der Kopfzeile; erwartet: Spaltennamen ohne Steuerzeichen",
        "control character {char} in the header row; expected column names without control "
        "characters",
    ),
    "limits.csv_cell": (
        "Zelle in Spalte '{column}' hat {length} Zeichen; erwartet: höchstens {limit}",
        "cell in column '{column}' has {length} characters; expected at most {limit}",
    ),
}
