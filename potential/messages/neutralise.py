"""Messages of neutralised content (:mod:`potential.survey.macros`)."""

MESSAGES = {
    "neutralise.macros": (
        "enthält Makros ({part}); erwartet: eine Arbeitsmappe ohne Makros (.xlsx), in Excel "
        "als »Excel-Arbeitsmappe (*.xlsx)« gespeichert",
        "contains macros ({part}); expected a workbook without macros (.xlsx), saved from "
        "Excel as 'Excel Workbook (*.xlsx)'",
    ),
}
