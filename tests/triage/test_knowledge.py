"""The knowledge files load, validate, and cover what the issue asks."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from tools.triage.knowledge import protocols, red_flag_rules, symptom_lexicon
from tools.triage.models import Protocol, RedFlag

_CONTEXT = {"pregnant", "postpartum", "diabetes", "heart_disease", "lung_disease", "immunosuppressed",
            "anticoagulant", "recent_surgery", "vaccination_recent", "sweating", "swelling_hands_face",
            "pain_radiating", "bleeding_any", "pale", "rabies_risk", "eating_normally", "pleuritic_pain",
            "suicide_means", "urine_less", "possible_pregnancy",
            # a medicine that explains black poo (stress round, zh)
            "iron_or_bismuth",
            # modifiers of another complaint (outside batch D, en): it settled, a cold's chest, thrush seen before,
            # a benign cause of ankle swelling, a failed treatment; a pulse out of range is a red flag of its own
            "symptom_relieved", "chesty_cold", "thrush_typical", "swelling_trigger_benign", "treatment_failed",
            "abnormal_pulse",
            # modifiers (outside batches E/G, en): a contact lens wearer's red eye, the person's usual pattern
            "contact_lens", "usual_pattern",
            # modifier (outside batch K, zh): a full stomach after eating too much
            "overeating",
            # modifier (round M-P, en): taking a statin turns muscle aches into a see-a-doctor side effect
            "statin_use",
            # modifier (round R, zh): coffee or an energy drink just before a racing heart or shaky hands
            "caffeine_trigger",
            # modifier (round T, zh): a pain that lasted only a second or two softens chest pain in the young
            "fleeting_pain",
            # modifier (round S, zh): a wound when tetanus vaccination is not up to date or not known
            "tetanus_unsure",
            # modifiers (outside W, en): a cough on an ACE inhibitor; vomiting in adrenal insufficiency (red flag)
            "ace_inhibitor", "adrenal_insufficiency",
            # modifier (outside X, zh): shakiness after going without food, settled by eating, is hunger
            "missed_meal",
            # modifiers and red-flag-only findings (outside W, zh): digoxin poisoning, a slow pulse, a clotted
            # dialysis fistula; a discharge that smells or itches; a sugar reading back in range
            "on_digoxin", "slow_pulse", "coloured_vision", "fistula_thrill_lost", "discharge_abnormal_features",
            "blood_sugar_settled",
            # modifiers (outside W, second pass, en): fluids staying down in pregnancy sickness; a graze away from
            # the feet in someone with diabetes
            "keeping_fluids_down", "graze_off_foot",
            # red-flag-only findings (outside Z, zh): priapism, paraphimosis, a severe drug skin reaction, keratitis,
            # quinsy, spreading weakness, both legs numb or weak, straining to pee
            "priapism", "paraphimosis", "mucosal_sores", "sjs_risk_drug", "skin_blistering", "corneal_spot",
            "muffled_voice", "bilateral_leg_weakness", "weakness_spreading", "both_legs_numb", "urinary_retention",
            # red-flag-only findings and modifiers (outside Z, en): delirium tremens, mastoiditis, necrotising
            # fasciitis, serotonin syndrome, penile fracture; hyperemesis before 16 weeks; daily anti-inflammatories
            "alcohol_stopped", "mastoid_swelling", "pain_out_of_proportion", "necrotic_skin_signs",
            "serotonergic_medicine", "muscle_jerking", "agitation", "penile_fracture", "early_pregnancy",
            "regular_nsaid_use",
            # red-flag-only findings and modifiers (outside BB/CC, en): a possible HIV exposure (PEP); a cold
            # clearing day by day; walking normally after a knock or twist; pus or a smell from a wound
            "hiv_exposure", "improving", "walking_normally", "wound_discharge",
            # modifiers (outside DD, en): thoughts with no plan or intent to act; pus on the tonsils
            "no_suicide_intent", "tonsil_exudate",
            # modifier (round FF, zh): a history of cancer turns back pain into a same-day check
            "cancer_history",
            # modifiers (round EE, zh): a pain that came on slowly (epididymo-orchitis, not torsion); a nappy rash keeps
            # a well baby out of the "any rash under 3 months" rule
            "gradual_onset", "nappy_rash",
            # modifiers (round FF, en): breathlessness slight and only on effort (swollen ankles in heart
            # failure); a child who will not put weight on a leg (its phrases are limp's too)
            "breathless_exertion", "non_weight_bearing",
            # modifier (round AA, en): breathless only on the stairs or hills, not at rest (a chest infection at 65+)
            "exertional_breathless",
            # red-flag-only findings (round AA, zh): a fall from a height (with vomiting or drowsiness after it); a
            # trip to a tropical dengue area (with a fever)
            "fall_from_height", "dengue_area_travel"}


def test_at_least_40_protocols_each_with_source_and_bilingual_label() -> None:
    data = protocols()
    assert len(data.protocols) >= 40
    for protocol in data.protocols:
        assert protocol.source
        assert protocol.label["zh"] and protocol.label["en"]


def test_every_symptom_starts_some_protocol() -> None:
    triggers = {t for p in protocols().protocols for t in p.triggers}
    missing = set(symptom_lexicon().findings) - triggers - _CONTEXT
    assert not missing


def test_red_flags_cover_the_reference_groups() -> None:
    ids = {flag.id for flag in red_flag_rules().red_flags}
    for needed in ("stroke", "heart_attack", "sepsis", "meningitis", "anaphylaxis", "infant_fever_under_3_months",
                   "pregnancy_bleeding", "pregnancy_warning_signs"):
        assert needed in ids
    assert all(flag.source for flag in red_flag_rules().red_flags)


def test_bad_data_is_rejected_with_a_message() -> None:
    with pytest.raises(ValidationError, match="zh and en"):
        RedFlag.model_validate({"id": "x", "level": "emergency", "label": {"en": "x"}, "advice": {"zh": "a", "en": "b"},
                                "source": "s", "when": [{"any": ["fever"]}]})
    with pytest.raises(ValidationError):
        Protocol.model_validate({"id": "p", "label": {"zh": "a", "en": "b"}, "source": "s", "triggers": [],
                                 "base": "urgent"})
    with pytest.raises(ValidationError):  # a typo in a condition key is caught, not ignored
        RedFlag.model_validate({"id": "x", "level": "emergency", "label": {"zh": "a", "en": "b"},
                                "advice": {"zh": "a", "en": "b"}, "source": "s", "when": [{"age_under": 1}]})


def test_warm_up_loads_everything() -> None:
    from tools.triage.knowledge import warm_up

    warm_up()
    assert protocols().protocols and red_flag_rules().red_flags
