"""Messages of the rank-reversal check (:mod:`potential.mcda.reversal`)."""

MESSAGES = {
    # the progress bar of ``compare-methods --rank-reversal`` (stderr)
    "reversal.bar": ("Rangumkehr", "Rank reversal"),
    "reversal.unit_method": ("Verfahren", "method"),
    "reversal.no_noise": (
        "die Prüfung auf Rangumkehr kann die Alternative {alternative!r} nicht verschlechtern: "
        "ihr Spielraum ist bei jedem Kriterium null",
        "the rank-reversal check cannot worsen alternative {alternative!r}: its room is zero "
        "on every criterion",
    ),
    "reversal.unknown_engine": (
        "unbekannte Rechenweise {engine!r} der Prüfung auf Rangumkehr; erwartet: {known}",
        "unknown rank-reversal engine {engine!r}; expected one of {known}",
    ),
}
