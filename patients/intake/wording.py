"""The questionnaire's words: the instruments verbatim (see instruments.md), the rest plain."""

from __future__ import annotations

from typing import Any, Final

from django.utils.functional import lazy
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, gettext_noop

YES_NO_UNSURE: Final = (
    ("yes", gettext_noop("Yes")),
    ("no", gettext_noop("No")),
    ("unsure", gettext_noop("I'm not sure")),
)
YES_NO: Final = (("yes", "Yes"), ("no", "No"))

SEX_AT_BIRTH: Final = (
    ("female", gettext_noop("Female")),
    ("male", gettext_noop("Male")),
    ("intersex", gettext_noop("Intersex")),
)

CONDITIONS: Final = (
    (
        "unstable_heart_disease",
        gettext_noop("Unstable heart disease"),
        gettext_noop(
            "Chest pain that comes on at rest or is getting worse (unstable angina), a heart "
            "attack in the past 6 months, an irregular heartbeat that is not under control, or "
            "heart failure that is getting worse."
        ),
    ),
    (
        "aneurysm",
        gettext_noop("Aneurysm"),
        gettext_noop("A bulging, weakened artery: in the brain, chest, belly or legs."),
    ),
    (
        "arteriovenous_malformation",
        gettext_noop("Arteriovenous malformation (AVM)"),
        gettext_noop(
            "A tangle of blood vessels, often in the brain or spine, that you were told about."
        ),
    ),
    (
        "intracerebral_hemorrhage",
        gettext_noop("Bleeding in the brain"),
        gettext_noop("Bleeding inside the brain at any time in the past (a hemorrhagic stroke)."),
    ),
    (
        "hypertension",
        gettext_noop("High blood pressure"),
        gettext_noop(
            "A doctor has told you that you have high blood pressure (hypertension), treated "
            "or not."
        ),
    ),
    (
        "unstable_medical_condition",
        gettext_noop("An unstable medical condition"),
        gettext_noop(
            "Any condition your doctor has called unstable, or that is being actively changed "
            "or investigated."
        ),
    ),
    (
        "seizure_disorder",
        gettext_noop("Seizures or epilepsy"),
        gettext_noop("Seizures (fits) or epilepsy, now or in the past."),
    ),
    (
        "severe_liver_disease",
        gettext_noop("Severe liver disease"),
        gettext_noop("For example cirrhosis or liver failure."),
    ),
    (
        "interstitial_cystitis",
        gettext_noop("Interstitial cystitis"),
        gettext_noop("Long-lasting bladder pain or pressure (painful bladder syndrome)."),
    ),
    ("glaucoma", gettext_noop("Glaucoma"), gettext_noop("Raised pressure inside the eye.")),
    (
        "sleep_apnea",
        gettext_noop("Sleep apnea"),
        gettext_noop("Breathing that stops and starts during sleep; you may use a CPAP machine."),
    ),
)

PSYCHOSIS: Final = (
    ("never", gettext_noop("No, never")),
    ("past", gettext_noop("Yes, in the past")),
    ("current", gettext_noop("Yes, I have these experiences now")),
    ("unsure", gettext_noop("I'm not sure")),
)
SUBSTANCE_USE: Final = (
    ("none", gettext_noop("No, I have never had problems with alcohol or drugs")),
    ("active", gettext_noop("Yes, I have problems with alcohol or drugs now")),
    ("early_recovery", gettext_noop("I am in recovery, for less than 12 months")),
    ("sustained_recovery", gettext_noop("I am in recovery, for 12 months or more")),
    ("unsure", gettext_noop("I'm not sure")),
)

# PHQ-9 and GAD-7 (public; verbatim).
OVER_TWO_WEEKS: Final = (
    (0, "Not at all"),
    (1, "Several days"),
    (2, "More than half the days"),
    (3, "Nearly every day"),
)
PHQ9_STEM: Final = (
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
)
PHQ9_ITEMS: Final = (
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself — or that you are a failure or have let yourself or your "
    "family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
    "being so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead or of hurting yourself in some way",
)
GAD7_STEM: Final = (
    "Over the last 2 weeks, how often have you been bothered by the following problems?"
)
GAD7_ITEMS: Final = (
    "Feeling nervous, anxious, or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid, as if something awful might happen",
)
# Unscored functional item of PHQ-9 and GAD-7 (public; verbatim).
DIFFICULTY_QUESTION: Final = (
    "If you checked off any problems, how difficult have these problems made it for you to "
    "do your work, take care of things at home, or get along with other people?"
)
DIFFICULTY: Final = (
    ("not_difficult", "Not difficult at all"),
    ("somewhat", "Somewhat difficult"),
    ("very", "Very difficult"),
    ("extremely", "Extremely difficult"),
)
PFIZER_ATTRIBUTION: Final = (
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
    "with an educational grant from Pfizer Inc. No permission required to reproduce, "
    "translate, display or distribute."
)

# C-SSRS screener, recent version (past month; behaviour: ever, then past 3 months).
CSSRS_STEM: Final = "In the past month:"
CSSRS_QUESTIONS: Final = {
    "wish_dead": "Have you wished you were dead or wished you could go to sleep and not wake up?",
    "suicidal_thoughts": "Have you actually had any thoughts of killing yourself?",
    "method": "Have you been thinking about how you might do this?",
    "intent": "Have you had these thoughts and had some intention of acting on them?",
    "plan": "Have you started to work out or worked out the details of how to kill yourself? "
    "Do you intend to carry out this plan?",
    "behavior_lifetime": "Have you ever done anything, started to do anything, or prepared to "
    "do anything to end your life?",
    "behavior_recent": "Was this within the past 3 months?",
}
CSSRS_BEHAVIOR_EXAMPLES: Final = (
    "Examples: collected pills, obtained a gun, gave away valuables, wrote a will or suicide "
    "note, took out pills but didn't swallow any, held a gun but changed your mind or it was "
    "grabbed from your hand, went to the roof but didn't jump; or actually took pills, tried "
    "to shoot yourself, cut yourself, tried to hang yourself, etc."
)
CSSRS_ATTRIBUTION: Final = (
    "Columbia-Suicide Severity Rating Scale (C-SSRS), The Columbia Lighthouse Project."
)

# AUDIT-C (US version).
AUDIT_C_QUESTIONS: Final = (
    (
        "How often do you have a drink containing alcohol?",
        (
            (0, "Never"),
            (1, "Monthly or less"),
            (2, "2–4 times a month"),
            (3, "2–3 times a week"),
            (4, "4 or more times a week"),
        ),
    ),
    (
        "How many standard drinks containing alcohol do you have on a typical day?",
        ((0, "1 or 2"), (1, "3 or 4"), (2, "5 or 6"), (3, "7 to 9"), (4, "10 or more")),
    ),
    (
        "How often do you have six or more drinks on one occasion?",
        (
            (0, "Never"),
            (1, "Less than monthly"),
            (2, "Monthly"),
            (3, "Weekly"),
            (4, "Daily or almost daily"),
        ),
    ),
)

# DAST-10 © 1982 Harvey A. Skinner, PhD, and the Centre for Addiction and Mental Health.
DAST10_STEM: Final = (
    "These questions are about your use of drugs in the past 12 months. “Drug use” means "
    "using prescribed or over-the-counter medicines more than directed, and any non-medical "
    "use of drugs. It does not include alcohol or tobacco."
)
DAST10_ITEMS: Final = (
    "Have you used drugs other than those required for medical reasons?",
    "Do you abuse more than one drug at a time?",
    "Are you always able to stop using drugs when you want to?",
    "Have you had “blackouts” or “flashbacks” as a result of drug use?",
    "Do you ever feel bad or guilty about your drug use?",
    "Does your spouse (or parents) ever complain about your involvement with drugs?",
    "Have you neglected your family because of your use of drugs?",
    "Have you engaged in illegal activities in order to obtain drugs?",
    "Have you ever experienced withdrawal symptoms (felt sick) when you stopped taking drugs?",
    "Have you had medical problems as a result of your drug use (e.g. memory loss, hepatitis, "
    "convulsions, bleeding)?",
)
DAST10_ATTRIBUTION: Final = (
    "DAST-10 © 1982 Harvey A. Skinner, PhD, and the Centre for Addiction and Mental Health."
)

# Medication classes by everyday names, with examples (generic, then brand names).
MEDICATIONS: Final = (
    (
        "maoi",
        gettext_noop("An MAOI antidepressant"),
        gettext_noop(
            "For example phenelzine (Nardil), tranylcypromine (Parnate), isocarboxazid "
            "(Marplan) or the selegiline patch (Emsam)."
        ),
    ),
    (
        "stimulant",
        gettext_noop("A stimulant"),
        gettext_noop(
            "For example methylphenidate (Ritalin, Concerta), amphetamine (Adderall, Vyvanse) "
            "or modafinil (Provigil), often for ADHD or sleepiness."
        ),
    ),
    (
        "opioid",
        gettext_noop("An opioid painkiller or opioid treatment"),
        gettext_noop(
            "For example oxycodone (OxyContin, Percocet), hydrocodone (Vicodin), morphine, "
            "tramadol, codeine, buprenorphine (Suboxone) or methadone."
        ),
    ),
    (
        "benzodiazepine",
        gettext_noop("A benzodiazepine"),
        gettext_noop(
            "For example alprazolam (Xanax), lorazepam (Ativan), clonazepam (Klonopin) or "
            "diazepam (Valium)."
        ),
    ),
    (
        "other_sedative",
        gettext_noop("Another medicine for sleep, nerve pain or calming"),
        gettext_noop(
            "For example gabapentin (Neurontin), pregabalin (Lyrica), zolpidem (Ambien) or "
            "eszopiclone (Lunesta)."
        ),
    ),
    (
        "lamotrigine",
        gettext_noop("Lamotrigine (Lamictal)"),
        gettext_noop("A mood stabiliser, also taken for seizures."),
    ),
    (
        "antipsychotic",
        gettext_noop("An antipsychotic"),
        gettext_noop(
            "For example quetiapine (Seroquel), aripiprazole (Abilify), olanzapine (Zyprexa), "
            "risperidone (Risperdal) or lurasidone (Latuda), whatever it is taken for."
        ),
    ),
    ("lithium", gettext_noop("Lithium"), gettext_noop("For example Lithobid.")),
    (
        "antihypertensive",
        gettext_noop("A blood pressure medicine"),
        gettext_noop(
            "For example lisinopril, amlodipine (Norvasc), losartan (Cozaar), metoprolol or "
            "hydrochlorothiazide."
        ),
    ),
    (
        "ssri_snri",
        gettext_noop("An SSRI or SNRI antidepressant"),
        gettext_noop(
            "For example sertraline (Zoloft), escitalopram (Lexapro), fluoxetine (Prozac), "
            "venlafaxine (Effexor) or duloxetine (Cymbalta)."
        ),
    ),
    ("bupropion", gettext_noop("Bupropion"), gettext_noop("For example Wellbutrin or Zyban.")),
    (
        "tricyclic",
        gettext_noop("A tricyclic antidepressant"),
        gettext_noop("For example amitriptyline, nortriptyline (Pamelor) or imipramine."),
    ),
    ("other", gettext_noop("Another prescribed medicine"), gettext_noop("Write its name below.")),
)
# How often a medicine is taken, as the patient may tell it (the answer keeps the code).
MEDICATION_FREQUENCIES: Final = (
    ("once_daily", gettext_noop("Once a day")),
    ("twice_daily", gettext_noop("Twice a day")),
    ("three_or_more_daily", gettext_noop("Three or more times a day")),
    ("weekly_or_less", gettext_noop("Once a week or less often")),
    ("as_needed", gettext_noop("Only when needed")),
    ("not_sure", gettext_noop("I'm not sure")),
)
DISSOCIATIVE_DIAGNOSED_QUESTION: Final = gettext_noop(
    "Have you been diagnosed with a dissociative disorder (e.g. DID, "
    "depersonalisation-derealisation disorder)?"
)
DISSOCIATIVE_SEVERITY: Final = (
    ("mild", gettext_noop("Mild or moderate")),
    ("severe", gettext_noop("Severe")),
    ("unsure", gettext_noop("I don't know")),
)


# The words in the patient's language. The instruments' Spanish comes word for word from
# wording_es, and only once its instrument has been read back against the publisher's own
# file (wording_es.READ_BACK): until then the English original is shown, marked lang="en".
# The app's own questions (wording_es.UNTRANSLATED, not instruments) come from the message
# catalogue (locale/es), like every other string of the patient side. Never a machine-made
# msgid for an instrument's text.

# The instrument(s) whose read-back lets a name's Spanish be shown.
_instrument_of: Final[dict[str, tuple[str, ...]]] = {
    "OVER_TWO_WEEKS": ("phq9", "gad7"),
    "PHQ9_STEM": ("phq9",),
    "PHQ9_ITEMS": ("phq9",),
    "DIFFICULTY_QUESTION": ("phq9",),
    "DIFFICULTY": ("phq9",),
    "PFIZER_ATTRIBUTION": ("phq9",),
    "GAD7_STEM": ("gad7",),
    "GAD7_ITEMS": ("gad7",),
    "CSSRS_STEM": ("cssrs",),
    "CSSRS_QUESTIONS": ("cssrs",),
    "CSSRS_BEHAVIOR_EXAMPLES": ("cssrs",),
    "AUDIT_C_QUESTIONS": ("audit_c",),
}
# Instrument texts with no validated Spanish at all: shown in English, marked so.
_english_only: Final = frozenset(
    {"DAST10_STEM", "DAST10_ITEMS", "DAST10_ATTRIBUTION", "CSSRS_ATTRIBUTION"}
)
_html_special: Final = frozenset('<>&"')


def spanish_active() -> bool:
    return (get_language() or "en").split("-")[0] == "es"


def spanish_shown(name: str) -> bool:
    """Whether the validated Spanish of `name` may be shown (False: the English is)."""
    from patients.intake import wording_es

    if name in _english_only or name in wording_es.UNTRANSLATED:
        return False
    instruments = _instrument_of.get(name, ())
    return hasattr(wording_es, name) and all(wording_es.READ_BACK[i] for i in instruments)


def _dig(value: Any, path: tuple[int | str, ...]) -> str:
    for step in path:
        value = value[step]
    return str(value)


def _html(text: str) -> SafeString:
    """Our own words as HTML; escaped when they hold a character HTML gives a meaning to, else
    left as they are (an apostrophe stays one in the FHIR export, which strips tags)."""
    if _html_special & set(text):
        return escape(text)
    return SafeString(text)  # nosec B703 - no < > & or " in it (checked above)


def said(name: str, *path: int | str) -> SafeString:
    """The text of `name` (at `path` inside it) in the active language, as HTML.

    In Spanish: the validated wording, or the catalogue's for the app's own questions; an
    instrument text not yet validated in Spanish stays English inside lang="en"."""
    english = _dig(globals()[name], path)
    if not spanish_active():
        return _html(english)
    from patients.intake import wording_es

    if spanish_shown(name):
        return _html(_dig(getattr(wording_es, name), path))
    if name in wording_es.UNTRANSLATED and name not in _english_only:
        return _html(gettext(english))
    return format_html('<span lang="en">{}</span>', english)


say = lazy(said, SafeString)


def _numbered(number: int, name: str, *path: int | str) -> SafeString:
    return format_html("{}. {}", number, said(name, *path))


numbered = lazy(_numbered, SafeString)


def options(name: str, *path: int | str) -> list[tuple[Any, Any]]:
    """A choice list's (code, label) pairs: the codes as stored, the labels lazy."""
    pairs = _dig_value(globals()[name], path)
    return [(code, say(name, *path, index, 1)) for index, (code, _label) in enumerate(pairs)]


def _dig_value(value: Any, path: tuple[int | str, ...]) -> Any:
    for step in path:
        value = value[step]
    return value
