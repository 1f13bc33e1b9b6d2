"""Texts of the sources list (:func:`potential.provenance.sources_table`)."""

MESSAGES = {
    "provenance.population_unit": ("Einwohner am {date}", "inhabitants at {date}"),
}
