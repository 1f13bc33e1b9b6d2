"""Messages of folder locks (:mod:`potential.locking`)."""

MESSAGES = {
    "locking.held": (
        "der Ordner wird gerade von einem anderen Lauf beschrieben ({holder}); erwartet: "
        "dass dieser Lauf endet. Warten Sie, bis er fertig ist, und starten Sie dann neu "
        "(Wartezeit: Umgebungsvariable POTENTIAL_LOCK_WAIT in Sekunden)",
        "the folder is being written by another run ({holder}); expected that run to end. "
        "Wait until it has finished, then start again (wait: environment variable "
        "POTENTIAL_LOCK_WAIT in seconds)",
    ),
    "locking.holder": (
        "Prozess {pid} auf {host} seit {since}",
        "process {pid} on {host} since {since}",
    ),
    "locking.holder_unknown": ("Prozess unbekannt", "process unknown"),
}
