"""Messages of the report and of the fixed texts (:mod:`potential.report`,
:mod:`potential.labels`, the questionnaire's :mod:`potential.survey.layout`)."""

MESSAGES = {
    "labels.unknown_lang": (
        "unbekannte Sprache {language!r}; erwartet: eine von {known}",
        "unknown language {language!r}; expected one of {known}",
    ),
    "report.not_the_runs": (
        "analysis: nicht die Analyse des Szenariolaufs; eines von beiden angeben",
        "analysis: not the scenario run's; give one of the two",
    ),
    "report.nothing": (
        "build_report: eine Analyse oder einen Szenariolauf angeben",
        "build_report: give an analysis or a scenario run",
    ),
    "report.no_flows": (
        "die Analyse hat keine Zahlungsströme (Analysis.flows ist None)",
        "the analysis has no cash flows (Analysis.flows is None)",
    ),
}
