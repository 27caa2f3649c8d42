"""English wording from outside batch D (issue #4), as other authors would put it: each phrasing below is our own
variant of a miss, not the batch's sentence. Three-way levels: emergency, a doctor, or self-care."""

from __future__ import annotations

import pytest

from tools.triage.engine import assess
from tools.triage.red_flags import facts_from_text, find_red_flags
from tools.triage.vignettes import _SPLIT


def _split(text: str) -> str:
    hits = [hit for hit in find_red_flags(text, "en") if hit.level in ("emergency_ambulance", "emergency")]
    return "emergency" if hits else _SPLIT[assess(facts_from_text(text, "en")).level]


@pytest.mark.parametrize(
    ("text", "split"),
    [
        # an overdose planned with stockpiled tablets, letters written
        ("I've been stockpiling my sertraline for weeks and I plan to take the lot on Friday", "emergency"),
        ("I'm going to swallow all of them tonight, I've written goodbye letters", "emergency"),
        # a treated, settled hypo in someone with diabetes
        ("Type 1 diabetic, had a hypo (3.2) before lunch, had juice and a biscuit and now back to normal", "self_care"),
        ("my diabetic son's sugar is 2.1 and he is confused and not making sense", "emergency"),
        # hay fever and conjunctivitis
        ("itchy watery eyes and sneezing every spring when the pollen count is high, no wheeze", "self_care"),
        ("sticky red eye with yellow crusting on waking for 2 days, no pain, vision fine", "self_care"),
        # reflux an antacid settles, in a younger man
        ("28 year old, burning behind my breastbone rising into my throat after big meals, gaviscon sorts it",
         "self_care"),
        # a tension headache that paracetamol sorted
        ("tension headache like a tight band after work, paracetamol sorted it, I get these when I'm stressed",
         "self_care"),
        # travel sickness, and a heart attack that is only a figure of speech
        ("I always get seasick on ferries, nearly had a heart attack at the ticket prices, what can I take?",
         "self_care"),
        # pleuritic pain with the chest-infection picture at 40-64: a doctor today, not an ambulance
        ("A 45-year-old has a cough with green sputum, a temperature of 38.6 and sharp pain in the side of his chest "
         "when he coughs; he is talking comfortably.", "doctor"),
        ("48 year old, sudden sharp pain in the chest when breathing in, no cough, no temperature", "emergency"),
        # a well child with a cold, age written without "old"
        ("my daughter 4 years having running nose and cough from 3 days, no fever, eating well", "self_care"),
        # gout, DKA, new diabetes in a child, renal colic that settled
        ("my big toe joint is red, hot and swollen and I can't bear the sheet on it, no fever", "doctor"),
        ("type 1 diabetic, vomiting, breathing deep and fast, meter says HI and he's drowsy", "emergency"),
        ("my 10 year old has been drinking loads and weeing loads for two weeks and has lost weight", "doctor"),
        ("agonising left loin pain into the groin overnight, settled with diclofenac, pink wee, no fever",
         "doctor"),
        # known leftovers: a tight chest from a cold at 30, pins and needles from sitting, a double dose
        ("my chest feels tight from this cold, bit of a cough with phlegm, 30 years old", "doctor"),
        ("pins and needles in my foot when I sit cross-legged, goes away when I move", "self_care"),
        ("took a double dose of my hay fever tablet by mistake this morning", "doctor"),
        # vital signs written into a vignette
        ("A 70-year-old man with pneumonia has oxygen saturations of 88% on air.", "emergency"),
        ("A 55-year-old woman has a fever of 38.9, heart rate 125 and blood pressure 85/50.", "emergency"),
        ("A 45-year-old has a pulse of 40 and feels faint.", "emergency"),
        ("An 85-year-old woman fell at home and has been on the floor all night.", "emergency"),
        # a red, swollen eyelid with fever and pain on moving the eye (orbital cellulitis)
        ("red swollen eyelid with fever and it hurts to move the eye, my son is 6", "emergency"),
    ],
)
def test_outside_d_wording(text: str, split: str) -> None:
    assert _split(text) == split


@pytest.mark.parametrize(
    "text",
    [
        "I almost passed out laughing at my brother's joke",
        "I feel faint when I see blood, is that normal?",
        "nearly had a heart attack when I saw the bill",
        "I feel like I'm dying with this man flu lol, runny nose",
        "my toddler choked on his laughter, runny nose since yesterday",
        "took a double dose of my vitamin D by mistake",
        "I was knocked out by how expensive the prescription was, mild cough for 3 days",
        "I'm paralysed with fear about my driving test, bit of a headache",
        "nearly choked on my coffee laughing, coughed a bit and fine now",
        "Going to take the whole packet of antibiotics as the doctor said",
        "I missed 3 doses of my antibiotics so I'm going to take them all tonight",
    ],
)
def test_figures_of_speech_raise_no_emergency(text: str) -> None:
    assert not [hit for hit in find_red_flags(text, "en") if hit.level in ("emergency_ambulance", "emergency")]
