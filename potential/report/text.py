"""The report's sentences in German (default) and English, and number formatting.

Every sentence of the report is here, keyed by a short name, as a pair (German, English)
with ``str.format`` placeholders. Numbers are formatted German-style for ``lang="de"``
(``1.234,5``; ``21,0 %``; ``25.11.2026``) and English-style for ``lang="en"``
(``1,234.5``; ``21.0%``; ``2026-11-25``).
"""

from __future__ import annotations

import datetime as dt
import math

from potential.labels import LANGS
from potential.messages import message

#: key → (German, English)
TEXT = {
    # --- title and summary ---------------------------------------------------------------
    "title": (
        "Potenzialanalyse interkommunaler Zusammenarbeit im E-Government",
        "Potential analysis of inter-municipal cooperation in eGovernment",
    ),
    "subtitle": ("{dataset} – Stand {date}", "{dataset} – as of {date}"),
    "subtitle_scenario": (
        "{dataset} – Szenario „{scenario}“ – Stand {date}",
        "{dataset} – scenario “{scenario}” – as of {date}",
    ),
    "contents": ("Inhalt", "Contents"),
    "h_summary": ("Auf einen Blick", "At a glance"),
    "summary_options": (
        "{bodies} Körperschaften, {options} Kooperationsoptionen in {fields} Handlungsfeldern, "
        "bewertet nach {criteria} Kriterien mit dem Verfahren „{method}“.",
        "{bodies} bodies, {options} cooperation options in {fields} fields, assessed on "
        "{criteria} criteria by the method “{method}”.",
    ),
    "summary_joint": (
        "Gemeinsam am besten (alle Beteiligten gewinnen): {option}.",
        "Best together (every member gains): {option}.",
    ),
    "summary_joint_none": (
        "Keine Kooperationsoption stellt alle ihre Mitglieder besser als den Alleingang.",
        "No cooperation option leaves all its members better off than going it alone.",
    ),
    "summary_estimates": (
        "{assumptions} von {total} Zahlen und Gewichten sind Annahmen oder Schätzungen, "
        "keine Messwerte; die Ergebnisse zeigen Größenordnungen und Richtungen, keine "
        "Haushaltszahlen.",
        "{assumptions} of {total} figures and weights are assumptions or estimates, not "
        "measurements; the results show orders of magnitude and directions, not budget "
        "figures.",
    ),
    "summary_smaa": (
        "Wie sicher die besten Optionen bei anderen Gewichten oder Zahlen bleiben, zeigt "
        "Abschnitt 7.",
        "Section 7 shows how sure the best options stay under other weights or figures.",
    ),
    "summary_no_smaa": (
        "Wie sicher die besten Optionen bei anderen Gewichten bleiben, wurde nicht berechnet "
        "(Abschnitt 7).",
        "How sure the best options stay under other weights was not computed (section 7).",
    ),
    # --- 1. what was analysed ------------------------------------------------------------
    "h_scope": ("1. Was untersucht wurde", "1. What was analysed"),
    "scope_intro": (
        "Datensatz: {dataset} (Kennung {id}). Stichtag: {date} – an diesem Tag werden die "
        "gesetzlichen Pflichten und die Umsatzsteuerregeln beurteilt.",
        "Dataset: {dataset} (id {id}). Reference date: {date} – the legal duties and the VAT "
        "rules are judged at this date.",
    ),
    "scope_question": (
        "Die Frage je Körperschaft: Welche Kooperation (Handlungsfeld × Rechtsform × Partner) "
        "bringt ihr am meisten, und warum? Und für alle gemeinsam: Welche Kooperationen "
        "stellen jedes beteiligte Mitglied besser als den Alleingang?",
        "The question for each body: which cooperation (field × legal form × partners) pays "
        "most, and why? And for all together: which cooperations leave every member better "
        "off than going it alone?",
    ),
    "h_bodies": ("Die Körperschaften", "The bodies"),
    "bodies_intro": (
        "{n} Körperschaften werden bewertet, jede mit ihren eigenen Optionen.",
        "{n} bodies are assessed, each on its own options.",
    ),
    "bodies_out": (
        "Nicht beteiligt (nach den Optionsregeln) und daher nicht bewertet: {names}.",
        "Taking no part (under the option rules) and therefore not assessed: {names}.",
    ),
    "col_name": ("Körperschaft", "Body"),
    "col_kind": ("Art", "Kind"),
    "col_population": ("Einwohner", "Inhabitants"),
    "col_population_date": ("Stand", "As of"),
    "h_fields": ("Handlungsfelder und Rechtsformen", "Fields and legal forms"),
    "fields_intro": (
        "Eine Kooperationsoption ist ein Handlungsfeld mit einer dazu passenden Rechtsform und "
        "einem Kreis von Partnern. Der Alleingang (keine Kooperation) ist der Vergleichspunkt.",
        "A cooperation option is a field with a legal form that fits it and a set of partners. "
        "Going it alone (no cooperation) is the point of comparison.",
    ),
    "col_field": ("Handlungsfeld", "Field"),
    "col_forms": ("Mögliche Rechtsformen", "Possible legal forms"),
    "col_options": ("Optionen", "Options"),
    "col_form": ("Rechtsform", "Legal form"),
    "col_law": ("Rechtsgrundlage", "Legal basis"),
    "fields_none": (
        "{fields}: keine Option, weil eine bestehende Kooperation das Feld schon vollständig "
        "abdeckt oder die Optionsregeln es ausschließen.",
        "{fields}: no option, because an existing cooperation already covers the field "
        "completely or the option rules leave it out.",
    ),
    "h_scenario": ("Szenario", "Scenario"),
    "scenario_intro": ("Szenario „{title}“ (Kennung {name}).", "Scenario “{title}” (id {name})."),
    "scenario_changes": (
        "Was das Szenario gegenüber dem Datensatz und dem Kriterienmodell ändert:",
        "What the scenario changes in the dataset and the criteria model:",
    ),
    "scenario_options": (
        "Das Szenario ändert, welche Optionen gebildet werden (docs/scenarios.md, Abschnitt 7):",
        "The scenario changes which options are generated (docs/scenarios.md, section 7):",
    ),
    "param_group_weight": ("Gewicht der Gruppe", "Weight of the group"),
    "param_criterion_weight": ("Gewicht des Kriteriums", "Weight of the criterion"),
    "scenario_no_changes": (
        "Das Szenario ändert keine Zahlen und keine Gewichte.",
        "The scenario changes no figures and no weights.",
    ),
    "no_scenario": (
        "Kein Szenario: Daten und Gewichte wie im Datensatz und im Kriterienmodell.",
        "No scenario: data and weights as in the dataset and the criteria model.",
    ),
    "col_changed": ("Was", "What"),
    "col_item": ("Wofür", "For"),
    "col_old": ("Bisher", "Before"),
    "col_new": ("Neu", "Now"),
    "col_rule": ("Regel", "Rule"),
    "col_basis": ("Quelle oder Annahme", "Source or assumption"),
    # --- 2. method -----------------------------------------------------------------------
    "h_method": ("2. Methode und Gewichte", "2. Method and weights"),
    "method_criteria": (
        "Jede Option wird für jede beteiligte Körperschaft nach {n} Kriterien in {groups} "
        "Gruppen bewertet. Jedes Kriterium misst, was die Option gegenüber dem Alleingang "
        "ändert. Die Gewichte sagen, wie viel jedes Kriterium zählt; zusammen ergeben sie "
        "100 %.",
        "For every body taking part, each option is assessed on {n} criteria in {groups} "
        "groups. Each criterion measures what the option changes compared with going it "
        "alone. The weights say how much each criterion counts; together they make 100%.",
    ),
    "col_group": ("Gruppe", "Group"),
    "col_group_weight": ("Gewicht der Gruppe", "Weight of the group"),
    "col_criterion": ("Kriterium", "Criterion"),
    "col_direction": ("Besser ist", "Better is"),
    "col_unit": ("Einheit", "Unit"),
    "col_weight": ("Gewicht", "Weight"),
    "more": ("mehr", "more"),
    "less": ("weniger", "less"),
    "weights_assumption": (
        "Die Gewichte sind eine Annahme: {text}",
        "The weights are an assumption: {text}",
    ),
    "weights_source": ("Quelle der Gewichte: {text}", "Source of the weights: {text}"),
    "weights_bodies": (
        "Eigene Gewichte haben: {names}. Für sie gelten andere Gewichte als in der Tabelle.",
        "Own weights: {names}. Other weights than those in the table apply to them.",
    ),
    "method_name": ("Verfahren: {name}. {sentence}", "Method: {name}. {sentence}"),
    "method_score_fixed": (
        "Punktwert: eine Zahl zwischen 0 und 1 – je höher, desto besser. Jedes Kriterium wird "
        "auf einer festen Skala gemessen, die für alle Körperschaften gleich ist: der "
        "schlechteste Ankerwert gibt 0, der beste 1 (die Anker und ihre Begründung stehen im "
        "Kriterienmodell). Der Punktwert einer Option hängt daher nur von ihren eigenen Werten "
        "und den Gewichten ab. Ein Wert jenseits eines Ankers zählt wie der Anker; das "
        "betrifft {clipped} von {rows} Bewertungen (Spalte „Außerhalb der Skala“ in "
        "ranking.xlsx).",
        "Score: a number between 0 and 1 – the higher, the better. Each criterion is measured "
        "on a fixed scale, the same for every body: the worst anchor gives 0, the best 1 (the "
        "criteria model gives the anchors and their rationale). An option's score therefore "
        "depends on its own values and the weights only. A value beyond an anchor counts as "
        "the anchor; this concerns {clipped} of {rows} assessments (column “Beyond the scale” "
        "in ranking.xlsx).",
    ),
    "method_score": (
        "Punktwert: eine Zahl zwischen 0 und 1, die nur die Optionen derselben Körperschaft "
        "vergleicht – je höher, desto besser. Punktwerte verschiedener Körperschaften sind "
        "nicht vergleichbar, weil jede an ihren eigenen Optionen gemessen wird.",
        "Score: a number between 0 and 1 that compares only the options of the same body – "
        "the higher, the better. Scores of different bodies cannot be compared, because each "
        "body is measured against its own options.",
    ),
    "method_benefit": (
        "Vorteil gegenüber Alleingang: Punktwert der Option minus Punktwert des Alleingangs "
        "derselben Körperschaft. Ist er größer als null, steht die Körperschaft mit der "
        "Kooperation besser da als allein.",
        "Benefit over stand-alone: the option's score minus the score of going it alone, for "
        "the same body. Above zero, the body is better off cooperating than alone.",
    ),
    "method_estimates": (
        "Was geschätzt ist: Von {total} Zahlen und Gewichten sind {sources} mit einer Quelle "
        "belegt, {reported} von den Körperschaften gemeldet und {assumptions} Annahmen "
        "(jede mit Begründung; alle listet der Befehl potential data sources). {estimated}",
        "What is estimated: of {total} figures and weights, {sources} carry a source, "
        "{reported} were reported by the bodies and {assumptions} are assumptions (each with "
        "its rationale; the command potential data sources lists them all). {estimated}",
    ),
    "method_estimated_all": (
        "Kosten und Personal aller Körperschaften sind aus der Einwohnerzahl geschätzt, "
        "solange keine eigenen Zahlen gemeldet sind.",
        "The cost and staff of every body are estimated from its population until it reports "
        "its own figures.",
    ),
    "method_estimated_part": (
        "Bei {share} der bewerteten Zeilen sind Kosten oder Personal aus der Einwohnerzahl "
        "geschätzt.",
        "In {share} of the rows assessed, cost or staff are estimated from the population.",
    ),
    "method_estimated_none": (
        "Kosten und Personal stammen bei allen Körperschaften aus eigenen Meldungen.",
        "The cost and staff of every body come from its own reports.",
    ),
    "method_docs": (
        "Alle Formeln und Parameter beschreibt docs/method.md.",
        "Every formula and parameter is described in docs/method.md.",
    ),
    # --- 3. results per body -------------------------------------------------------------
    "h_results": ("3. Ergebnisse je Körperschaft", "3. Results per body"),
    "results_intro": (
        "Für jede Körperschaft ihre drei besten Optionen: Punktwert, Vorteil gegenüber dem "
        "Alleingang und die zwei Kriterien, die die Option am meisten tragen.",
        "For each body its three best options: score, benefit over stand-alone and the two "
        "criteria that carry the option most.",
    ),
    "h_overview": (
        "Überblick: bester Punktwert je Handlungsfeld",
        "Overview: best score per field",
    ),
    "overview_intro": (
        "Die Tabelle zeigt für jede Körperschaft den Punktwert ihrer besten Option in jedem "
        "Handlungsfeld (– : keine Option). Verglichen wird nur innerhalb einer Zeile.",
        "The table shows, for each body, the score of its best option in each field "
        "(– : no option). Compare within a row only.",
    ),
    "fig_heatmap": (
        "Bester Punktwert je Körperschaft und Handlungsfeld",
        "Best score per body and field",
    ),
    "col_rank": ("Rang", "Rank"),
    "col_option": ("Kooperationsoption", "Cooperation option"),
    "col_score": ("Punktwert", "Score"),
    "col_benefit": ("Vorteil gegenüber Alleingang", "Benefit over stand-alone"),
    "col_carried": ("Getragen vor allem von", "Carried most by"),
    "col_npv": ("Kapitalwert", "Net present value"),
    "best_option": (
        "Beste Option: {option} (Punktwert {score}; Vorteil gegenüber Alleingang {benefit}). "
        "Sie wird vor allem getragen von {first} und {second}.",
        "Best option: {option} (score {score}; benefit over stand-alone {benefit}). It is "
        "carried most by {first} and {second}.",
    ),
    "best_alone": (
        "Am besten ist der Alleingang: keine Kooperationsoption schneidet für diese "
        "Körperschaft besser ab.",
        "Going it alone is best: no cooperation option scores better for this body.",
    ),
    "carried": ("{criterion} ({share})", "{criterion} ({share})"),
    "share_of_score": ("{share} des Punktwerts", "{share} of the score"),
    "share_of_value": ("{share} der gewichteten Werte", "{share} of the weighted values"),
    "method_verdict": (
        "Geld und Punkte stehen nebeneinander, wie in der WiBe: der Kapitalwert (Euro) und die "
        "qualitativen Punkte (0–100, nur die Kriterien, die kein Geld sind). Die Rangfolge "
        "ergibt sich aus der Gesamtpunktzahl, in der der Kapitalwert je Einwohner auf seiner "
        "festen Skala ein Kriterium ist. Entscheidungsregel: Eine Option ist "
        "„wirtschaftlich“, wenn sie mehr Punkte als der Alleingang erreicht und ihr "
        "Kapitalwert positiv ist; erreicht sie mehr Punkte bei nicht positivem Kapitalwert, "
        "ist sie „nur qualitativ begründet“ – der Rat müsste den Verlust bewusst tragen.",
        "Money and points stand side by side, as in WiBe: the net present value (euros) and "
        "the qualitative points (0–100, only the criteria that are not money). The order "
        "follows the total score, in which the net present value per inhabitant on its fixed "
        "scale is one criterion. Decision rule: an option is 'economic' if it scores more than "
        "going on alone and its net present value is positive; if it scores more with a net "
        "present value that is not positive, it is 'qualitative only' – the council would "
        "have to bear the loss knowingly.",
    ),
    "tradeoffs_intro": (
        "Was die Gewichte implizit gleichsetzen: 1 Punkt (ein Hundertstel der Skala) "
        "entspricht {point} € Kapitalwert je Einwohner, für {body} {eur} €. Die volle Spanne "
        "jedes Kriteriums wiegt so viel wie:",
        "What the weights implicitly equate: 1 point (a hundredth of the scale) equals "
        "{point} € of net present value per inhabitant, {eur} € for {body}. The whole span of "
        "each criterion weighs as much as:",
    ),
    "h_excluded": ("Ausgeschlossene Optionen", "Excluded options"),
    "excluded_intro": (
        "Vor der Bewertung schließt eine K.-o.-Stufe {n} Optionen aus, die unzulässig oder "
        "nicht umsetzbar sind; jede steht mit Grund, Rechtsgrundlage und Quelle in "
        "excluded.csv und auf dem Blatt „Ausgeschlossen“.",
        "Before scoring, a knock-out stage excludes {n} options that are inadmissible or "
        "infeasible; each is listed with its reason, legal basis and source in excluded.csv "
        "and on the sheet 'Excluded'.",
    ),
    "excluded_none": (
        "Die K.-o.-Stufe hat keine Option ausgeschlossen.",
        "The knock-out stage excluded no option.",
    ),
    "rule_bereits_verwirklicht": ("bereits verwirklicht", "already realised"),
    "rule_bestehende_kooperation_teilen": (
        "teilt eine bestehende Kooperation",
        "splits an existing cooperation",
    ),
    "rule_austritt_unbekannt": ("Austritt zu unbekannten Bedingungen", "exit on unknown terms"),
    "col_reason_example": ("Grund (Beispiel)", "Reason (example)"),
    "col_quality": ("Qualitative Punkte", "Qualitative points"),
    "col_verdict": ("Bewertung", "Verdict"),
    "alone_rank": (
        "Der Alleingang liegt auf Rang {rank} von {n}.",
        "Going it alone ranks {rank} of {n}.",
    ),
    "fig_contributions": (
        "{body}: was die besten Optionen trägt (Beitrag jedes Kriteriums zum Punktwert)",
        "{body}: what carries the best options (contribution of each criterion to the score)",
    ),
    # --- 4. Wirtschaftlichkeitsvergleich -------------------------------------------------
    "h_economics": ("4. Wirtschaftlichkeitsvergleich", "4. Economic comparison"),
    "economics_intro": (
        "Der Wirtschaftlichkeitsvergleich rechnet für jede Kooperationsoption Jahr für Jahr, "
        "was sie eine Körperschaft gegenüber dem Status quo (dem Alleingang) kostet oder "
        "einbringt: Einsparungen bei Sach- und Personalkosten (beim Personal nur durch "
        "Abgänge, ohne Kündigungen), die laufenden Kosten der Kooperationsform, die "
        "Umsatzsteuer auf das Entgelt, Einmalkosten für Gründung, Migration, Austritt und "
        "Doppelbetrieb und, wenn angesetzt, die Förderung. Die Beträge späterer Jahre werden "
        "abgezinst und zum Kapitalwert aufsummiert. Ein Kapitalwert über 0 € heißt: über den "
        "Betrachtungszeitraum besser als allein. Das Vorgehen folgt der Arbeitsanleitung des "
        "BMF zu Wirtschaftlichkeitsuntersuchungen; alle Formeln stehen in docs/method.md, "
        "Abschnitt 5.",
        "The economic comparison works out, year by year, what each cooperation option costs "
        "or brings a body compared with the status quo (going it alone): savings on material "
        "and personnel cost (personnel only through staff leaving, no dismissals), the running "
        "cost of the legal form, the VAT on the payment, one-off cost of setup, migration, "
        "exit and double running and, if counted, the grant. The amounts of later years are "
        "discounted and added up to the net present value. A net present value above 0 € "
        "means: better than alone over the horizon. The approach follows the BMF guide to "
        "economic appraisals; docs/method.md, section 5, states every formula.",
    ),
    "economics_settings": ("Gerechnet wurde mit:", "The settings:"),
    "economics_setting": ("{label}: {value} ({basis})", "{label}: {value} ({basis})"),
    "economics_sources": (
        "Die Quellen stehen in Abschnitt 8; die Begründung jeder Annahme zeigt der Befehl "
        "potential data sources und das Blatt „Quellen“ in ranking.xlsx.",
        "Section 8 lists the sources; the command potential data sources and the sheet "
        "“Sources” in ranking.xlsx give the rationale of every assumption.",
    ),
    "economics_grant_off": (
        "Die IKZ-Förderung ist nicht angesetzt, weil auf sie kein Anspruch besteht. Mit "
        "Förderung, wo ihre Bedingungen erfüllt sind, zeigt der Kapitalwert die Spalte "
        "„Kapitalwert mit Förderung“ (ranking.csv, Blatt „Wirtschaftlichkeit“); "
        "potential analyse --grant rechnet ganz mit ihr.",
        "The IKZ grant is not counted, because there is no entitlement to it. The column “Net "
        "present value with grant” (ranking.csv, sheet “Economics”) shows the value with it "
        "where its conditions hold; potential analyse --grant counts it throughout.",
    ),
    "economics_grant_on": (
        "Die IKZ-Förderung ist angesetzt, wo ihre Bedingungen erfüllt sind; auf sie besteht "
        "kein Anspruch.",
        "The IKZ grant is counted where its conditions hold; there is no entitlement to it.",
    ),
    "economics_best": (
        "Je Körperschaft ihre beste Kooperationsoption nach dem Rang (Abschnitt 3) und was sie "
        "in Euro bedeutet:",
        "For each body its best cooperation option by rank (section 3) and what it means in "
        "euros:",
    ),
    "col_annuity": ("Annuität (je Jahr)", "Annuity (a year)"),
    "col_payback": ("Amortisation (dynamisch)", "Payback (discounted)"),
    "col_burden": ("Größte Jahresbelastung", "Largest yearly burden"),
    "economics_terms": (
        "Annuität: der gleich hohe Betrag je Jahr mit demselben Kapitalwert. Amortisation: das "
        "erste Jahr, ab dem die aufsummierten Barwerte nicht mehr unter 0 fallen. Größte "
        "Jahresbelastung: der größte Fehlbetrag eines einzelnen Jahres (meist im Jahr der "
        "Umstellung), den der Haushalt finanzieren muss.",
        "Annuity: the same amount every year with the same net present value. Payback: the "
        "first year from which the summed present values no longer fall below 0. Largest "
        "yearly burden: the largest shortfall of a single year (mostly the year of the "
        "switch), which the budget must finance.",
    ),
    "economics_negative": (
        "Bei {negative} von {total} bewerteten Kooperationsoptionen (Körperschaft × Option) "
        "ist der Kapitalwert negativ: Sie kosten die Körperschaft über {horizon} mehr, als "
        "sie einbringen.",
        "{negative} of {total} cooperation options assessed (body × option) have a negative "
        "net present value: over {horizon} they cost the body more than they bring.",
    ),
    "economics_negative_none": (
        "Keine der {total} bewerteten Kooperationsoptionen hat einen negativen Kapitalwert.",
        "None of the {total} cooperation options assessed has a negative net present value.",
    ),
    "economics_vat": (
        "Bei {n} davon macht erst die Umsatzsteuer auf das Entgelt (§ 2b UStG) aus einem "
        "Vorteil einen Nachteil: Ohne sie wäre der Kapitalwert positiv. Das betrifft vor "
        "allem {where}.",
        "For {n} of them it is the VAT on the payment (§ 2b UStG) that turns a gain into a "
        "loss: without it the net present value would be positive. This concerns above all "
        "{where}.",
    ),
    "economics_vat_none": (
        "Die Umsatzsteuer auf das Entgelt (§ 2b UStG) macht bei keiner Option aus einem "
        "Vorteil einen Nachteil.",
        "The VAT on the payment (§ 2b UStG) turns a gain into a loss for no option.",
    ),
    "economics_vat_where": ("{field} als {form} ({n}-mal)", "{field} as {form} ({n} times)"),
    "h_annex": ("Beispiel: {body}", "Example: {body}"),
    "annex_intro": (
        "So sieht der Vergleich für die beste Kooperationsoption von {body} aus: {option}. "
        "Beträge in Euro, Differenz zum Status quo; Jahr 0 ist der Beginn am {start}, die "
        "Zahlungen späterer Jahre fallen an deren Ende an. Alle Körperschaften mit ihren drei "
        "besten Optionen, den Einzelposten und dem Status quo stehen in ranking.xlsx (Blätter "
        "„WV …“).",
        "This is the comparison for the best cooperation option of {body}: {option}. Amounts "
        "in euros, difference to the status quo; year 0 is the start on {start}, the payments "
        "of later years fall at their end. Every body with its three best options, every item "
        "and the status quo are in ranking.xlsx (sheets “Economics …”).",
    ),
    "annex_position": ("Position (€)", "Item (€)"),
    "annex_year": ("Jahr {t}", "Year {t}"),
    "annex_result": (
        "Kapitalwert {npv}, Annuität {annuity} je Jahr, Amortisation {payback}, größte "
        "Jahresbelastung {burden}.",
        "Net present value {npv}, annuity {annuity} a year, payback {payback}, largest yearly "
        "burden {burden}.",
    ),
    "summary_economics": (
        "In Euro (Kapitalwert über {horizon}, Zinssatz {rate}) bringt die beste "
        "Kooperationsoption je Körperschaft zwischen {low} und {high}; {negative} von {total} "
        "bewerteten Optionen haben einen negativen Kapitalwert (Abschnitt 4).",
        "In euros (net present value over {horizon}, discount rate {rate}) the best "
        "cooperation option of each body brings between {low} and {high}; {negative} of "
        "{total} options assessed have a negative net present value (section 4).",
    ),
    "euro": ("{value} €", "€{value}"),
    # --- 5. joint view -------------------------------------------------------------------
    "h_joint": ("5. Gemeinsame Sicht", "5. Joint view"),
    "joint_intro": (
        "Eine Kooperation gelingt nur, wenn jedes Mitglied etwas davon hat. Die Tabelle zeigt "
        "die Optionen, bei denen alle Mitglieder besser dastehen als allein, geordnet nach dem "
        "kleinsten Vorteil eines Mitglieds (zuerst die Optionen, die niemanden zurücklassen), "
        "dann nach der Summe der Vorteile.",
        "A cooperation works only if every member gains. The table shows the options that "
        "leave every member better off than alone, ordered by the smallest benefit of any "
        "member (options that leave no one behind first), then by the summed benefit.",
    ),
    "joint_count": (
        "Bei {gain} von {total} Kooperationsoptionen stehen alle Mitglieder besser da als "
        "allein. Die {n} besten:",
        "{gain} of {total} cooperation options leave every member better off than alone. "
        "The best {n}:",
    ),
    "joint_none": (
        "Keine Kooperationsoption stellt alle ihre Mitglieder besser als den Alleingang. Die "
        "{n} Optionen mit dem größten kleinsten Vorteil:",
        "No cooperation option leaves all its members better off than alone. The {n} options "
        "with the largest smallest benefit:",
    ),
    "joint_caveat": (
        "Vorteile verschiedener Körperschaften sind an deren eigenen Optionen gemessen; ihre "
        "Summe und ihr Minimum sind eine Faustregel, kein genauer Vergleich.",
        "The benefits of different bodies are measured against their own options; their sum "
        "and their minimum are a rule of thumb, not an exact comparison.",
    ),
    "col_consensus": ("Konsensrang", "Consensus rank"),
    "col_members": ("Mitglieder", "Members"),
    "col_min_benefit": ("Kleinster Vorteil", "Smallest benefit"),
    "col_sum_benefit": ("Summe der Vorteile", "Summed benefit"),
    "col_savings": ("Kapitalwerte zusammen (€)", "Net present values together (€)"),
    "joint_caveat_fixed": (
        "Summe und Minimum der Vorteile sind eine Faustregel, kein genauer Vergleich: "
        "Körperschaften können eigene Gewichte haben, und Punkte sind kein Geld. In Euro "
        "zeigt die letzte Spalte die Kapitalwerte der Mitglieder zusammen.",
        "The sum and the minimum of the benefits are a rule of thumb, not an exact comparison: "
        "bodies may have weights of their own, and points are not money. In euros, the last "
        "column shows the members' net present values together.",
    ),
    "h_map": ("Karte der Kooperationen", "Map of cooperations"),
    "fig_map": (
        "Bestehende Kooperationen (grau) und je Handlungsfeld die beste Option, bei der alle "
        "Mitglieder gewinnen (gestrichelt)",
        "Existing cooperations (grey) and, per field, the best option where every member "
        "gains (dashed)",
    ),
    "map_missing": (
        "Eine Karte fehlt: der Datensatz enthält keine Koordinaten der Körperschaften.",
        "No map: the dataset holds no coordinates of the bodies.",
    ),
    # --- 6. cost sharing -----------------------------------------------------------------
    "h_sharing": ("6. Kostenverteilung", "6. Cost sharing"),
    "sharing_intro": (
        "Eine Kooperation lohnt sich für den Pool ihrer Mitglieder, wenn sein Kapitalwert "
        "positiv ist. Ob sie sich für jedes Mitglied lohnt, entscheidet der Schlüssel, nach dem "
        "die Kosten des Pools verteilt werden. Dieser Abschnitt rechnet das für eine Option "
        "durch: {which}.",
        "A cooperation pays for the pool of its members when the pool's net present value is "
        "positive. Whether it pays for every member depends on the key by which the pool's "
        "cost is split. This section works this out for one option: {which}.",
    ),
    "sharing_which_best": (
        "die gemeinsame Option mit dem größten Kapitalwert des Pools, {option}",
        "the joint option with the largest pool net present value, {option}",
    ),
    "sharing_pool": (
        "Kapitalwert des Pools über {horizon} bei einem Zinssatz von {rate}: {pool}, so viel "
        "gewinnen die {n} Mitglieder zusammen gegenüber dem Status quo.",
        "Net present value of the pool over {horizon} at a discount rate of {rate}: {pool}, "
        "what the {n} members gain together against the status quo.",
    ),
    "sharing_split_more": (
        "In kleinere Gruppen aufgeteilt, erreichten dieselben Mitglieder zusammen {split}, "
        "also {diff} mehr als in einem Pool.",
        "Split into smaller groups, the same members would reach {split} together, {diff} "
        "more than in one pool.",
    ),
    "sharing_split_less": (
        "In kleinere Gruppen aufgeteilt, erreichten dieselben Mitglieder zusammen höchstens "
        "{split}.",
        "Split into smaller groups, the same members would reach at most {split} together.",
    ),
    "sharing_table": (
        "Kapitalwert jedes Mitglieds gegenüber dem Status quo unter jedem Schlüssel:",
        "Net present value of each member against the status quo under each key:",
    ),
    "sharing_unavailable": ("Nicht berechenbar: {items}.", "Could not be computed: {items}."),
    "sharing_reason_quantity": (
        "{note}",
        "the dataset lacks its quantity for some member (body_fields.csv)",
    ),
    "sharing_reason_other": ("{note}", "the pool's net present value is negative"),
    "sharing_keys": (
        "Je Schlüssel: ob jedes Mitglied besser dasteht als im Status quo und ob die "
        "Aufteilung im Kern liegt, also keine Teilgruppe allein mehr erreichte:",
        "Per key: whether every member is better off than in the status quo, and whether the "
        "split lies in the core, so that no subgroup would do better alone:",
    ),
    "sharing_keys_gain_all": (
        "Unter jedem der {n} berechneten Schlüssel steht jedes Mitglied besser da als im "
        "Status quo.",
        "Under each of the {n} keys computed, every member is better off than in the status quo.",
    ),
    "sharing_keys_gain": (
        "Jedes Mitglied steht besser da als im Status quo unter: {keys}.",
        "Every member is better off than in the status quo under: {keys}.",
    ),
    "sharing_keys_lose": (
        "Mindestens ein Mitglied steht schlechter da als im Status quo unter: {keys}.",
        "At least one member is worse off than in the status quo under: {keys}.",
    ),
    "sharing_keys_core": ("Im Kern liegen: {keys}.", "In the core: {keys}."),
    "sharing_keys_no_core": (
        "Keiner der Schlüssel liegt im Kern.",
        "None of the keys lies in the core.",
    ),
    "sharing_blocking": (
        "Unter dem Vollkostenschlüssel (Kosten des Status quo) fährt eine Teilgruppe allein "
        "besser: {group}. Ohne die übrigen Mitglieder erreichte sie {shortfall} mehr, als ihr im "
        "Pool zufällt.",
        "Under the full-cost key (status-quo cost) a subgroup does better alone: {group}. "
        "Without the other members it would reach {shortfall} more than it gets in the pool.",
    ),
    "sharing_blocking_none": (
        "Unter dem Vollkostenschlüssel (Kosten des Status quo) fährt keine Teilgruppe allein "
        "besser.",
        "Under the full-cost key (status-quo cost) no subgroup does better alone.",
    ),
    "sharing_group": ("{names} ({k} von {n} Mitgliedern)", "{names} ({k} of {n} members)"),
    "sharing_all_but": (
        "alle Mitglieder außer {names} ({k} von {n})",
        "every member but {names} ({k} of {n})",
    ),
    "sharing_shapley": (
        "Gemessen am Shapley-Wert (jedes Mitglied erhält seinen durchschnittlichen Beitrag zum "
        "Pool) begünstigt der Vollkostenschlüssel {plus} am stärksten ({plus_amount} über dem "
        "Shapley-Wert); {minus} gibt am meisten ab ({minus_amount} darunter). Was die einen "
        "mehr erhalten, geben die anderen ab: die Abweichungen summieren sich zu null.",
        "Measured against the Shapley value (each member receives its average contribution "
        "to the pool), the full-cost key favours {plus} most ({plus_amount} above the Shapley "
        "value); {minus} gives up most ({minus_amount} below). What some receive on top, the "
        "others give up: the differences sum to zero.",
    ),
    "sharing_shapley_equal": (
        "Der Vollkostenschlüssel gibt jedem Mitglied bis auf 1 € seinen Shapley-Wert (seinen "
        "durchschnittlichen Beitrag zum Pool).",
        "The full-cost key gives every member its Shapley value (its average contribution to "
        "the pool) to within €1.",
    ),
    "sharing_empty_core": (
        "Ist der Kern leer, bleiben dem Rat drei Wege: einen Schlüssel im kleinsten Kern "
        "vereinbaren (der Nukleolus liegt darin; keine Teilgruppe bleibt dann mehr als "
        "{epsilon} hinter dem zurück, was sie allein erreichte); mit der Teilgruppe beginnen, "
        "die allein besser fährt, und die übrigen Mitglieder später aufnehmen; oder "
        "Ausgleichszahlungen von außerhalb des Pools vereinbaren, denn innerhalb des Pools "
        "stellt keine Umverteilung alle Teilgruppen zufrieden. docs/sharing.md beschreibt "
        "diese Wege (Abschnitt 4), die Schlüssel und ein Rechenbeispiel.",
        "When the core is empty, the council has three ways: agree a key within the least "
        "core (the nucleolus lies in it; no subgroup then falls more than {epsilon} short of "
        "what it would reach alone); start with the subgroup that does better alone and admit "
        "the other members later; or agree side payments from outside the pool, since no "
        "redistribution within the pool satisfies every subgroup. docs/sharing.md describes "
        "these ways (section 4), the keys and a worked example.",
    ),
    "sharing_core": (
        "Ein Schlüssel im Kern (etwa der Nukleolus) lässt keine Teilgruppe allein besser "
        "fahren; ein Schlüssel außerhalb gibt einer Teilgruppe einen Grund, ohne die anderen zu "
        "kooperieren. docs/sharing.md beschreibt die Schlüssel, den Kern und ein "
        "Rechenbeispiel.",
        "A key in the core (the nucleolus, say) leaves no subgroup better off alone; a key "
        "outside it gives a subgroup a reason to cooperate without the others. docs/sharing.md "
        "describes the keys, the core and a worked example.",
    ),
    "sharing_command": (
        "Alle Schlüssel für die beste gemeinsame Option jedes Handlungsfelds rechnet der Befehl "
        "potential sharing (Dateien sharing.csv und sharing.xlsx).",
        "The command potential sharing computes every key for the best joint option of each "
        "field (files sharing.csv and sharing.xlsx).",
    ),
    "sharing_no_economics": (
        "Die Kostenverteilung braucht den Wirtschaftlichkeitsvergleich (Abschnitt 4); er "
        "wurde für diese Analyse nicht gerechnet.",
        "The cost sharing needs the economic comparison (section 4); it was not computed for "
        "this analysis.",
    ),
    "sharing_none": (
        "Keine gemeinsame Option hat einen positiven Kapitalwert des Pools: es gibt keinen "
        "Gewinn zu verteilen.",
        "No joint option has a positive pool net present value: there is no gain to share.",
    ),
    "sharing_failed": (
        "Die Kostenverteilung ließ sich nicht berechnen: {problem}",
        "The cost sharing could not be computed: {problem}",
    ),
    "col_member": ("Mitglied", "Member"),
    "col_key_name": ("Schlüssel", "Key"),
    "col_all_better": ("Alle besser als im Status quo", "Every member better off"),
    "col_in_core": ("Im Kern", "In the core"),
    "col_min_npv": ("Kleinster Kapitalwert eines Mitglieds", "Smallest member net present value"),
    "fig_sharing": (
        "Kapitalwert je Mitglied unter jedem Schlüssel: {option}",
        "Net present value per member under each key: {option}",
    ),
    # --- 7. uncertainty ------------------------------------------------------------------
    "h_uncertainty": ("7. Unsicherheit", "7. Uncertainty"),
    "smaa_intro": (
        "Die Bürgermeisterinnen und Bürgermeister werden sich nicht auf ein Gewicht einigen, "
        "und viele Zahlen sind Schätzungen. Deshalb wurde die Bewertung {n}-mal mit zufällig "
        "gezogenen {what} wiederholt (SMAA). „Anteil Rang 1“ ist der Anteil dieser "
        "Wiederholungen, in denen eine Option die beste ist: nahe 100 % heißt, die Empfehlung "
        "ist sicher; kleine Anteile heißen, sie hängt an dem, was gezogen wurde.",
        "The mayors will not agree on weights, and many figures are estimates. The assessment "
        "was therefore repeated {n} times with randomly drawn {what} (SMAA). “First-rank "
        "share” is the share of these repetitions in which an option is best: close to 100% "
        "means the recommendation is sure; small shares mean it depends on what was drawn.",
    ),
    "smaa_weights_uniform": (
        "Gewichten (jede Gewichtung gleich wahrscheinlich)",
        "weights (every weighting equally likely)",
    ),
    "smaa_weights_groups": (
        "Gewichten (Gruppen und Kriterien innerhalb der Gruppen gleich wahrscheinlich)",
        "weights (groups and criteria within groups equally likely)",
    ),
    "smaa_weights_ordinal": (
        "Gewichten (in der Reihenfolge der Gewichte des Modells)",
        "weights (in the order of the model's weights)",
    ),
    "smaa_weights_model": ("Werten bei festen Gewichten", "values at fixed weights"),
    "smaa_values_dataset": (
        "; dazu wurden alle Zahlen mit Spanne im Datensatz innerhalb ihrer Spanne gezogen",
        "; every figure with a range in the dataset was drawn within its range as well",
    ),
    "smaa_settings": (
        "Einstellungen: {n} Ziehungen je Körperschaft, Startwert {seed}, Gewichte „{weights}“, "
        "Werte „{values}“, Verfahren {method}{values_text}.",
        "Settings: {n} draws per body, seed {seed}, weights “{weights}”, values “{values}”, "
        "method {method}{values_text}.",
    ),
    "smaa_table": (
        "Je Körperschaft die drei Optionen, die am häufigsten die beste sind:",
        "For each body the three options that are best most often:",
    ),
    "col_first_share": ("Anteil Rang 1", "First-rank share"),
    "col_expected_rank": ("Erwarteter Rang", "Expected rank"),
    "col_analysis_rank": ("Rang in der Analyse", "Rank in the analysis"),
    "fig_acceptability": (
        "{body}: wie oft die Optionen welchen Rang belegen",
        "{body}: how often the options take each rank",
    ),
    "smaa_missing": (
        "Die Unsicherheit wurde für diesen Bericht nicht berechnet. Berechnen lässt sie sich "
        "mit dem Befehl „potential smaa“ oder mit einem Block „uncertainty“ in der "
        "Szenariodatei (docs/scenarios.md, Abschnitt 8); der Bericht zeigt sie dann hier.",
        "The uncertainty was not computed for this report. It is computed by the command "
        "“potential smaa” or by an “uncertainty” block in the scenario file "
        "(docs/scenarios.md, section 8); the report then shows it here.",
    ),
    # --- 8. sources ----------------------------------------------------------------------
    "h_sources": ("8. Quellen und Nachvollziehbarkeit", "8. Sources and reproducibility"),
    "sources_intro": (
        "Jede Zahl des Datensatzes trägt eine Quelle oder ist als Annahme mit Begründung "
        "gekennzeichnet. {assumptions} der {total} Zahlen und Gewichte sind Annahmen. "
        "Güte der Quellen: V = Primärquelle, S = Sekundärquelle, U = ungeprüft.",
        "Every figure of the dataset carries a source or is marked as an assumption with its "
        "rationale. {assumptions} of the {total} figures and weights are assumptions. "
        "Grade of the sources: V = primary, S = secondary, U = unverified.",
    ),
    "col_id": ("Kennung", "Id"),
    "col_grade": ("Güte", "Grade"),
    "col_title": ("Titel", "Title"),
    "col_url": ("Fundstelle", "Location"),
    "h_provenance": ("Nachvollziehbarkeit", "Reproducibility"),
    "provenance_intro": (
        "Mit diesen Angaben lässt sich der Bericht wiederholen: dieselben Prüfsummen "
        "(SHA-256) und Versionen ergeben dieselben Ergebnisse, Byte für Byte. Alle Angaben "
        "stehen in der Datei provenance.json neben dem Bericht.",
        "These entries let the report be repeated: equal checksums (SHA-256) and versions "
        "give equal results, byte for byte. The full record is in provenance.json beside the "
        "report.",
    ),
    "col_key": ("Angabe", "Entry"),
    "col_value": ("Wert", "Value"),
    "prov_version": ("Version von potential", "Version of potential"),
    "prov_scenario": ("Szenario", "Scenario"),
    "prov_scenario_sha": (
        "Szenario, Prüfsumme (wie angewandt)",
        "Scenario, checksum (as applied)",
    ),
    "prov_dataset": ("Datensatz", "Dataset"),
    "prov_dataset_sha": ("Datensatz, Prüfsumme der Dateien", "Dataset, checksum of the files"),
    "prov_dataset_eff": ("Datensatz, Prüfsumme (wie verwendet)", "Dataset, checksum (as used)"),
    "prov_criteria": ("Kriterienmodell", "Criteria model"),
    "prov_criteria_sha": ("Kriterienmodell, Prüfsumme der Datei", "Criteria model, file checksum"),
    "prov_criteria_eff": (
        "Kriterienmodell, Prüfsumme (wie verwendet)",
        "Criteria model, checksum (as used)",
    ),
    "prov_body_weights": ("Gewichte je Körperschaft", "Per-body weights"),
    "prov_method": ("Verfahren", "Method"),
    "prov_params": ("Parameter des Verfahrens", "Method parameters"),
    "prov_date": ("Stichtag", "Reference date"),
    "prov_seed": ("Startwert (seed)", "Seed"),
    "prov_settings": ("Einstellungen der Unsicherheitsanalyse", "Uncertainty settings"),
    "prov_environment": ("Umgebung", "Environment"),
    "none": ("keine", "none"),
    # --- general -------------------------------------------------------------------------
    "kind_kreis": ("Kreis", "county"),
    "kind_stadt": ("Stadt", "town"),
    "kind_gemeinde": ("Gemeinde", "municipality"),
    "figure": ("Abbildung", "Figure"),
    "md_figures": (
        "Die Abbildungen liegen als SVG-Dateien im Ordner {folder} neben dieser Datei.",
        "The figures are SVG files in the folder {folder} beside this file.",
    ),
}

#: Ranking method → (name, one sentence), German and English.
METHODS = {
    "wsm": (
        (
            "gewichtete Summe (wsm)",
            "Der Wert jedes Kriteriums wird auf eine Skala von 0 (schlecht) bis 1 (gut) "
            "umgerechnet, mit seinem Gewicht multipliziert, und die Summe ist der Punktwert.",
        ),
        (
            "weighted sum (wsm)",
            "Each criterion's value is mapped onto a scale from 0 (poor) to 1 (good), "
            "multiplied by its weight, and the sum is the score.",
        ),
    ),
    "wpm": (
        (
            "gewichtetes Produkt (wpm)",
            "Die Werte der Kriterien werden auf eine Skala von 0,1 bis 1 umgerechnet und mit "
            "ihren Gewichten als Exponenten multipliziert, so dass ein schwaches Kriterium "
            "nicht durch ein starkes ausgeglichen wird.",
        ),
        (
            "weighted product (wpm)",
            "The criteria's values are mapped onto a scale from 0.1 to 1 and multiplied with "
            "their weights as exponents, so that a weak criterion is not made up for by a "
            "strong one.",
        ),
    ),
    "waspas": (
        (
            "WASPAS (Mischung aus gewichteter Summe und Produkt)",
            "Der Punktwert ist ein gewichtetes Mittel aus gewichteter Summe und gewichtetem "
            "Produkt.",
        ),
        (
            "WASPAS (blend of weighted sum and product)",
            "The score is a weighted mean of the weighted sum and the weighted product.",
        ),
    ),
    "topsis": (
        (
            "Nähe zum Idealpunkt (TOPSIS)",
            "Der Punktwert misst, wie nah eine Option der gedachten besten und wie fern sie der "
            "gedachten schlechtesten Option ist.",
        ),
        (
            "closeness to the ideal (TOPSIS)",
            "The score measures how close an option is to an imagined best option and how far "
            "from an imagined worst one.",
        ),
    ),
    "vikor": (
        (
            "Kompromisslösung (VIKOR)",
            "Der Punktwert sucht den besten Kompromiss zwischen dem Gesamtnutzen und dem "
            "größten Nachteil bei einem einzelnen Kriterium.",
        ),
        (
            "compromise solution (VIKOR)",
            "The score seeks the best compromise between overall utility and the largest "
            "shortfall on a single criterion.",
        ),
    ),
    "promethee2": (
        (
            "paarweiser Vergleich (PROMETHEE II)",
            "Jede Option wird mit jeder anderen verglichen; der Punktwert ist, wie sehr sie "
            "die anderen im gewichteten Mittel übertrifft.",
        ),
        (
            "pairwise comparison (PROMETHEE II)",
            "Each option is compared with every other; the score is how much it outperforms "
            "the others on weighted average.",
        ),
    ),
    "electre1": (
        (
            "Outranking (ELECTRE I)",
            "Eine Option übertrifft eine andere, wenn genug Gewicht für sie spricht und kein "
            "Kriterium stark gegen sie spricht; gerankt wird nach diesen Vergleichen.",
        ),
        (
            "outranking (ELECTRE I)",
            "An option outranks another if enough weight speaks for it and no criterion "
            "speaks strongly against it; the ranking follows these comparisons.",
        ),
    ),
}


def check_lang(lang: str) -> str:
    """The language, checked (``de`` or ``en``)."""
    if lang not in LANGS:
        raise ValueError(message("labels.unknown_lang", language=lang, known=", ".join(LANGS)))
    return lang


def t(key: str, lang: str = "de", **values) -> str:
    """The sentence ``key`` in ``lang``, with ``values`` filled in."""
    text = TEXT[key][LANGS.index(check_lang(lang))]
    return text.format(**values) if values else text


def method_text(method: str, lang: str = "de") -> tuple[str, str]:
    """Name and one-sentence explanation of a ranking method."""
    pair = METHODS.get(method)
    if pair is None:
        return method, ""
    return pair[LANGS.index(check_lang(lang))]


def number(value, digits: int = 0, lang: str = "de") -> str:
    """A number with thousands separators: ``1.234,5`` (de) or ``1,234.5`` (en).

    ``NaN`` and ``None`` give ``–``; a value that rounds to zero has no minus sign.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    value = round(float(value), digits)
    if value == 0:
        value = 0.0
    text = f"{value:,.{digits}f}"
    if check_lang(lang) == "de":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def signed(value, digits: int = 3, lang: str = "de") -> str:
    """A number with its sign: ``+0,370``, ``-0,012``, ``0,000``."""
    text = number(value, digits, lang)
    return f"+{text}" if text[0].isdigit() and round(float(value), digits) > 0 else text


def percent(share, digits: int = 0, lang: str = "de") -> str:
    """A share as a percentage: ``21,0 %`` (de) or ``21.0%`` (en)."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    text = number(100 * float(share), digits, lang)
    return f"{text} %" if lang == "de" else f"{text}%"


def date(value, lang: str = "de") -> str:
    """A date: ``25.11.2026`` (de) or ``2026-11-25`` (en)."""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return value.strftime("%d.%m.%Y") if check_lang(lang) == "de" else value.isoformat()


def euro(value, lang: str) -> str:
    """An amount in whole euros: ``1.234 €`` (de), ``€1,234`` (en); ``–`` if missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = t("euro", lang, value=number(abs(value), 0, lang))
    return f"-{text}" if number(value, 0, lang).startswith("-") else text
