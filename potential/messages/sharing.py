"""Messages of the cost sharing (:mod:`potential.sharing`): games, IKZ games, the tables.

Templates with literal braces (``Σ c({{i}})``) always get values, so they are formatted.
"""

MESSAGES = {
    # --- where: locations named in messages ---------------------------------------------------
    "sharing.where.game": ("Spiel", "game"),
    "sharing.where.key": ("Kostenschlüssel", "cost key"),
    "sharing.where.allocation": ("Aufteilung", "allocation"),
    "sharing.where.option": ("Kooperationsoption", "cooperation option"),
    "sharing.where.cases_column": (
        "body_fields.csv, Spalte cases_per_year",
        "body_fields.csv, column cases_per_year",
    ),
    "sharing.value_of": ("Wert von {coalition}", "value of {coalition}"),
    "sharing.names_more": (" … ({count} insgesamt)", " … ({count} in all)"),
    # --- what a computation is for (too many players) ------------------------------------------
    "sharing.purpose.shapley": ("den exakten Shapley-Wert", "the exact Shapley value"),
    "sharing.purpose.nucleolus": ("den Nukleolus", "the nucleolus"),
    "sharing.purpose.least_core": ("den kleinsten Kern", "the least core"),
    "sharing.purpose.core_test": ("den Kern-Test", "the core test"),
    "sharing.purpose.scrb": ("SCRB", "SCRB"),
    "sharing.purpose.key": ("den Kostenschlüssel", "the cost key"),
    # --- games (potential.sharing.games) --------------------------------------------------------
    "sharing.no_imputation_cost": (
        "keine Imputation: c(N) ist um {gap} größer als die Summe der Einzelkosten Σ c({{i}}); "
        "erwartet für den Nukleolus: c(N) ≤ Σ c({{i}})",
        "no imputation: c(N) exceeds the sum of the single costs Σ c({{i}}) by {gap}; "
        "expected for the nucleolus: c(N) ≤ Σ c({{i}})",
    ),
    "sharing.no_imputation_savings": (
        "keine Imputation: v(N) ist um {gap} kleiner als die Summe der Einzelwerte Σ v({{i}}); "
        "erwartet für den Nukleolus: v(N) ≥ Σ v({{i}})",
        "no imputation: v(N) falls short of the sum of the single values Σ v({{i}}) by {gap}; "
        "expected for the nucleolus: v(N) ≥ Σ v({{i}})",
    ),
    "sharing.key_negative": (
        "negativer Wert für {players}; erwartet: Zahlen ≥ 0",
        "negative value for {players}; expected: numbers ≥ 0",
    ),
    "sharing.key_sum_zero": (
        "die Summe ist 0; erwartet: mindestens ein positiver Wert",
        "the sum is 0; expected: at least one positive value",
    ),
    "sharing.unknown_kind": (
        "unbekannte Art {kind!r}; erwartet: 'savings' (Ersparnis/Wert) oder 'cost' (Kosten)",
        "unknown kind {kind!r}; expected: 'savings' (savings/value) or 'cost' (cost)",
    ),
    "sharing.too_many_players": (
        "{n} Spieler sind zu viele für {purpose}; erwartet: höchstens {limit} Spieler "
        "(das Spiel hat 2^n − 1 = {coalitions} Koalitionen)",
        "{n} players are too many for {purpose}; expected: at most {limit} players "
        "(the game has 2^n − 1 = {coalitions} coalitions)",
    ),
    "sharing.players_needed": (
        "fehlt; erwartet: die Spieler (players=), wenn das Spiel eine Funktion ist",
        "missing; expected: the players (players=) when the game is a function",
    ),
    "sharing.no_players": (
        "keine Spieler; erwartet: mindestens einen Spieler",
        "no players; expected: at least one player",
    ),
    "sharing.not_a_game": (
        "{type} ist kein Spiel; erwartet: eine Zuordnung Koalition → Wert (dict) oder eine "
        "Funktion frozenset → Wert",
        "{type} is not a game; expected: a mapping coalition → value (dict) or a function "
        "frozenset → value",
    ),
    "sharing.coalition_twice": (
        "Koalition {coalition} ist doppelt angegeben; erwartet: ein Wert je Koalition",
        "coalition {coalition} is given twice; expected: one value per coalition",
    ),
    "sharing.empty_coalition_value": (
        "die leere Koalition hat den Wert {value!r}; erwartet: 0 (oder weglassen)",
        "the empty coalition has the value {value!r}; expected: 0 (or leave it out)",
    ),
    "sharing.players_unsortable": (
        "die Spieler lassen sich nicht sortieren; erwartet: Spieler-Kennungen eines Typs "
        "(z. B. str) oder die Reihenfolge in players=",
        "the players cannot be sorted; expected: player ids of one type (e.g. str) or the "
        "order in players=",
    ),
    "sharing.unknown_players_in_coalition": (
        "Koalition {coalition} enthält unbekannte Spieler {unknown}; erwartet: nur Spieler aus "
        "players= ({players})",
        "coalition {coalition} holds unknown players {unknown}; expected: only players of "
        "players= ({players})",
    ),
    "sharing.no_nonempty_coalition": (
        "keine Spieler; erwartet: mindestens eine nichtleere Koalition",
        "no players; expected: at least one non-empty coalition",
    ),
    "sharing.coalition_missing": (
        "1 Koalition fehlt, z. B. {coalition}; erwartet: ein Wert für jede nichtleere "
        "Teilmenge der Spieler",
        "1 coalition is missing, e.g. {coalition}; expected: a value for every non-empty "
        "subset of the players",
    ),
    "sharing.coalitions_missing": (
        "{missing} Koalitionen fehlen, z. B. {coalition}; erwartet: ein Wert für jede "
        "nichtleere Teilmenge der Spieler",
        "{missing} coalitions are missing, e.g. {coalition}; expected: a value for every "
        "non-empty subset of the players",
    ),
    "sharing.not_player_sequence": (
        "{players!r} ist keine Folge von Spielern; erwartet: z. B. ['Selm', 'Werne']",
        "{players!r} is not a sequence of players; expected: e.g. ['Selm', 'Werne']",
    ),
    "sharing.player_set_unsortable": (
        "die Spieler lassen sich nicht sortieren; erwartet: eine Liste in fester Reihenfolge",
        "the players cannot be sorted; expected: a list in a fixed order",
    ),
    "sharing.player_twice": (
        "Spieler {player!r} ist doppelt; erwartet: jeden Spieler einmal",
        "player {player!r} is given twice; expected: every player once",
    ),
    "sharing.player_unhashable": (
        "ein Spieler ist nicht hashbar; erwartet: Kennungen wie str",
        "a player is not hashable; expected: ids such as str",
    ),
    "sharing.coalition_is_text": (
        "Koalition {key!r} ist eine Zeichenkette; erwartet: eine Menge von Spielern, "
        "z. B. frozenset({{{key!r}}}) – sonst wäre 'ab' die Koalition aus 'a' und 'b'",
        "coalition {key!r} is a string; expected: a set of players, e.g. "
        "frozenset({{{key!r}}}) – else 'ab' would be the coalition of 'a' and 'b'",
    ),
    "sharing.coalition_not_set": (
        "Koalition {key!r} ist keine Menge; erwartet: frozenset, set, tuple oder list von "
        "Spielern",
        "coalition {key!r} is not a set; expected: a frozenset, set, tuple or list of players",
    ),
    "sharing.coalition_unhashable": (
        "Koalition {key!r} enthält einen nicht hashbaren Spieler; erwartet: Kennungen wie str",
        "coalition {key!r} holds a player that is not hashable; expected: ids such as str",
    ),
    "sharing.not_a_number": (
        "{what} ist keine Zahl ({raw!r}); erwartet: eine endliche Zahl",
        "{what} is not a number ({raw!r}); expected: a finite number",
    ),
    "sharing.not_finite": (
        "{what} ist {number}; erwartet: eine endliche Zahl",
        "{what} is {number}; expected: a finite number",
    ),
    "sharing.not_a_mapping": (
        "{type} ist keine Zuordnung; erwartet: Spieler → Zahl (dict oder pandas.Series)",
        "{type} is not a mapping; expected: player → number (dict or pandas.Series)",
    ),
    "sharing.player_repeated": (
        "ein Spieler kommt mehrfach vor; erwartet: jeden Spieler einmal",
        "a player appears more than once; expected: every player once",
    ),
    "sharing.player_missing": (
        "1 Spieler fehlt: {players}; erwartet: ein Wert für jeden Spieler",
        "1 player is missing: {players}; expected: a value for every player",
    ),
    "sharing.players_missing": (
        "{count} Spieler fehlen: {players}; erwartet: ein Wert für jeden Spieler",
        "{count} players are missing: {players}; expected: a value for every player",
    ),
    "sharing.unknown_players": (
        "unbekannte Spieler {players}; erwartet: nur die Spieler des Spiels ({known})",
        "unknown players {players}; expected: only the players of the game ({known})",
    ),
    "sharing.samples": (
        "{samples!r}; erwartet: eine ganze Zahl ≥ 2",
        "{samples!r}; expected: a whole number ≥ 2",
    ),
    # --- a game from a CSV file (potential.sharing.gamefile) -----------------------------------
    "sharing.file.empty_coalition": (
        "Zeile {line}: Koalition leer; erwartet: Mitglieder, verbunden mit +",
        "line {line}: empty coalition; expected: members joined by +",
    ),
    "sharing.file.coalition_twice": (
        "Zeile {line}: Koalition {coalition!r} steht schon in Zeile {first}; erwartet: jede "
        "Koalition in einer Zeile",
        "line {line}: coalition {coalition!r} is already in line {first}; expected: every "
        "coalition in one line",
    ),
    "sharing.file.bad_value": (
        "Zeile {line}: Wert {value!r} ist keine endliche Zahl; erwartet: EUR, z. B. 125000.50",
        "line {line}: value {value!r} is not a finite number; expected: EUR, e.g. 125000.50",
    ),
    "sharing.file.no_coalitions": (
        "keine Koalitionen; erwartet: eine Zeile je Koalition",
        "no coalitions; expected: one line per coalition",
    ),
    # --- the IKZ game of an option (potential.sharing.ikz) -------------------------------------
    "sharing.direct_length": (
        "direct: {size} Werte; erwartet: 2^n Werte (einen je Teilmenge)",
        "direct: {size} values; expected: 2^n values (one per subset)",
    ),
    "sharing.subset_forms_unknown": (
        "Rechtsformen der Teilgruppen: unbekannt {value!r}; erwartet: best (jede angebotene "
        "Rechtsform) oder same (nur die der Kooperationsoption)",
        "legal forms of the subgroups: unknown {value!r}; expected: best (any offered legal "
        "form) or same (only the cooperation option's)",
    ),
    "sharing.too_many_members": (
        "Kooperationsoption {option}: {n} Mitglieder; erwartet: höchstens {limit} (die "
        "Kostenverteilung rechnet alle 2^n Teilgruppen durch)",
        "cooperation option {option}: {n} members; expected: at most {limit} (the cost "
        "sharing works through all 2^n subgroups)",
    ),
    "sharing.key_unknown": (
        "Kostenschlüssel: unbekannt {key!r}; erwartet: {known}",
        "cost key: unknown {key!r}; expected: {known}",
    ),
    "sharing.key_no_member_figure": (
        "Kostenschlüssel {key}: im Handlungsfeld {field} hat kein Mitglied eine Angabe "
        "({where}); erwartet: eine Zahl ≥ 0 für jedes Mitglied",
        "cost key {key}: in field {field} no member has a figure ({where}); expected: a "
        "number ≥ 0 for every member",
    ),
    "sharing.key_missing_figure": (
        "Kostenschlüssel {key}: im Handlungsfeld {field} fehlt die Angabe für {members} "
        "({where}); erwartet: eine Zahl ≥ 0 für jedes Mitglied",
        "cost key {key}: in field {field} the figure is missing for {members} ({where}); "
        "expected: a number ≥ 0 for every member",
    ),
    "sharing.key_members_sum_zero": (
        "Kostenschlüssel {key}: die Summe über die Mitglieder ist 0; erwartet: eine positive "
        "Summe",
        "cost key {key}: the sum over the members is 0; expected: a positive sum",
    ),
    "sharing.nucleolus_negative_pool": (
        "Kooperationsoption {option}: der Kapitalwert des Pools ist negativ ({npv}); der "
        "Nukleolus ist nur definiert, wenn keine Aufteilung ein Mitglied schlechter stellen "
        "muss als den Status quo; erwartet: ein Pool mit Kapitalwert ≥ 0 oder ein anderer "
        "Kostenschlüssel",
        "cooperation option {option}: the pool's net present value is negative ({npv}); the "
        "nucleolus is defined only when no split has to leave a member worse off than the "
        "status quo; expected: a pool with a net present value ≥ 0 or another cost key",
    ),
    "sharing.field_unknown": (
        "Handlungsfeld: unbekannt {field!r}; erwartet: {known}",
        "field: unknown {field!r}; expected: {known}",
    ),
    "sharing.option_unknown": (
        "Kooperationsoption {option!r}: unbekannt; erwartet: eine Option der Analyse oder "
        "feld/rechtsform/a+b+c (wie der Koalitionsfinder sie nennt)",
        "cooperation option {option!r}: unknown; expected: an option of the analysis or "
        "field/form/a+b+c (as the coalition finder names them)",
    ),
    "sharing.option_field_unknown": (
        "Kooperationsoption {option!r}: Handlungsfeld {field!r} unbekannt; erwartet: {known}",
        "cooperation option {option!r}: unknown field {field!r}; expected: {known}",
    ),
    "sharing.option_form_mismatch": (
        "Kooperationsoption {option!r}: Rechtsform {form!r} passt nicht zum Handlungsfeld "
        "{field}; erwartet: {known}",
        "cooperation option {option!r}: legal form {form!r} does not fit field {field}; "
        "expected: {known}",
    ),
    "sharing.option_body_unknown": (
        "Kooperationsoption {option!r}: Körperschaft {bodies} unbekannt; erwartet: Kennungen "
        "aus bodies.csv ({known})",
        "cooperation option {option!r}: unknown body {bodies}; expected: ids of bodies.csv "
        "({known})",
    ),
    "sharing.option_body_outside": (
        "Kooperationsoption {option!r}: {bodies} nimmt nach den Optionsregeln nicht teil "
        "(options.join, options.stay_out); erwartet: Körperschaften, die beteiligt sind "
        "({taking})",
        "cooperation option {option!r}: {bodies} takes no part under the option rules "
        "(options.join, options.stay_out); expected: bodies that take part ({taking})",
    ),
    "sharing.option_one_partner": (
        "Kooperationsoption {option!r}: nur ein Partner; erwartet: mindestens zwei, verbunden "
        "mit +",
        "cooperation option {option!r}: only one partner; expected: at least two, joined by +",
    ),
    "sharing.option_tie_excludes": (
        "Kooperationsoption {option!r}: eine bestehende Kooperation im Handlungsfeld {field} "
        "schließt diesen Partnerkreis aus (bereits verwirklicht oder sie würde geteilt); "
        "erwartet: ein anderer Partnerkreis",
        "cooperation option {option!r}: an existing cooperation in field {field} rules out "
        "this set of partners (already in place, or it would be split); expected: another "
        "set of partners",
    ),
    "sharing.option_excluded": (
        "Kooperationsoption {option!r}: im Ausschluss-Schritt ausgeschieden: {reasons}",
        "cooperation option {option!r}: excluded by the knock-out stage: {reasons}",
    ),
    # --- potential sharing (potential.sharing.tables) ------------------------------------------
    "sharing.id_not_text": (
        "{what}: {value!r} ist keine Kennung; erwartet: eine Kennung (Text)",
        "{what}: {value!r} is not an id; expected: an id (text)",
    ),
}
