"""Texts of the command line: click's own messages in German, the help texts in English.

The help texts are written in German in the commands themselves; :data:`HELP_EN` gives each
one in English (keyed by the German text as click cleans it, :func:`inspect.cleandoc`).
:data:`CLICK_DE` gives click's built-in messages (usage, errors) in German, keyed by click's
English text; plural forms are keyed by the ``(singular, plural)`` pair.
"""

#: click's messages (gettext msgids of click 8) → German
CLICK_DE: dict = {
    "Usage:": "Aufruf:",
    "Options": "Optionen",
    "Positional arguments": "Argumente",
    "Commands": "Befehle",
    "Show this message and exit.": "Diese Hilfe anzeigen und beenden.",
    "Show the version and exit.": "Die Version anzeigen und beenden.",
    "%(prog)s, version %(version)s": "%(prog)s, Version %(version)s",
    "Error: {message}": "Fehler: {message}",
    "Try '{command} {option}' for help.": "Hilfe mit '{command} {option}'.",
    "Invalid value: {message}": "Ungültiger Wert: {message}",
    "Invalid value for {param_hint}: {message}": "Ungültiger Wert für {param_hint}: {message}",
    "Missing argument": "Fehlendes Argument",
    "Missing option": "Fehlende Option",
    "Missing parameter": "Fehlender Parameter",
    "Missing {param_type}": "Fehlend: {param_type}",
    "Missing parameter: {param_name}": "Fehlender Parameter: {param_name}",
    "No such option {name!r}.": "Unbekannte Option {name!r}.",
    "No such command {name!r}.": "Unbekannter Befehl {name!r}.",
    "Missing command.": "Befehl fehlt.",
    "Aborted!": "Abgebrochen.",
    "unknown error": "unbekannter Fehler",
    "Could not open file {filename!r}: {message}": (
        "Datei {filename!r} lässt sich nicht öffnen: {message}"
    ),
    "Option {name!r} does not take a value.": "Option {name!r} nimmt keinen Wert.",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} nimmt {nargs} Werte.",
    "Value must be an iterable.": "Der Wert muss eine Folge sein.",
    "default: {default}": "Vorgabe: {default}",
    "env var: {var}": "Umgebungsvariable: {var}",
    "required": "erforderlich",
    "(dynamic)": "(dynamisch)",
    "deprecated": "veraltet",
    "Choose from:\n\t{choices}": "Zur Wahl:\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} ist keine gültige Zahl ({number_type}).",
    "{value} is not in the range {range}.": "{value} liegt nicht im Bereich {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} ist kein Wahrheitswert. Erlaubt: {states}"
    ),
    "file": "Datei",
    "directory": "Ordner",
    "path": "Pfad",
    "{name} {filename!r} does not exist.": "{name} {filename!r} existiert nicht.",
    "{name} {filename!r} is a file.": "{name} {filename!r} ist eine Datei.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} ist ein Ordner.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} ist nicht lesbar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} ist nicht beschreibbar.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} ist nicht ausführbar.",
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} ist nicht {choice}.",
        "{value!r} ist keiner von {choices}.",
    ),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Unerwartetes weiteres Argument ({args})",
        "Unerwartete weitere Argumente ({args})",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Option {name!r} braucht einen Wert.",
        "Option {name!r} braucht {nargs} Werte.",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Meinten Sie {possibility}?",
        "(Meinten Sie eine von: {possibilities}?)",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Nimmt {nargs} Werte, gegeben war 1.",
        "Nimmt {nargs} Werte, gegeben waren {len}.",
    ),
    (
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
    ): (
        "{value!r} passt nicht zum Format {format}.",
        "{value!r} passt zu keinem der Formate {formats}.",
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): (
        "{len_type} Werte sind nötig, gegeben war {len_value}.",
        "{len_type} Werte sind nötig, gegeben waren {len_value}.",
    ),
    "{value!r} is not a valid UUID.": "{value!r} ist keine gültige UUID.",
    # deprecations, prompts, progress bars, editor, shell completion, streams
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "Hinweis: Der Befehl {name!r} ist veraltet.{extra_message}"
    ),
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": (
        "Hinweis: {param_type} {name!r} ist veraltet.{extra_message}"
    ),
    "Do you want to continue?": "Möchten Sie fortfahren?",
    "Confirm the action without prompting.": "Die Aktion ohne Rückfrage bestätigen.",
    "Press any key to continue...": "Weiter mit beliebiger Taste ...",
    "Repeat for confirmation": "Zur Bestätigung wiederholen",
    "Error: The two entered values do not match.": (
        "Fehler: Die beiden Eingaben stimmen nicht überein."
    ),
    "Error: invalid input": "Fehler: ungültige Eingabe",
    "d": "T",
    "{editor}: Editing failed": "{editor}: Bearbeiten fehlgeschlagen",
    "{editor}: Editing failed: {e}": "{editor}: Bearbeiten fehlgeschlagen: {e}",
    "Windows error: {error}": "Windows-Fehler: {error}",
    "Couldn't detect Bash version, shell completion is not supported.": (
        "Die Bash-Version ließ sich nicht feststellen; keine Vervollständigung in der Shell."
    ),
    "Shell completion is not supported for Bash versions older than 4.4.": (
        "Vervollständigung in der Shell gibt es erst ab Bash 4.4."
    ),
}

#: click's msgids that only a programmer sees (errors in defining a command, reprs): no German
CLICK_PROGRAMMER_ONLY = (
    "Could not determine name for option with declarations {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.",
    "Name '{name}' defined twice",
    "Boolean option {decl!r} cannot use the same flag for true/false.",
    "Invalid start character for option ({option})",
    "Unknown color {colour!r}",
    "Choice({choices})",
    "Unknown standard stream '{name}'",
)

#: pieces of the usage line that click writes in English (not through gettext) → German
USAGE_DE: dict[str, str] = {
    "[OPTIONS]": "[OPTIONEN]",
    "COMMAND [ARGS]...": "BEFEHL [ARGUMENTE]...",
}

#: click's type names, shown as metavar of an option without one → German
METAVAR_DE: dict[str, str] = {
    "INTEGER": "ZAHL",
    "INTEGER RANGE": "ZAHL",
    "FLOAT": "ZAHL",
    "FLOAT RANGE": "ZAHL",
    "TEXT": "TEXT",
    "PATH": "PFAD",
    "FILE": "DATEI",
    "FILENAME": "DATEI",
    "DIRECTORY": "ORDNER",
    "BOOLEAN": "JA|NEIN",
}

#: the German metavars written in the commands → English (help in English)
METAVAR_EN: dict[str, str] = {
    "DATEI": "FILE",
    "DATEI...": "FILE...",
    "DATEI.csv": "FILE.csv",
    "DATEIEN...": "FILES...",
    "DATEI|NAME": "FILE|NAME",
    "FELD": "FIELD",
    "KÖRPERSCHAFT": "BODY",
    "NAME|PFAD": "NAME|PATH",
    "ORDNER": "FOLDER",
    "[ORDNER]": "[FOLDER]",
    "PFAD...": "PATH...",
    "JAHRE": "YEARS",
    "ZINS": "RATE",
    "TT.MM.JJJJ": "DD.MM.YYYY",
    "JJJJ-MM-TT": "YYYY-MM-DD",
    "ZAHL": "NUMBER",
}

#: help texts (German, as written in the commands) → English
HELP_EN: dict[str, str] = {
    "Die Version anzeigen und beenden.": "Show the version and exit.",
    # potential init (potential/cli/workspace_commands.py)
    "Einen Arbeitsordner anlegen: Kriterienmodell, Szenarien und Datensatz zum Bearbeiten.\n\n"
    "Kopiert die mitgelieferten Kriterienmodelle nach ORDNER/criteria, die Szenarien nach "
    "ORDNER/scenarios und den eingebetteten Datensatz nach ORDNER/daten, dazu LIESMICH.md "
    "[Vorgabe: der aktuelle Ordner]. In diesem Ordner aufgerufen, nehmen die Befehle dann diese "
    "Dateien und nennen sie mit Pfad und Prüfsumme. Überschreibt nie etwas: Gibt es eine der "
    "Dateien schon, bricht der Befehl ab, ohne etwas zu schreiben (Exit-Code 2).": (
        "Create a workspace: criteria model, scenarios and dataset to edit.\n\n"
        "Copies the shipped criteria models to FOLDER/criteria, the scenarios to "
        "FOLDER/scenarios and the embedded dataset to FOLDER/daten, plus LIESMICH.md "
        "[default: the current folder]. Run from that folder, the commands then use these files "
        "and name them with path and checksum. Never overwrites anything: if one of the files "
        "exists, the command stops without writing (exit code 2)."
    ),
    # the group and the options shared by many commands (potential/cli/_common.py)
    "Potenzialanalyse interkommunaler Zusammenarbeit (IKZ) im E-Government.\n\n"
    "Ordnet die Kooperationsoptionen jeder Körperschaft (Kreis, Städte und Gemeinden) nach den "
    "eingebetteten Daten des Kreises Unna oder eigenen Daten und exportiert die Tabellen für "
    "die Bürgermeisterkonferenz.": "Potential analysis of inter-municipal cooperation (IKZ) in "
    "eGovernment.\n\nRank the cooperation options of every body (county and towns) on the "
    "embedded Kreis Unna data or your own, and export the tables for the mayors' conference.",
    "Sprache aller Texte: de (deutsch, Vorgabe) oder en (englisch); auch über die "
    "Umgebungsvariable POTENTIAL_LANG.": "Language of all texts: de (German, the default) or en "
    "(English); also via the environment variable POTENTIAL_LANG.",
    "Sprache der Ausgabe, der Tabellenköpfe und der Meldungen: de (deutsch, Vorgabe) oder en "
    "(englisch); auch über die Umgebungsvariable POTENTIAL_LANG.": "Language of the output, the "
    "table headers and the messages: de (German, the default) or en (English); also via the "
    "environment variable POTENTIAL_LANG.",
    "Sprache der Hilfe und der Meldungen: de (deutsch, Vorgabe) oder en (englisch); auch über "
    "die Umgebungsvariable POTENTIAL_LANG.": "Language of the help and the messages: de "
    "(German, the default) or en (English); also via the environment variable POTENTIAL_LANG.",
    "Datensatz: Name eines eingebetteten Datensatzes oder Ordner mit dataset.yaml [Vorgabe: "
    "kreis-unna].": "Dataset: embedded name or folder with dataset.yaml [default: kreis-unna].",
    "Kriterienmodell: Name eines mitgelieferten Modells oder YAML-Datei [Vorgabe: "
    "ikz-egov-nrw].": "Criteria model: shipped name or YAML file [default: ikz-egov-nrw].",
    "Stichtag, an dem Pflichten und Steuerregeln beurteilt werden [Vorgabe: der Stichtag des "
    "Datensatzes].": "Date at which duties and tax rules are judged [default: the dataset's].",
    "Ausgabeordner [Vorgabe: out/<Befehl>, z. B. out/analyse].": "Output folder [default: "
    "out/<command>, e.g. out/analyse].",
    "Keine Fortschrittsanzeige.": "No progress display.",
    "Startwert der Zufallsziehungen (SMAA, --risk).": "Seed of the random draws (SMAA, --risk).",
    "CSV-Dateien: 'standard' (Komma, Dezimalpunkt, für Skripte) oder 'de' (Semikolon, "
    "Dezimalkomma, UTF-8 mit BOM: öffnet so in einem deutschen Excel).": "CSV files: "
    "'standard' (comma, decimal point, for scripts) or 'de' (semicolon, decimal comma, UTF-8 "
    "with BOM: opens as such in a German Excel).",
    "Jahre des Wirtschaftlichkeitsvergleichs nach dem Start (Jahr 0) [Standard: horizon_years "
    "des Datensatzes, 10].": "Years of the Wirtschaftlichkeitsvergleich after the start (year "
    "0) [default: the dataset's horizon_years, 10].",
    "Nominaler Kalkulationszins je Jahr als Anteil, z. B. 0.009 für 0,9 % [Standard: "
    "discount_rate des Datensatzes, BMF 2023].": "Nominal discount rate per year as a share, "
    "e.g. 0.009 for 0.9 % [default: the dataset's discount_rate, BMF 2023].",
    "Anteil der vollen Einsparung im 1., 2., ... Betriebsjahr, am Ende 1, z. B. 0.5,0.8,1 "
    "[Standard: linear über ramp_up_years des Datensatzes].": "Share of the full saving in the "
    "1st, 2nd, ... year of operation, ending at 1, e.g. 0.5,0.8,1 [default: linear over the "
    "dataset's ramp_up_years].",
    "IKZ-Förderung des Landes NRW mitrechnen, wo ihre Bedingungen erfüllt sind [Standard: "
    "grant_assumed des Datensatzes, nicht gerechnet].": "Count the NRW state's IKZ grant where "
    "its conditions are met [default: the dataset's grant_assumed, not counted].",
    "fixed: die festen Skalen des Kriterienmodells, für alle Körperschaften gleich; minmax: die "
    "Spannweite jeder Körperschaft (früheres Verhalten, zum Vergleich).": "fixed: the criteria "
    "model's fixed scales, the same for every body; minmax: each body's own range (the earlier "
    "behaviour, for comparison).",
    "Rangfolgeverfahren.": "Ranking method.",
    "Dateiformate (wiederholbar).": "File formats (repeat it).",
    # analyse
    "Ordnet die Kooperationsoptionen jeder Körperschaft und schreibt ranking.csv, cashflows.csv "
    "(den Wirtschaftlichkeitsvergleich), excluded.csv (die Optionen, die die Ausschlussstufe "
    "entfernt hat, mit Gründen), joint.csv, contributions.csv und ranking.xlsx in den "
    "Ausgabeordner (mit eigenen Gewichten der Körperschaften, aus --body-weights oder dem "
    "Kriterienmodell, auch group_options.csv und group_weights.csv).": "Rank every body's "
    "cooperation options and write ranking.csv, cashflows.csv (the "
    "Wirtschaftlichkeitsvergleich), excluded.csv (options the knock-out stage removed, with "
    "reasons), joint.csv, contributions.csv and ranking.xlsx to the output folder (with body "
    "weights, from --body-weights or the criteria model, also group_options.csv and "
    "group_weights.csv).",
    "Rangfolgeverfahren: wsm, wpm, waspas, topsis, vikor, promethee2, electre1 [Vorgabe: "
    "wsm].": "Ranking method: wsm, wpm, waspas, topsis, vikor, promethee2, electre1 [default: "
    "wsm].",
    "Szenariodatei; ihre Einstellungen gelten, soweit hier nichts anderes angegeben ist.": (
        "Scenario file; its settings apply unless given here."
    ),
    "CSV mit den eigenen Gewichten jeder Körperschaft (body,level,id,weight,source); jede "
    "Körperschaft wird dann mit ihren eigenen Gewichten bewertet und eine Gesamtsicht "
    "geschrieben. Vorgabe: body_weights.csv im Datenordner (die Gewichte aus der Umfrage), "
    "falls vorhanden.": "CSV of each body's own weights (body,level,id,weight,source); each "
    "body is then ranked with its own weights and a group view is written. Default: the data "
    "folder's body_weights.csv (the survey's weights) if there is one.",
    "Angezeigte Optionen je Körperschaft.": "Options shown per body.",
    "Zusätzlich die SMAA-Rangakzeptanz mit N Gewichtsstichproben berechnen (Blätter Akzeptanz "
    "und Rangakzeptanz, smaa_*.csv).": "Also compute SMAA rank acceptability with N weight "
    "samples (sheets Akzeptanz and Rangakzeptanz, smaa_*.csv).",
    "Zusätzlich eine Monte-Carlo-Simulation mit N Stichproben über die unsicheren Eingaben des "
    "Wirtschaftlichkeitsvergleichs (Spannweiten der Daten, Startwert --seed): schreibt "
    "npv_risk.csv mit der Wahrscheinlichkeit, dass der Kapitalwert jeder Option positiv "
    "ist.": "Also run a Monte Carlo with N samples over the uncertain inputs of the "
    "Wirtschaftlichkeitsvergleich (ranges of the data, seeded with --seed): writes "
    "npv_risk.csv with the chance that each option's Kapitalwert is positive.",
    # compare-methods
    "Käme ein anderes Verfahren zum selben Ergebnis? Ordnet jede Körperschaft nach mehreren "
    "Verfahren und vergleicht die Rangfolgen.\n\nSchreibt methods_ranks.csv (der Rang jeder "
    "Option nach jedem Verfahren) und methods_agreement.csv (Kendalls Tau zwischen je zwei "
    "Verfahren, je Körperschaft) und zeigt die Übereinstimmung an. Mit --rank-reversal auch "
    "rank_reversal.csv.": "Would another method agree? Rank every body by several methods and "
    "compare.\n\nWrites methods_ranks.csv (each option's rank by each method) and "
    "methods_agreement.csv (Kendall's tau between every two methods, per body) and prints the "
    "agreement. With --rank-reversal also rank_reversal.csv.",
    "Zu vergleichende Verfahren, durch Kommas getrennt.": "Methods to compare, separated by "
    "commas.",
    "Zusätzlich die Prüfung auf Rangumkehr (jede nicht erstplatzierte Option wird "
    "verschlechtert) für jedes Verfahren und jede Körperschaft; schreibt rank_reversal.csv. "
    "Dauert einige Sekunden.": "Also run the rank-invariance check (worsen each non-top "
    "option) for every method and body; writes rank_reversal.csv. Takes a few seconds.",
    "Startwert der zufälligen Verschlechterung bei der Prüfung auf Rangumkehr.": "Seed of the "
    "random worsening in the rank-reversal check.",
    # smaa
    "Wahrscheinlichkeit jedes Rangs für jede Option über alle plausiblen Gewichte (SMAA).\n\n"
    "Schreibt smaa_acceptability.csv (Körperschaft, Option, Rang, Anteil), smaa_summary.csv "
    "(Akzeptanz für Rang 1, erwarteter Rang, Konfidenz, zentrale Gewichte) und "
    "smaa.xlsx.": "Chance of each rank for every option over all plausible weights (SMAA).\n\n"
    "Writes smaa_acceptability.csv (body, option, rank, share), smaa_summary.csv (first-rank "
    "acceptability, expected rank, confidence, central weights) and smaa.xlsx.",
    "Rangfolgeverfahren (in SMAA vektorisiert).": "Ranking method (vectorised in SMAA).",
    "Gewichtsstichproben je Körperschaft (höchstens 1 000 000).": "Weight samples per body "
    "(at most 1,000,000).",
    "Startwert: derselbe Startwert ergibt dieselben Tabellen.": "Seed: the same seed gives the "
    "same tables.",
    "Gezogene Gewichte: gleichverteilt auf dem Simplex (uniform), nach den Gruppen des "
    "Kriterienmodells (groups), nach der Reihenfolge der Kriterien im Modell (ordinal) oder "
    "die Gewichte des Modells fest (model).": "Weights sampled: uniform on the simplex, the "
    "criteria model's groups, the model's order of criteria, or the model's weights fixed.",
    "Indikatorwerte: fest (none) oder jede Zelle gleichverteilt innerhalb der Spannweite "
    "gezogen, die ihr die unsicheren Parameter des Datensatzes (Spalten low/high) geben, "
    "jeweils einzeln (dataset).": "Indicator values: fixed (none), or each cell drawn uniformly "
    "within the range that the dataset's uncertain parameters (low/high columns) give it, one "
    "at a time (dataset).",
    # validate, data show, data sources
    "Prüft Datensatzordner, Kriterienmodelle und Szenariodateien.\n\nJeder Pfad wird geprüft; "
    "jedes Problem steht in einer Zeile. Exit-Code 2, wenn eine Prüfung fehlschlägt.": "Check "
    "dataset folders, criteria models and scenario files.\n\nEvery path is checked; each "
    "problem is printed on one line. Exit code 2 if any fails.",
    "Einen Datensatz ansehen: seine Tabellen und die Quellen seiner Zahlen.": "Look at a "
    "dataset: its tables and the sources of its figures.",
    "Zeigt eine Tabelle des Datensatzes.": "Print a table of the dataset.",
    "Welche Tabelle angezeigt wird.": "Which table to show.",
    "Führt jede Zahl der Daten und des Kriterienmodells mit ihrer Quelle oder Annahme auf.\n\n"
    "Jede Quelle steht mit ihrer Güte da: [V] Primärtext, [S] Sekundärquelle, [U] ungeprüft. "
    "Ein Wert, der auf einer [S]- oder [U]-Quelle beruht, trägt dieses Zeichen am Ende seiner "
    "Zeile (die schwächste Güte seiner Quellen); Werte auf Primärtexten bleiben ohne "
    "Zeichen.": "List every number of the data and the criteria model with its source or "
    "assumption.\n\nEach source is cited with its grade: [V] primary text, [S] secondary "
    "source, [U] unverified. A value that rests on an [S] or [U] source carries that mark at "
    "the end of its line (the weakest grade of its sources); values on primary texts stay "
    "unmarked.",
    "Kriterienmodell, dessen Gewichte ebenfalls aufgeführt werden.": "Criteria model whose "
    "weights are listed too.",
    "Die Liste als CSV in diese Datei schreiben, statt sie anzuzeigen.": "Write the list as CSV "
    "to this file instead of printing it.",
    "Die Zahlen so aufführen, wie ein Szenario sie verwendet (seine Änderungen tragen ihre "
    "eigene Quelle oder Annahme); --data und --criteria kommen dann aus dem Szenario.": "List "
    "the figures as a scenario uses them (its changes carry their own source or assumption); "
    "--data and --criteria are then taken from the scenario.",
    # plot, report
    "Zeichnet ein Diagramm und schreibt es als PNG und SVG in den Ausgabeordner.\n\n\b\n"
    "heatmap        Körperschaften × Handlungsfelder: Punkte der besten Option je Feld\n"
    "contributions  die besten Optionen einer Körperschaft, zerlegt in Kriterienbeiträge\n"
    "acceptability  SMAA: wie oft jede Option Rang 1, 2, ... belegt (gestapelte Balken)\n"
    "tornado        Punkte der besten Option, wenn sich jedes Gewicht um 10 % ändert\n"
    "slope          Ränge der Optionen einer Körperschaft über Szenarien (--scenario A\n"
    "               --scenario B ...)\n"
    "map            bestehende und empfohlene Kooperationen an den Orten der "
    "Körperschaften": "Draw a chart and write it as PNG and SVG to the output folder.\n\n\b\n"
    "heatmap        bodies × fields: the score of each body's best option per field\n"
    "contributions  a body's top options split into criterion contributions\n"
    "acceptability  SMAA: how often each option takes rank 1, 2, ... (stacked bars)\n"
    "tornado        the score of a body's top option when each weight moves by 10 %\n"
    "slope          a body's option ranks across scenarios (--scenario A --scenario B ...)\n"
    "map            existing and recommended cooperations, laid out by the bodies' positions",
    "Zu zeichnendes Szenario (wiederholbar: 'slope' vergleicht zwei oder mehr, das erste ist "
    "die Basis).": "Scenario to draw (repeat it: 'slope' compares two or more, the first is "
    "the baseline).",
    "Zu zeichnende Körperschaft (wiederholbar) [Vorgabe: jede teilnehmende Körperschaft].": (
        "Body to draw (repeat it) [default: every body that takes part]."
    ),
    "Optionen je Diagramm.": "Options per chart.",
    "SMAA-Gewichtsstichproben für 'acceptability' (sofern das Szenario keine eigenen hat).": (
        "SMAA weight samples for 'acceptability' (unless the scenario has its own)."
    ),
    "Startwert der SMAA-Ziehungen.": "SMAA seed.",
    "Schreibt report.html (eine in sich geschlossene Seite mit den Diagrammen) und report.md: "
    "was untersucht wurde, Verfahren und Gewichte in einfachen Worten, die Ergebnisse je "
    "Körperschaft und gemeinsam, wer in der besten gemeinsamen Option was zahlt "
    "(Kostenschlüssel und Kern), die Unsicherheit und die Quellen.": "Write report.html (one "
    "self-contained page, charts inside) and report.md: what was analysed, the method and "
    "weights in plain words, the results per body and jointly, who pays what in the best joint "
    "option (cost keys and the core), the uncertainty and the sources.",
    "Szenario, über das berichtet wird [Vorgabe: keines].": "Scenario to report [default: none].",
    "SMAA-Rangakzeptanz mit N Gewichtsstichproben ergänzen (hat ein Szenario einen eigenen "
    "Unsicherheitsblock, wird dieser verwendet).": "Add SMAA rank acceptability with N weight "
    "samples (a scenario's own uncertainty block is used if it has one).",
    # cooperations list|plot, coalitions
    "Die bestehenden Kooperationen zwischen den Körperschaften (der Bestand).": "The existing "
    "cooperations between the bodies (the inventory).",
    "Führt die bestehenden Kooperationen auf: Mitglieder, Handlungsfeld, Rechtsform, seit wann, "
    "Quelle und ob jede am Stichtag in Kraft ist.": "List the existing cooperations: members, "
    "field, legal form, since, source, and whether each is in force at the reference date.",
    "Den Bestand als CSV in diese Datei schreiben, statt ihn anzuzeigen.": "Write the inventory "
    "as CSV to this file instead of printing it.",
    "Zeichnet die Karte der Kooperationen (map.png, map.svg): die Körperschaften an ihren "
    "Orten, bestehende Kooperationen grau und, in der Vorgabe, die empfohlenen "
    "gestrichelt.": "Draw the map of cooperations (map.png, map.svg): the bodies at their "
    "positions, existing cooperations in grey and, by default, the recommended ones dashed.",
    "Auch die beste Option je Handlungsfeld zeichnen, bei der jedes Mitglied besser fährt.": (
        "Also draw the best option per field that leaves every member better off."
    ),
    "Mit wem? Für jedes Handlungsfeld die Partnerkreise (mit Rechtsform und Federführung), "
    "deren Pool einen positiven Kapitalwert hat, sodass der Kostenschlüssel (--key) jedes "
    "Mitglied mindestens so gut stellt wie im Status quo, geordnet nach dem Kapitalwert des "
    "Pools, daneben die Punkte jedes Mitglieds und ob die Aufteilung im Kern liegt. Jede "
    "Teilmenge der Körperschaften wird geprüft.": "With whom? For each field, the partner sets "
    "(with legal form and lead) whose pool Kapitalwert is positive, so that the cost key "
    "(--key) leaves every member at or above its status quo, ranked by the pool's Kapitalwert, "
    "with each member's points beside it and whether the split is in the core. Every subset of "
    "the bodies is tried.",
    "Zu durchsuchendes Handlungsfeld (wiederholbar) [Vorgabe: jedes Handlungsfeld].": (
        "Field to search (repeat it) [default: every field]."
    ),
    "Größter Partnerkreis [Vorgabe: alle Körperschaften].": "Largest partner set [default: all "
    "bodies].",
    "Nur Partnerkreise mit dieser Körperschaft (wiederholbar).": "Only partner sets with this "
    "body (repeat it).",
    "Nur Partnerkreise, deren Mitglieder über Nachbarschaften verbunden sind.": "Only partner "
    "sets whose members are linked through neighbours.",
    "Nur diese Rechtsform (wiederholbar) [Vorgabe: jede Rechtsform des Handlungsfelds].": (
        "Only this legal form (repeat it) [default: every form of the field]."
    ),
    "Bewertung (Verfahren, die eine Option für sich allein bewerten).": "Scoring (methods that "
    "score an option on its own).",
    "CSV mit den eigenen Gewichten jeder Körperschaft (wie bei analyse).": "CSV of each body's "
    "own weights (as for analyse).",
    "Partnerkreise je Handlungsfeld.": "Coalitions per field.",
    "Kostenschlüssel, nach dem die Kosten jedes Pools geteilt werden (kosten = Anteil an den "
    "Kosten des Status quo). Shapley-Wert, Nukleolus, SCRB: potential sharing.": "Cost key by "
    "which each pool's costs are split (kosten = share of the status quo's costs). Shapley "
    "value, nucleolus, SCRB: potential sharing.",
    "Zusätzlich coalitions.csv und coalition_gains.csv in diesen Ordner schreiben.": "Also "
    "write coalitions.csv and coalition_gains.csv to this folder.",
    # scenario run|compare, schema
    "Szenarien rechnen und vergleichen (YAML-Dateien; siehe scenarios/README.md).": "Run and "
    "compare scenarios (YAML files; see scenarios/README.md).",
    "Rechnet ein oder mehrere Szenarien (Dateien oder mitgelieferte Namen wie heute).\n\nDie "
    "Tabellen jedes Szenarios kommen nach OUT/NAME/: ranking.csv, cashflows.csv, excluded.csv, "
    "joint.csv, contributions.csv, changes.csv (jeder Wert, den das Szenario geändert hat), "
    "ranking.xlsx und provenance.json.": "Run one or more scenarios (files or shipped names "
    "such as heute).\n\nEach scenario's tables go to OUT/NAME/: ranking.csv, cashflows.csv, "
    "excluded.csv, joint.csv, contributions.csv, changes.csv (every value the scenario "
    "changed), ranking.xlsx and provenance.json.",
    "Vergleicht Szenarien: welche Optionen für jede Körperschaft steigen oder fallen, Kendalls "
    "Tau zwischen den Rangfolgen der Szenarien und die Optionen, die in jedem Szenario unter "
    "den ersten 3 sind.\n\nDas erste Szenario ist die Basis. Schreibt compare_moves.csv, "
    "compare_correlation.csv, compare_robust.csv, compare_summary.csv, comparison.xlsx und "
    "provenance.json.": "Compare scenarios: which options move up or down for each body, "
    "Kendall's tau between the scenarios' rankings, and the options in the top 3 of every "
    "scenario.\n\nThe first scenario is the baseline. Writes compare_moves.csv, "
    "compare_correlation.csv, compare_robust.csv, compare_summary.csv, comparison.xlsx and "
    "provenance.json.",
    "Eine Option ist für eine Körperschaft robust, wenn sie in jedem Szenario unter ihren "
    "ersten N ist.": "An option is robust for a body if it is in the body's top N in every "
    "scenario.",
    "Zeigt das JSON-Schema einer Szenariodatei oder eines Kriterienmodells, für Editoren.\n\n"
    "Speichern Sie es und verweisen Sie Ihren Editor darauf, z. B. mit der ersten Zeile "
    "`# yaml-language-server: $schema=scenario.schema.json` in einer Szenariodatei.": "Print "
    "the JSON Schema of a scenario file or criteria model, for editors.\n\nSave it and point "
    "your editor at it, e.g. with the first line "
    "`# yaml-language-server: $schema=scenario.schema.json` in a scenario file.",
    "Das Schema in diese Datei schreiben, statt es anzuzeigen.": "Write the schema to this file "
    "instead of printing it.",
    # sharing
    "Wer zahlt was? Teilt den Kapitalwert einer Kooperation nach Schlüsseln auf (Einwohner, "
    "Fallzahlen, VZÄ, Kosten, Shapley-Wert, Nukleolus, SCRB) und prüft für jeden Schlüssel, ob "
    "jedes Mitglied besser fährt als allein und ob keine Teilgruppe lieber allein kooperieren "
    "würde (Kern). Ohne --option: die beste gemeinsame Option je Handlungsfeld.": "Who pays "
    "what? Splits a cooperation's Kapitalwert by keys (population, case numbers, FTE, costs, "
    "Shapley value, nucleolus, SCRB) and checks for each key whether every member does better "
    "than alone and whether no subgroup would rather cooperate on its own (the core). Without "
    "--option: the best joint option per field.",
    "Nur dieses Handlungsfeld (z. B. it).": "Only this field (e.g. it).",
    "Diese Option (wiederholbar): eine Option der Analyse oder feld/rechtsform/a+b+c wie beim "
    "Koalitionsfinder [Standard: die beste gemeinsame Option je Feld].": "This option (repeat "
    "it): an option of the analysis or field/legal-form/a+b+c as in the coalition finder "
    "[default: the best joint option per field].",
    "Nur dieser Schlüssel (wiederholbar) [Standard: alle berechenbaren].": "Only this key "
    "(repeat it) [default: every key that can be computed].",
    "Welche Rechtsform eine Teilgruppe allein wählen darf: best = jede angebotene, same = nur "
    "die der Option.": "Which legal form a subgroup may choose on its own: best = any offered, "
    "same = only the option's.",
    "Statt einer Option ein eigenes Spiel teilen: CSV mit den Spalten coalition (z. B. "
    "kamen+unna) und value (EUR), eine Zeile je Koalition.": "Split a game of your own instead "
    "of an option: CSV with the columns coalition (e.g. kamen+unna) and value (EUR), one row "
    "per coalition.",
    "Mit --game: value ist der gemeinsame Vorteil (savings) oder die gemeinsamen Kosten (cost) "
    "der Koalition.": "With --game: value is the coalition's joint gain (savings) or its joint "
    "cost (cost).",
    "Tabellen und sharing.xlsx hierhin schreiben.": "Write the tables and sharing.xlsx here.",
    # survey template|import
    "Die Fragebogen-Arbeitsmappe für die Körperschaften und der Import ihrer Antworten.": (
        "The questionnaire workbook for the bodies and the import of their answers."
    ),
    "Schreibt die Fragebogen-Arbeitsmappe: Stammdaten, eine Zeile je Handlungsfeld (Kosten, "
    "Personal, Anteil der Abgänge, Fallzahlen, Anbieter), der Stand jeder Pflichtaufgabe, "
    "bestehende Kooperationen und die Gewichtung der Kriteriengruppen durch die Körperschaft; "
    "vorausgefüllt mit dem Bekannten, gekennzeichnet als Schätzung oder gemeldet.": "Write the "
    "questionnaire workbook: master data, one row per field (cost, staff, leaving share, "
    "cases, provider), the status of each duty, existing cooperations and the body's weighting "
    "of the criteria groups; pre-filled with what is known, marked as estimate or reported.",
    "Die Körperschaft, für die die Arbeitsmappe ist (Kennung oder Name) [Vorgabe: alle "
    "Körperschaften in einer Arbeitsmappe].": "The body the workbook is for (id or name) "
    "[default: all bodies in one workbook].",
    "An wen die ausgefüllte Arbeitsmappe geht (steht in der Anleitung).": "Whom to send the "
    "filled workbook to (printed in the instructions).",
    "Zu schreibende Arbeitsmappe (.xlsx).": "Workbook to write (.xlsx).",
    "Liest zurückgesandte Arbeitsmappen, prüft jede Zelle und übernimmt die gültigen Antworten "
    "in einen Datensatzordner. DATEIEN können Arbeitsmappen sein, Ordner (jede *.xlsx darin) "
    "oder Muster wie 'umfrage-*.xlsx', die das Werkzeug selbst auflöst. Jedes Problem steht mit "
    "Datei, Blatt, Zelle, Wert und dem Erwarteten in der Liste. Ein geänderter Wert wird als "
    "Gegenüberstellung gezeigt und nur mit --accept geschrieben; die vorigen Dateien bleiben im "
    "Unterordner .history des Ordners wiederherstellbar. Exit-Code 1, wenn etwas "
    "zurückgehalten wurde.": "Read returned workbooks, check every cell and merge the valid "
    "answers into a dataset folder. DATEIEN (files) may be workbooks, folders (every *.xlsx in "
    "them) or patterns such as 'umfrage-*.xlsx', which the tool expands itself. Every problem "
    "is listed with file, sheet, cell, value and what was expected. A changed value is shown "
    "as a diff and written only with --accept; the previous files stay recoverable in the "
    "folder's .history. Exit code 1 if anything was held back.",
    "Datensatzordner, in den übernommen wird (als Kopie von --data angelegt, falls er "
    "fehlt).": "Dataset folder to merge into (created as a copy of --data if missing).",
    "Werte schreiben, die von den schon im Ordner stehenden abweichen.": "Write values that "
    "differ from those already in the folder.",
    "Die gültigen Antworten auch aus Dateien mit Fehlern übernehmen.": "Merge the valid answers "
    "of files that have errors.",
    "Jede Körperschaft mit den Gewichten des Kriterienmodells bewerten, auch wenn der "
    "Datenordner die body_weights.csv der Umfrage enthält.": "Rank every body with the "
    "criteria model's weights, even where the data folder holds the survey's "
    "body_weights.csv.",
    "Gewichte der Körperschaften: Vorgabe sind bei --weights ordinal (Reihenfolge) und "
    "model (fest) die eigenen Gewichte jeder Körperschaft aus der body_weights.csv der "
    "Umfrage im Datenordner, sonst die des Kriterienmodells; mit --model-weights für alle die "
    "des Kriterienmodells. uniform und groups ziehen die Gewichte und nutzen keine.": "The "
    "bodies' weights: by default, with --weights ordinal (their order) and model (fixed), "
    "each body's own weights from the survey's body_weights.csv in the data folder, else the "
    "criteria model's; with --model-weights the criteria model's for all. uniform and groups "
    "draw the weights and use none.",
}

#: the command line's own messages (what the commands print themselves)
MESSAGES: dict[str, tuple[str, str]] = {
    "cli.unit_body": ("Körperschaft", "body"),
    "cli.unit_chunk": ("Block", "chunk"),
    "cli.unknown": ("unbekannt", "unknown"),
    "cli.written": ("geschrieben: {path}", "written: {path}"),
    # analyse
    "cli.analyse.header": (
        "Stichtag {date}, Methode {method}, Kriterienmodell {model}",
        "Reference date {date}, method {method}, criteria model {model}",
    ),
    "cli.analyse.row_alone": (
        "  {rank}. {option}  [Punkte {score}]",
        "  {rank}. {option}  [score {score}]",
    ),
    "cli.analyse.row": (
        "  {rank}. {option}  [Kapitalwert {npv} €; Punkte {score}; gegenüber dem Alleingang: "
        "{reasons}]",
        "  {rank}. {option}  [NPV {npv} €; score {score}; against going alone: {reasons}]",
    ),
    "cli.analyse.none_pays": (
        "  → Für {body} lohnt sich keine der geprüften Kooperationen.",
        "  → For {body}, none of the cooperations examined pays.",
    ),
    "cli.analyse.agreement": (
        "Übereinstimmung der Gewichte (Kendall's W): {w}",
        "Agreement of weights (Kendall's W): {w}",
    ),
    "cli.analyse.departing": ("Weichen am stärksten ab: {names}", "Depart most: {names}"),
    # compare-methods
    "cli.compare.heading": (
        "Kendalls Tau (Mittel über {n} Körperschaften) und Körperschaften mit derselben besten "
        "Option:",
        "Kendall's tau (mean over {n} bodies) and bodies with the same top option:",
    ),
    "cli.compare.pair": (
        "  {a} ~ {b}  Tau {tau}   gleiche beste Option {same}/{n}",
        "  {a} ~ {b}  tau {tau}   same top {same}/{n}",
    ),
    "cli.compare.reversal_heading": (
        "Rang-Invarianz: die beste Option bleibt vorn, wenn eine andere verschlechtert wird",
        "Rank invariance: top option kept when another option is made worse",
    ),
    "cli.compare.reversal_row": (
        "  {method}  vorn geblieben in {kept:.0%} der Versuche (Mittel über die Körperschaften)",
        "  {method}  kept in {kept:.0%} of the experiments (mean over bodies)",
    ),
    # smaa
    "cli.smaa.header": (
        "SMAA: {n} Gewichtsstichproben je Körperschaft, Methode {method}, Startwert {seed}, "
        "Gewichte {weights}",
        "SMAA: {n} weight samples per body, method {method}, seed {seed}, weights {weights}",
    ),
    "cli.smaa.values": (", Werte {values}", ", values {values}"),
    "cli.smaa.best": (
        "  {body}: {option}  Rang 1 in {share:.0%} der Stichproben",
        "  {body}: {option}  first in {share:.0%} of the samples",
    ),
    # progress lines (stderr; none with --quiet)
    "cli.progress.compare": (
        "Rangfolgen nach {n} Verfahren werden berechnet (einige Sekunden) …",
        "Ranking by {n} methods (a few seconds) …",
    ),
    "cli.progress.rank_reversal": (
        "Prüfung auf Rangumkehr für {n} Verfahren und jede Körperschaft läuft (einige Sekunden) …",
        "Running the rank-reversal check for {n} methods and every body (a few seconds) …",
    ),
    "cli.progress.report": (
        "Der Bericht wird erstellt: Diagramme und Texte (etwa eine halbe Minute) …",
        "Building the report: charts and texts (about half a minute) …",
    ),
    "cli.progress.coalitions": (
        "Jede Teilmenge der {n} Körperschaften wird je Handlungsfeld geprüft (einige Sekunden "
        "bis etwa eine Minute) …",
        "Trying every subset of the {n} bodies in each field (a few seconds to about a minute) …",
    ),
    "cli.progress.scenarios": (
        "{n} Szenario(s) werden gerechnet (je Szenario einige Sekunden, mit SMAA länger) …",
        "Running {n} scenario(s) (a few seconds each, longer with SMAA) …",
    ),
    # validate, data sources
    "cli.validate.ok": ("OK     {path} ({kind})", "OK     {path} ({kind})"),
    "cli.validate.failed": ("FEHLER {problem}", "ERROR  {problem}"),
    "cli.validate.kind_dataset": ("Datensatz", "dataset"),
    "cli.validate.kind_criteria": ("Kriterienmodell", "criteria model"),
    "cli.validate.kind_scenario": ("Szenario", "scenario"),
    "cli.sources.legend": (
        "Güte der Quellen: [V] Primärtext, [S] Sekundärquelle, [U] ungeprüft. Werte, die auf "
        "einer [S]- oder [U]-Quelle beruhen, tragen das Zeichen am Zeilenende.",
        "Source grades: [V] primary text, [S] secondary source, [U] unverified. Values that "
        "rest on an [S] or [U] source carry the mark at the end of their line.",
    ),
    "cli.sources.written": (
        "{n} Werte mit Herkunft geschrieben: {path}",
        "{n} values with their origin written: {path}",
    ),
    "cli.sources.range": (" (Spanne {low}–{high})", " (range {low}–{high})"),
    # plot
    "cli.plot.slope_needs_two": (
        "'slope' vergleicht Szenarien: {n}-mal --scenario angegeben; erwartet: mindestens zwei",
        "'slope' compares scenarios: got {n} --scenario; expected at least two",
    ),
    "cli.plot.body_not_ranked": (
        "--body {body!r}: keine Körperschaft, die bewertet wird; erwartet: eine von {ids}",
        "--body {body!r}: not a body that is ranked; expected one of {ids}",
    ),
    # cooperations list
    "cli.cooperations.written": ("{n} Kooperationen: {path}", "{n} cooperations: {path}"),
    "cli.cooperations.in_force": ("in Kraft", "in force"),
    "cli.cooperations.later": ("später", "later"),
    "cli.cooperations.no_field": ("kein Handlungsfeld", "no field"),
    "cli.cooperations.line": (
        "    {field}; {form}; seit {since} ({state}); {scope}",
        "    {field}; {form}; since {since} ({state}); {scope}",
    ),
    "cli.cooperations.lead": (" (Federführung: {name})", " (lead: {name})"),
    "cli.cooperations.source": ("    Quelle: {source}", "    source: {source}"),
    # coalitions
    "cli.coalitions.tried": (
        "{n} Partnerkreise geprüft (bis {size} Mitglieder)",
        "{n} partner sets tried (up to {size} members)",
    ),
    "cli.coalitions.tried_connected": (
        "{n} Partnerkreise geprüft (bis {size} Mitglieder, nur verbundene)",
        "{n} partner sets tried (up to {size} members, connected only)",
    ),
    "cli.coalitions.none": (
        "  kein Partnerkreis mit positivem Kapitalwert des Pools",
        "  no partner set whose pool has a positive net present value",
    ),
    "cli.coalitions.lead": ("; Federführung {name}", "; lead {name}"),
    "cli.coalitions.all_gain": ("alle gewinnen auch in Punkten", "every member gains in points"),
    "cli.coalitions.not_all_gain": (
        "nicht alle gewinnen in Punkten",
        "not every member gains in points",
    ),
    "cli.coalitions.in_core": ("; im Kern", "; in the core"),
    "cli.coalitions.not_in_core": (
        "; eine Teilgruppe fährt allein besser",
        "; a subgroup does better alone",
    ),
    "cli.coalitions.row": (
        "  {rank}. {form}: {members}{lead}  [Kapitalwert des Pools {npv} €, kleinster Anteil "
        "(Schlüssel {key}) {share} €{core}; {points}]",
        "  {rank}. {form}: {members}{lead}  [pool NPV {npv} €, smallest share (key {key}) "
        "{share} €{core}; {points}]",
    ),
    # scenario run / compare
    "cli.scenario.header": (
        "{label} ({name}): Stichtag {date}, Methode {method}, {n} geänderte Werte",
        "{label} ({name}): reference date {date}, method {method}, {n} values changed",
    ),
    "cli.scenario.npv": ("; Kapitalwert {npv} €", "; NPV {npv} €"),
    "cli.scenario.best": (
        "  {body}: {option}  [Punkte {score}{money}]",
        "  {body}: {option}  [score {score}{money}]",
    ),
    "cli.scenario.compare_needs_two": (
        "{n} Szenario angegeben; erwartet: mindestens zwei zum Vergleichen",
        "got {n} scenario; expected at least two to compare",
    ),
    "cli.scenario.correlation": (
        "Rangkorrelation (Kendalls Tau, Mittel über die Körperschaften):",
        "Rank correlation (Kendall's tau, mean over the bodies):",
    ),
    "cli.scenario.pair": (
        "  {a} ~ {b}: Tau {tau} (min {min}); gleiche beste Option {same}/{n}",
        "  {a} ~ {b}: tau {tau} (min {min}); same top option {same}/{n}",
    ),
    "cli.scenario.robust": (
        "Robust (in jedem Szenario unter den ersten {top}), Bewegungen gegenüber {base}:",
        "Robust (in the top {top} of every scenario), moves against {base}:",
    ),
    "cli.scenario.moves": (
        "  {body}: {robust} robust, {up} Optionen steigen, {down} fallen",
        "  {body}: {robust} robust, {up} options move up, {down} down",
    ),
    # sharing --game
    "cli.game.cost_share": ("Kostenanteil", "cost share"),
    "cli.game.gain_share": ("Anteil am Vorteil", "share of the gain"),
    "cli.game.header": ("{n} Spieler; {what} (€)", "{n} players; {what} (€)"),
    "cli.game.nucleolus": ("Nukleolus", "Nucleolus"),
    "cli.game.core_empty": (
        "Der Kern ist leer: Es gibt keine Aufteilung, bei der keine Teilgruppe lieber allein "
        "kooperieren würde (kleinster Kern: ε = {epsilon} €).",
        "The core is empty: there is no split under which no subgroup would rather go alone "
        "(least core: epsilon = {epsilon} EUR).",
    ),
    "cli.game.core_not_empty": (
        "Der Kern ist nicht leer; der Nukleolus liegt darin.",
        "The core is not empty; the nucleolus lies in it.",
    ),
}
