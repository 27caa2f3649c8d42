"""Answer an insurance question from the indexed documents, with citations, or refuse by rule.

Order: a drug named in the question -> the drug list; figures to compute -> the arithmetic; otherwise retrieve
sections and quote them. Refusal is decided by code: too low a BM25 score or query coverage, a place no cited
document mentions, or a question asking for a figure when no retrieved section holds one. Nothing is guessed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from assistant.reply import Citation, Locale
from tools.insurance import drugs as drug_tools
from tools.insurance.amounts import RuleSet, compute, parse_amounts
from tools.insurance.evidence import asks_for_figure, figure_wanted, split_sentences
from tools.insurance.index import load_index, uses_sample
from tools.insurance.models import AmountResult, Answer, Hit
from tools.insurance.named_law import unheld_law, unheld_product
from tools.insurance.selection import select_hits
from tools.insurance.terms import (
    DATA_DIR,
    analyse_query,
    load_glossary,
    load_yaml,
    normalize,
    tokenize,
)

MAX_QUOTE_CHARS = 220
SAMPLE_PLAN_WORDS = ("样例市", "sample city", "sample plan", "示例方案")


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    """Names the glossary knows (places, terms in either language), which a question may capitalise as a name."""
    glossary = load_glossary()
    terms = {normalize(t) for c in glossary.concepts for t in c.en}
    return frozenset(terms | set(glossary.places))


@lru_cache(maxsize=1)
def _messages() -> dict[str, dict[str, str]]:
    return load_yaml(DATA_DIR / "messages.yaml")["messages"]


@lru_cache(maxsize=1)
def _doc_titles() -> dict[str, dict[str, str]]:
    return load_yaml(DATA_DIR / "doc_titles.yaml")["titles"]


@lru_cache(maxsize=1)
def _sample_rules() -> dict:  # type: ignore[type-arg]
    return load_yaml(DATA_DIR / "sample" / "sample_plan_rules.yaml")


def msg(key: str, locale: Locale, **values: object) -> str:
    return _messages()[key][locale].format(**values)


def doc_title(doc_id: str, fallback: str, locale: Locale) -> str:
    return _doc_titles().get(doc_id, {}).get(locale, fallback)


def article_label(label: str, locale: Locale) -> str:
    """'第二十八条' stays in Chinese; in English it reads 'Article 28 (第二十八条)'."""
    from tools.insurance.amounts import parse_chinese_number

    match = re.fullmatch(r"第([零〇一二三四五六七八九十百千两\d]+)条", label)
    if locale == "en" and match:
        raw = match.group(1)
        number = int(raw) if raw.isdigit() else parse_chinese_number(raw)
        if number is not None:
            return f"Article {int(number)} ({label})"
    return label


def best_quote(hit: Hit, question: str, figure: re.Pattern[str] | None) -> str:
    """The sentence(s) of the section that hold most of the question's terms, verbatim from the section."""
    text = hit.text.strip()
    if len(text) <= MAX_QUOTE_CHARS:
        return text
    _, units = analyse_query(question)
    sentences = [s for s in split_sentences(text) if len(s) > 3 and not s.startswith("#")]
    if not sentences:
        return text[:MAX_QUOTE_CHARS]

    def score(sentence: str) -> float:
        tokens, lowered = set(tokenize(sentence)), normalize(sentence)
        hits = sum(1.0 for u in units if u.held_by(tokens, lowered))
        if figure is not None and figure.search(normalize(sentence)):
            hits += 1.5
        return hits - len(sentence) / 2000

    best = max(range(len(sentences)), key=lambda i: score(sentences[i]))
    quote = sentences[best]
    if len(quote) < 60 and best + 1 < len(sentences):
        nxt = sentences[best + 1]
        joined = text[text.index(quote) : text.index(nxt, text.index(quote)) + len(nxt)]
        if len(joined) <= MAX_QUOTE_CHARS * 1.5:
            quote = joined
    return quote


def _asked_year(question: str) -> str | None:
    """The latest year a question names (earlier ones are the patient's history), or None."""
    years = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", normalize(question))
    return max(years) if years else None


def _numbers(text: str) -> list[float]:
    return [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)]


def _refusal(locale: Locale, reason: str, key: str = "refuse", **values: object) -> Answer:
    text = msg(key, locale, **values)
    return Answer(answerable=False, text=text, locale=locale, reason=reason, numbers=_numbers(text))


def answer_question(question: str, locale: Locale, index_dir: Path, k: int = 8) -> Answer:
    """The answer to one question: text in the patient's language, citations with verbatim quotes, or a refusal."""
    if not question or not question.strip():
        return Answer(answerable=False, text=msg("empty", locale), locale=locale, reason="empty question")
    index_dir = Path(index_dir)
    drug_answer = answer_drug(question, locale, index_dir)
    if drug_answer is not None:
        return drug_answer
    amount_answer = answer_amount(question, locale, index_dir)
    if amount_answer is not None:
        return amount_answer
    return answer_from_documents(question, locale, index_dir, k)


def answer_from_documents(question: str, locale: Locale, index_dir: Path, k: int = 8) -> Answer:
    titles = [t for both in _doc_titles().values() for t in both.values()]
    law = unheld_law(question, load_index(index_dir), titles)
    if law is not None:
        # What a law says is answered by that law only: others sharing its words do not say what it says.
        return _refusal(locale, f"law not in documents: {law}")
    product = unheld_product(question, load_index(index_dir), _known_names())
    if product is not None:
        # Whether a product is paid for is said only where it is named (a drug list reached first names its drugs).
        return _refusal(locale, f"product not in documents: {product}")
    hits, why = select_hits(question, locale, index_dir, k)
    if not hits:
        if why.startswith("place:"):
            return _refusal(locale, why, "refuse_place", place=why.split(":", 1)[1])
        if why == "figure not in documents":
            return _refusal(locale, why, "refuse_number")
        return _refusal(locale, why)
    loaded = load_index(index_dir)
    figure = figure_wanted(question)
    cross = any(loaded.languages.get(h.doc_id, locale) != locale for h in hits)
    lines = [msg("intro_cross" if cross else "intro", locale)]
    citations: list[Citation] = []
    for hit in hits:
        quote = best_quote(hit, question, figure)
        citations.append(Citation(doc_id=hit.doc_id, section=hit.label, quote=quote))
        title = doc_title(hit.doc_id, hit.title, locale)
        lines.append(msg("cite_line", locale, title=title, label=article_label(hit.label, locale), quote=quote))
    lines.append(msg("closing", locale))
    if uses_sample(index_dir):
        lines.append(msg("sample_notice", locale))
    text = "\n".join(lines)
    return Answer(answerable=True, text=text, locale=locale, citations=citations, reason=why, numbers=_numbers(text))


def answer_drug(question: str, locale: Locale, index_dir: Path) -> Answer | None:
    """A drug-class answer when the question names a drug; None when it names none."""
    lists = drug_tools.drug_lists(index_dir)
    if not lists or any(u.system == "us" for u in analyse_query(question)[1]):
        return None  # no list, or a question about Medicare drug coverage, not the Chinese list
    names = drug_tools.mentioned_drug_names(question, lists)
    if not names:
        return None
    asked = [u for u in analyse_query(question)[1] if u.required]
    if asked:
        # What a drug list cannot hold (which drug suits the patient, which pharmacy, which insurer): it gives a
        # drug's class and restriction only, so the question is refused rather than answered with its rows.
        return _refusal(locale, f"drug list does not say: {asked[0].concept}")
    asked_year = _asked_year(question)
    if asked_year is not None and not any(asked_year in f"{dl.doc_id} {dl.title}" for dl in lists):
        # The list is one year's edition: it does not say what an earlier or later edition held or paid.
        return _refusal(locale, f"year {asked_year} not in documents")
    lines: list[str] = []
    citations: list[Citation] = []
    entries_all = []
    missing: list[str] = []
    for name in names[:3]:
        entries = drug_tools.lookup(name, lists)[:6]
        if not entries:
            missing.append(name)
            continue
        entries_all.extend(entries)
        title = doc_title(entries[0].doc_id, lists[0].title, locale)
        lines.append(msg("drug_found", locale, name=name, title=title))
        for entry in entries:
            klass = {"甲": "drug_class_jia", "乙": "drug_class_yi"}.get(entry.drug_class, "drug_class_commercial")
            extra = ""
            if entry.restriction:
                extra += msg("drug_restriction", locale, text=entry.restriction)
            if entry.payment_standard and entry.payment_standard != "*":
                extra += msg("drug_payment_standard", locale, text=entry.payment_standard)
            if entry.agreement_period:
                extra += msg("drug_agreement_period", locale, text=entry.agreement_period)
            lines.append("- " + msg("drug_row", locale, label=entry.label, klass=msg(klass, locale), extra=extra))
            quote = f"{entry.no} {entry.name_zh} {entry.dosage_form or ''} {entry.drug_class}".strip()
            if entry.restriction:
                quote += f" {entry.restriction}"
            if entry.agreement_period:
                quote += f" 协议有效期：{entry.agreement_period}"
            citations.append(Citation(doc_id=entry.doc_id, section=entry.label, quote=re.sub(r"\s+", " ", quote)))
    if not entries_all:
        title = doc_title(lists[0].doc_id, lists[0].title, locale)
        return _refusal(locale, "drug not in list", "drug_not_found", name=missing[0], title=title)
    figure = figure_wanted(question)
    if figure is not None and not drug_tools.gives_figure(entries_all, question, figure):
        # A price or an amount asked for ("多少钱一盒", "how much does it cost"): the list gives a figure only as
        # the payment standard of negotiated drugs, and a date only as their agreement period.
        return _refusal(locale, "drug figure not in list", "refuse_number")
    if any(e.drug_class == "乙" for e in entries_all):
        lines.append(msg("drug_explain_yi", locale))
    for name in missing:
        lines.append(msg("drug_not_found", locale, name=name, title=doc_title(lists[0].doc_id, lists[0].title, locale)))
    text = "\n".join(lines)
    return Answer(
        answerable=True, text=text, locale=locale, citations=citations, drugs=entries_all, reason="drug list",
        numbers=_numbers(text),
    )


def _plan_for(question: str) -> tuple[str, RuleSet]:
    text = normalize(question)
    setting = "outpatient" if any(w in text for w in ("门诊", "outpatient", "看病", "doctor visit")) else "inpatient"
    scheme = "resident" if any(w in text for w in ("居民", "resident", "农村", "学生", "student")) else "employee"
    key = f"{setting}_{scheme}"
    raw = _sample_rules()["plans"][key]
    return key, RuleSet(
        deductible=raw["deductible"], ratio=raw["ratio"], cap=raw.get("cap"),
        class_b_self_paid_share=raw.get("class_b_self_paid_share", 0.0), source_sections=raw.get("sections", []),
    )


def answer_amount(question: str, locale: Locale, index_dir: Path) -> Answer | None:
    """The arithmetic when the question gives a total; None when it gives no figure to compute with."""
    amounts = parse_amounts(question)
    if amounts.total is None:
        return None
    text_n = normalize(question)
    plan_key: str | None = None
    plan: RuleSet | None = None
    if uses_sample(index_dir) or any(w in text_n for w in SAMPLE_PLAN_WORDS):
        plan_key, plan = _plan_for(question)
    result = compute(amounts, plan)
    if result is None:
        if amounts.ratio is None and not asks_for_figure(question) and not re.search(r"报|reimburs|cover|pay", text_n):
            return None  # a figure in passing ("I am 70"), not a request to compute
        if amounts.ratio is None and amounts.deductible is None and not _about_reimbursement(question):
            return None  # an amount of another kind (contributions paid late, a fine): the documents may answer
        if amounts.ratio is None and amounts.deductible is None and not asks_for_figure(question):
            # "住院花了一万多，这种情况医保给不给报？": whether the bill is covered at all, with the bill told in
            # passing; the documents answer whether, not how much.
            return None
        return _refusal(locale, "rules missing for arithmetic", "amount_need_rules")
    return _amount_answer(result, locale, plan_key, index_dir)


REIMBURSEMENT_CONCEPTS = frozenset({"reimbursement_ratio", "deductible", "cap", "coinsurance", "excluded"})


def _about_reimbursement(question: str) -> bool:
    """The question asks what the insurance pays back of a bill (not a contribution, fee or fine)."""
    return any(u.concept in REIMBURSEMENT_CONCEPTS for u in analyse_query(question)[1])


def _amount_answer(result: AmountResult, locale: Locale, plan_key: str | None, index_dir: Path) -> Answer:
    lines: list[str] = []
    citations: list[Citation] = []
    if result.rule_source == "plan" and plan_key:
        note = _sample_rules()["notes"][plan_key][locale]
        lines.append(msg("amount_intro_plan", locale, note=note))
        doc_id = _sample_rules()["doc_id"]
        loaded = load_index(index_dir) if uses_sample(index_dir) else None
        for label in _sample_rules()["plans"][plan_key]["sections"]:
            section = next(
                (s for s in (loaded.sections if loaded else []) if s.doc_id == doc_id and s.label == label), None
            )
            if section is not None:
                citations.append(Citation(doc_id=doc_id, section=label, quote=section.text))
    else:
        lines.append(msg("amount_intro_question", locale))
    lines.extend(f"- {getattr(step, locale)}" for step in result.steps)
    lines.append(msg("amount_result", locale, fund=f"{result.fund_pays:,.2f}", patient=f"{result.patient_pays:,.2f}"))
    lines.append(msg("amount_caveat", locale))
    text = "\n".join(lines)
    # Rules the patient states are not the documents' rules: the arithmetic is shown, the question stays
    # unanswered by the documents (no citation, a referral to the insurer).
    from_documents = result.rule_source == "plan"
    return Answer(
        answerable=from_documents, text=text, locale=locale, citations=citations, amounts=result,
        reason="arithmetic" if from_documents else "arithmetic on the patient's own rules",
        numbers=_numbers(text),
    )
