"""The questionnaire's words: the instruments verbatim (see instruments.md), the rest plain."""

from __future__ import annotations

from typing import Final

YES_NO_UNSURE: Final = (("yes", "Yes"), ("no", "No"), ("unsure", "I'm not sure"))
YES_NO: Final = (("yes", "Yes"), ("no", "No"))

SEX_AT_BIRTH: Final = (("female", "Female"), ("male", "Male"), ("intersex", "Intersex"))

CONDITIONS: Final = (
    (
        "unstable_heart_disease",
        "Unstable heart disease",
        "Chest pain that comes on at rest or is getting worse (unstable angina), a heart "
        "attack in the past 6 months, an irregular heartbeat that is not under control, or "
        "heart failure that is getting worse.",
    ),
    (
        "aneurysm",
        "Aneurysm",
        "A bulging, weakened artery: in the brain, chest, belly or legs.",
    ),
    (
        "arteriovenous_malformation",
        "Arteriovenous malformation (AVM)",
        "A tangle of blood vessels, often in the brain or spine, that you were told about.",
    ),
    (
        "intracerebral_hemorrhage",
        "Bleeding in the brain",
        "Bleeding inside the brain at any time in the past (a hemorrhagic stroke).",
    ),
    (
        "hypertension",
        "High blood pressure",
        "A doctor has told you that you have high blood pressure (hypertension), treated or not.",
    ),
    (
        "unstable_medical_condition",
        "An unstable medical condition",
        "Any condition your doctor has called unstable, or that is being actively changed "
        "or investigated.",
    ),
    (
        "seizure_disorder",
        "Seizures or epilepsy",
        "Seizures (fits) or epilepsy, now or in the past.",
    ),
    (
        "severe_liver_disease",
        "Severe liver disease",
        "For example cirrhosis or liver failure.",
    ),
    (
        "interstitial_cystitis",
        "Interstitial cystitis",
        "Long-lasting bladder pain or pressure (painful bladder syndrome).",
    ),
    ("glaucoma", "Glaucoma", "Raised pressure inside the eye."),
    (
        "sleep_apnea",
        "Sleep apnea",
        "Breathing that stops and starts during sleep; you may use a CPAP machine.",
    ),
)

PSYCHOSIS: Final = (
    ("never", "No, never"),
    ("past", "Yes, in the past"),
    ("current", "Yes, I have these experiences now"),
    ("unsure", "I'm not sure"),
)
SUBSTANCE_USE: Final = (
    ("none", "No, I have never had problems with alcohol or drugs"),
    ("active", "Yes, I have problems with alcohol or drugs now"),
    ("early_recovery", "I am in recovery, for less than 12 months"),
    ("sustained_recovery", "I am in recovery, for 12 months or more"),
    ("unsure", "I'm not sure"),
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
        "An MAOI antidepressant",
        "For example phenelzine (Nardil), tranylcypromine (Parnate), isocarboxazid "
        "(Marplan) or the selegiline patch (Emsam).",
    ),
    (
        "stimulant",
        "A stimulant",
        "For example methylphenidate (Ritalin, Concerta), amphetamine (Adderall, Vyvanse) "
        "or modafinil (Provigil), often for ADHD or sleepiness.",
    ),
    (
        "opioid",
        "An opioid painkiller or opioid treatment",
        "For example oxycodone (OxyContin, Percocet), hydrocodone (Vicodin), morphine, "
        "tramadol, codeine, buprenorphine (Suboxone) or methadone.",
    ),
    (
        "benzodiazepine",
        "A benzodiazepine",
        "For example alprazolam (Xanax), lorazepam (Ativan), clonazepam (Klonopin) or "
        "diazepam (Valium).",
    ),
    (
        "other_sedative",
        "Another medicine for sleep, nerve pain or calming",
        "For example gabapentin (Neurontin), pregabalin (Lyrica), zolpidem (Ambien) or "
        "eszopiclone (Lunesta).",
    ),
    (
        "lamotrigine",
        "Lamotrigine (Lamictal)",
        "A mood stabiliser, also taken for seizures.",
    ),
    (
        "antipsychotic",
        "An antipsychotic",
        "For example quetiapine (Seroquel), aripiprazole (Abilify), olanzapine (Zyprexa), "
        "risperidone (Risperdal) or lurasidone (Latuda), whatever it is taken for.",
    ),
    ("lithium", "Lithium", "For example Lithobid."),
    (
        "antihypertensive",
        "A blood pressure medicine",
        "For example lisinopril, amlodipine (Norvasc), losartan (Cozaar), metoprolol or "
        "hydrochlorothiazide.",
    ),
    (
        "ssri_snri",
        "An SSRI or SNRI antidepressant",
        "For example sertraline (Zoloft), escitalopram (Lexapro), fluoxetine (Prozac), "
        "venlafaxine (Effexor) or duloxetine (Cymbalta).",
    ),
    ("bupropion", "Bupropion", "For example Wellbutrin or Zyban."),
    (
        "tricyclic",
        "A tricyclic antidepressant",
        "For example amitriptyline, nortriptyline (Pamelor) or imipramine.",
    ),
    ("other", "Another prescribed medicine", "Write its name below."),
)
# How often a medicine is taken, as the patient may tell it (the answer keeps the code).
MEDICATION_FREQUENCIES: Final = (
    ("once_daily", "Once a day"),
    ("twice_daily", "Twice a day"),
    ("three_or_more_daily", "Three or more times a day"),
    ("weekly_or_less", "Once a week or less often"),
    ("as_needed", "Only when needed"),
    ("not_sure", "I'm not sure"),
)
DISSOCIATIVE_DIAGNOSED_QUESTION: Final = (
    "Have you been diagnosed with a dissociative disorder (e.g. DID, "
    "depersonalisation-derealisation disorder)?"
)
DISSOCIATIVE_SEVERITY: Final = (
    ("mild", "Mild or moderate"),
    ("severe", "Severe"),
    ("unsure", "I don't know"),
)
