"""The questionnaire's instruments in Spanish (US), word for word as found (see instruments.md).

Names mirror patients/intake/wording.py. Each text carries its source. What no source gave
verbatim is left out and named in UNTRANSLATED, never filled in: it needs a professional
translation reviewed by a bilingual clinician.

None of these texts has yet been read back against the publisher's own document: the
stored copies consulted were transcriptions of those documents (docs/instruments.md, "Spanish
(US)"). READ_BACK records that; the patient side must not show an instrument whose entry is
False.
"""

from __future__ import annotations

from typing import Final

# Whether each instrument's Spanish text has been checked against the publisher's own file.
READ_BACK: Final = {
    "phq9": False,
    "gad7": False,
    "cssrs": False,
    "audit_c": False,
}

# Every name of wording.py with no Spanish here: no verbatim validated source was found.
UNTRANSLATED: Final = frozenset(
    {
        # The app's own questions (not instruments): professional translation and review.
        "YES_NO_UNSURE",
        "SEX_AT_BIRTH",
        "CONDITIONS",
        "MEDICATION_FREQUENCIES",
        "PSYCHOSIS",
        "SUBSTANCE_USE",
        "MEDICATIONS",
        "DISSOCIATIVE_DIAGNOSED_QUESTION",
        "DISSOCIATIVE_SEVERITY",
        # C-SSRS credit line: Columbia's Spanish (US) form, which prints it, was not found.
        "CSSRS_ATTRIBUTION",
        # DAST-10: no Spanish text found with a named published source (instruments.md).
        "DAST10_STEM",
        "DAST10_ITEMS",
        "DAST10_ATTRIBUTION",
    }
)

# PHQ-9 and GAD-7: "Cuestionario sobre la Salud del Paciente-9 (PHQ-9), Spanish for the USA"
# and "GAD-7, Spanish for the USA", Pfizer / phqscreeners.com. PHQ-9 texts as transcribed in
# vasudigumarthi/truvex-content phq9/source.json (commit 2408242); GAD-7 as transcribed in two
# public copies that name that form (instruments.md). Options are the same on both forms.
OVER_TWO_WEEKS: Final = (
    (0, "Ningún día"),
    (1, "Varios días"),
    (2, "Más de la mitad de los días"),
    (3, "Casi todos los días"),
)
PHQ9_STEM: Final = (
    "Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los "
    "siguientes problemas?"
)
PHQ9_ITEMS: Final = (
    "Poco interés o placer en hacer cosas",
    "Se ha sentido decaído(a), deprimido(a) o sin esperanzas",
    "Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado",
    "Se ha sentido cansado(a) o con poca energía",
    "Sin apetito o ha comido en exceso",
    # The form prints an en dash here where the English form has an em dash.
    "Se ha sentido mal con usted mismo(a) – o que es un fracaso o que ha quedado mal con "
    "usted mismo(a) o con su familia",
    "Ha tenido dificultad para concentrarse en ciertas actividades, tales como leer el "
    "periódico o ver la televisión",
    "¿Se ha movido o hablado tan lento que otras personas podrían haberlo notado? o lo "
    "contrario – muy inquieto(a) o agitado(a) que ha estado moviéndose mucho más de lo normal",
    "Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera",
)
# GAD-7 Spanish for the USA: the stem is word for word the PHQ-9's.
GAD7_STEM: Final = (
    "Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los "
    "siguientes problemas?"
)
GAD7_ITEMS: Final = (
    "Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta",
    "No ha sido capaz de parar o controlar su preocupación",
    "Se ha preocupado demasiado por motivos diferentes",
    "Ha tenido dificultad para relajarse",
    "Se ha sentido tan inquieto(a) que no ha podido quedarse quieto(a)",
    "Se ha molestado o irritado fácilmente",
    "Ha tenido miedo de que algo terrible fuera a pasar",
)
# Unscored functional item: PHQ-9 Spanish for the USA (same transcription). Whether the
# GAD-7 Spanish (USA) form prints it too was not established.
DIFFICULTY_QUESTION: Final = (
    "Si marcó cualquiera de los problemas, ¿qué tanta dificultad le han dado estos problemas "
    "para hacer su trabajo, encargarse de las tareas del hogar, o llevarse bien con otras "
    "personas?"
)
DIFFICULTY: Final = (
    ("not_difficult", "No ha sido difícil"),
    ("somewhat", "Un poco difícil"),
    ("very", "Muy difícil"),
    ("extremely", "Extremadamente difícil"),
)
# Footer of the PHQ-9 Spanish for the USA form (same transcription).
PFIZER_ATTRIBUTION: Final = (
    "Elaborado por los doctores Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke y "
    "colegas, mediante una subvención educativa otorgada por Pfizer Inc. No se requiere "
    "permiso para reproducir, traducir, presentar o distribuir."
)

# C-SSRS screener, recent version, Spanish: "versión exploratoria reciente en español, The
# Columbia Lighthouse Project", as transcribed in a public copy of the whole form; questions
# 1-5 and the 3-month question agree word for word with a second copy. Not confirmed to be
# Columbia's Spanish for the US: see instruments.md before any use.
CSSRS_STEM: Final = "Pasado mes"  # The form's column header for questions 1-5.
CSSRS_QUESTIONS: Final = {
    "wish_dead": "¿Ha deseado estar muerto(a) o poder dormirse y no despertar?",
    "suicidal_thoughts": "¿Ha tenido realmente la idea de suicidarse?",
    "method": "¿Ha pensado en cómo llevaría esto a cabo?",
    "intent": "¿Ha tenido estas ideas y en cierto grado la intención de llevarlas a cabo?",
    "plan": "¿Ha comenzado a elaborar o ha elaborado los detalles sobre cómo suicidarse? "
    "¿Tenía intenciones de llevar a cabo este plan?",
    # The two copies disagree on this question (instruments.md); this is the whole-form copy.
    "behavior_lifetime": "¿Alguna vez ha hecho algo usted, comenzado a hacer algo o se ha "
    "preparado para hacer algo para terminar su vida?",
    "behavior_recent": "¿Fue esto en los últimos 3 meses?",
}
# As printed in the whole-form copy, errors included ("una arma", "no las tragado").
CSSRS_BEHAVIOR_EXAMPLES: Final = (
    "Ejemplos: Colectar píldoras, obtener una arma, regalar cosas de valor, escribir un "
    "testamento o carta de suicidio, sacado píldoras de la botella pero no las tragado, "
    "agarrar una arma pero ha cambiado de mente de usarla o alguien se la ha quitado de sus "
    "manos, ha subido al techo pero no ha saltado al vacío; o realmente ha tomado píldoras, ha "
    "tratado de disparar una arma, se ha cortado, ha tratado de colgarse, etc."
)
# The answers of the C-SSRS form copy.
YES_NO: Final = (("yes", "Sí"), ("no", "No"))

# AUDIT-C: items 1-3 of the WHO AUDIT in Spanish, "AUDIT. Cuestionario de Identificación de los
# Trastornos debidos al Consumo de Alcohol. Pautas para su utilización en Atención Primaria"
# (WHO/MSD/MSB/01.6a, Spanish edition with the Generalitat Valenciana), as transcribed in
# public copies. Spain's Spanish, and the WHO wording rather than the app's US
# "standard drinks" wording (instruments.md).
AUDIT_C_QUESTIONS: Final = (
    (
        "¿Con qué frecuencia consume alguna bebida alcohólica?",
        (
            (0, "Nunca"),
            (1, "Una o menos veces al mes"),
            (2, "De 2 a 4 veces al mes"),
            (3, "De 2 a 3 veces a la semana"),
            (4, "4 o más veces a la semana"),
        ),
    ),
    (
        "¿Cuántas consumiciones de bebidas alcohólicas suele realizar en un día de consumo normal?",
        ((0, "1 o 2"), (1, "3 o 4"), (2, "5 o 6"), (3, "De 7 a 9"), (4, "10 o más")),
    ),
    (
        "¿Con qué frecuencia toma 6 o más bebidas alcohólicas en un solo día?",
        (
            (0, "Nunca"),
            (1, "Menos de una vez al mes"),
            (2, "Mensualmente"),
            (3, "Semanalmente"),
            (4, "A diario o casi a diario"),
        ),
    ),
)
