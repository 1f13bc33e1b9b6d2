"""Messages of the Wirtschaftlichkeitsvergleich (:mod:`potential.economics`)."""

MESSAGES = {
    # what a checked value is (the first part of a message: "Zinssatz: erwartet ...")
    "economics.what.discount_rate": ("Zinssatz", "discount rate"),
    "economics.what.horizon": ("Betrachtungszeitraum", "horizon"),
    "economics.what.years": ("Jahre", "years"),
    "economics.what.ramp_up": ("Anlaufprofil", "ramp-up"),
    "economics.what.flows": ("Zahlungsströme", "flows"),
    "economics.what.parameter": ("Parameter {name!r}", "parameter {name!r}"),
    "economics.rate_number": (
        "{what}: erwartet: eine Zahl wie 0.009, gefunden: {rate!r}",
        "{what}: expected a number such as 0.009, got {rate!r}",
    ),
    "economics.rate_range": (
        "{what}: erwartet: ein Zinssatz von 0 oder mehr (ein Anteil, z. B. 0.009 für "
        "0,9 % p. a.), gefunden: {rate!r}",
        "{what}: expected a rate of 0 or more (a share, e.g. 0.009 for 0.9 % p.a.), got {rate!r}",
    ),
    "economics.years": (
        "{what}: erwartet: eine ganze Zahl von Jahren, mindestens {least}, gefunden: {years!r}",
        "{what}: expected a whole number of years of at least {least}, got {years!r}",
    ),
    "economics.years_range": (
        "{what}: erwartet: eine ganze Zahl von Jahren, {least} bis {most}; gefunden: {years!r}",
        "{what}: expected a whole number of years from {least} to {most}, got {years!r}",
    ),
    "economics.flows_numbers": (
        "{what}: erwartet: Zahlen (EUR) für die Jahre 0..T",
        "{what}: expected numbers (EUR) for the years 0..T",
    ),
    "economics.flows_empty": (
        "{what}: erwartet: die Zahlungsströme der Jahre 0..T (mindestens Jahr 0)",
        "{what}: expected the flows of years 0..T (at least year 0)",
    ),
    "economics.flows_finite": (
        "{what}: erwartet: endliche Zahlen (kein NaN, nicht unendlich)",
        "{what}: expected finite numbers (no NaN or infinity)",
    ),
    "economics.ramp_up_numbers": (
        "{what}: erwartet: durch Kommas getrennte Anteile, z. B. 0.5,0.8,1; gefunden: {profile!r}",
        "{what}: expected shares separated by commas, e.g. 0.5,0.8,1; got {profile!r}",
    ),
    "economics.ramp_up_empty": (
        "{what}: erwartet: mindestens ein Anteil, z. B. 1 (volle Einsparung sofort)",
        "{what}: expected at least one share, e.g. 1 (full saving at once)",
    ),
    "economics.ramp_up_range": (
        "{what}: jeder Anteil muss zwischen 0 und 1 liegen, gefunden: {profile!r}",
        "{what}: every share must lie between 0 and 1, got {profile!r}",
    ),
    "economics.ramp_up_decreasing": (
        "{what}: die Anteile dürfen nicht abnehmen, gefunden: {profile!r}",
        "{what}: the shares must not decrease, got {profile!r}",
    ),
    "economics.ramp_up_end": (
        "{what}: das Profil muss im letzten Jahr 1 erreichen (die volle Einsparung), "
        "gefunden: {profile!r}; z. B. 0.5,0.8,1",
        "{what}: the profile must reach 1 (the full saving) in its last year, got "
        "{profile!r}; e.g. 0.5,0.8,1",
    ),
    "economics.share": (
        "{what}: erwartet: ein Anteil zwischen 0 und 1, gefunden: {value:g}",
        "{what}: expected a share between 0 and 1, got {value:g}",
    ),
    "economics.vat_binding_date": (
        "Parameter 'vat_binding_date': erwartet: ein Datum (JJJJ-MM-TT)",
        "parameter 'vat_binding_date': expected a date (YYYY-MM-DD)",
    ),
    "economics.out_of_range": (
        "Parameter 'double_running_months' (≥ 0) und 'price_change_rate' (> -1) außerhalb "
        "des zulässigen Bereichs",
        "parameters 'double_running_months' (≥ 0) and 'price_change_rate' (> -1) out of range",
    ),
    "economics.unknown_setting": (
        "economics: unbekannte Einstellung(en) {unknown}; erwartet: {known}",
        "economics: unknown setting(s) {unknown}; expected {known}",
    ),
    "economics.grant": (
        "grant: erwartet: true oder false, gefunden: {value!r}",
        "grant: expected true or false, got {value!r}",
    ),
}
