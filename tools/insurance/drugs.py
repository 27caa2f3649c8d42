"""Drug-class lookups over a national drug list in the NRDL JSON format (国家医保药品目录).

The list is an operator-ingested drug list (index_dir/drug_lists/*.json) or, when none was ingested, the real
2025 list shipped in the repository's corpora/ folder. Chinese names are found in the question by substring;
English names go through data/drug_names.yaml.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from tools.insurance.evidence import COUNT_TIME_FIGURE, TIME_FIGURE
from tools.insurance.index import drug_lists_dir
from tools.insurance.models import DrugEntry
from tools.insurance.terms import DATA_DIR, load_yaml, normalize

REPO_DRUG_LIST = Path(__file__).resolve().parents[2] / "corpora" / "china_nrdl_2025.json"
_SALT_PREFIX = re.compile(
    r"^(注射用|盐酸|甲磺酸|硫酸氢|硫酸|马来酸|枸橼酸|酒石酸|重酒石酸|磷酸|富马酸|苯磺酸|琥珀酸|醋酸|氢溴酸|乳酸|甲苯磺酸)"
)
_FORM_SUFFIX = re.compile(
    r"(\([ⅠⅡⅢⅣⅤ\dI]+\))?(注射用浓溶液|口服用浓溶液|浓溶液|注射液|注射剂|缓释片|控释片|肠溶片|分散片|口崩片|片|缓释胶囊|"
    r"肠溶胶囊|软胶囊|胶囊|颗粒|口服溶液|口服液|干混悬剂|吸入粉雾剂|吸入气雾剂|吸入溶液|粉雾剂|气雾剂|喷雾剂|滴眼液|乳膏|软膏|"
    r"凝胶贴膏|凝胶|贴剂|植入剂|栓|混悬液)$"
)
_ALIAS = re.compile(r"[（(]([^()（）]+)[)）]")


class DrugRow(BaseModel):
    no: str
    name_zh: str
    dosage_form: str | None = None
    section: str
    drug_class: str
    restriction: str | None = None
    agreement_period: str | None = None
    payment_standard: str | None = None


class DrugList(BaseModel):
    doc_id: str
    title: str
    rows: list[DrugRow]
    commercial: list[DrugRow]


def base_names(name: str) -> set[str]:
    """The names a patient may use for a listed name: itself, its bracketed alias, without salt and form."""
    names = {name}
    names.update(a for a in _ALIAS.findall(name) if re.search(r"[\u4e00-\u9fff]{2,}", a))
    plain = _ALIAS.sub("", name)
    names.add(plain)
    stripped = _FORM_SUFFIX.sub("", _SALT_PREFIX.sub("", plain))
    names.add(stripped)
    names.add(_FORM_SUFFIX.sub("", plain))
    return {n for n in names if len(n) >= 2}


def _read_list(path: Path, doc_id: str) -> DrugList:
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    rows = [
        DrugRow(
            no=str(r.get("no", "")),
            name_zh=r["name_zh"],
            dosage_form=r.get("dosage_form"),
            section=r.get("section") or "药品目录",
            drug_class=r.get("class") or "",
            restriction=r.get("restriction"),
            agreement_period=r.get("agreement_period"),
            payment_standard=r.get("payment_standard"),
        )
        for r in data["drugs"]
    ]
    commercial = [
        DrugRow(
            no=str(r.get("no", "")), name_zh=r["name_zh"], section="商业健康保险创新药品目录", drug_class="商保创新药"
        )
        for r in data.get("commercial_innovative_list", [])
    ]
    return DrugList(doc_id=doc_id, title=str(data.get("title") or doc_id), rows=rows, commercial=commercial)


@lru_cache(maxsize=8)
def _load_lists(paths: tuple[tuple[str, str, int], ...]) -> list[DrugList]:
    return [_read_list(Path(path), doc_id) for path, doc_id, _ in paths]


def drug_lists(index_dir: Path) -> list[DrugList]:
    """The operator's drug lists, else the repository's 2025 national list (cached per file version)."""
    found = sorted(p for p in drug_lists_dir(index_dir).glob("*.json") if not p.name.endswith(".meta.json"))
    if not found and REPO_DRUG_LIST.is_file():
        found = [REPO_DRUG_LIST]
    key = tuple((str(p), p.stem, p.stat().st_mtime_ns) for p in found)
    return _load_lists(key)


@lru_cache(maxsize=1)
def english_drug_names() -> dict[str, str]:
    raw = load_yaml(DATA_DIR / "drug_names.yaml")
    return {normalize(k): v for k, v in raw["drugs"].items()}


@lru_cache(maxsize=8)
def _name_index(list_key: str, names: tuple[str, ...]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        for base in base_names(name):
            index.setdefault(base, []).append(i)
    return index


_DOSAGE_FORM = re.compile(
    r"(?:胶囊|颗粒|冲剂|口服液|注射液|滴丸|(?<![拍照名图刀卡影切胶底])片|丸|糖浆|软膏|乳膏|喷雾剂|滴眼液|贴膏)(?!子)"
)
_NOT_A_NAME = re.compile(r"[这那个些的吃用种买开药该哪什么]|医保|报销|自费")
# What ends the patient's words before a medicine's name ("想买连花清瘟胶囊", "医生给开了XX片"): the name is what
# follows the last of them.
_BEFORE_NAME = re.compile(r".*(?:[这那个些的吃用种买开药该哪什么了想要把给在是和跟与或及拿]|医保|报销|自费)")
MIN_NAME_CHARS = 2


@lru_cache(maxsize=1)
def _inn_stems() -> tuple[int, tuple[str, ...]]:
    raw = load_yaml(DATA_DIR / "inn_stems.yaml")
    return int(raw["min_length"]), tuple(raw["stems"])


def inn_like_names(text: str) -> list[str]:
    """English words shaped like a medicine's international name ("minoxidil", "tadalafil") that the glossary of
    English drug names does not know."""
    min_length, stems = _inn_stems()
    known = english_drug_names()
    return [
        w for w in dict.fromkeys(re.findall(r"[a-z]+", normalize(text)))
        if len(w) >= min_length and w.endswith(stems) and w not in known
    ]


@lru_cache(maxsize=1)
def _zh_stems() -> re.Pattern[str]:
    stems = load_yaml(DATA_DIR / "inn_stems.yaml").get("zh_stems", [])
    return re.compile(r"([\u4e00-\u9fff]{1,6}?)(?:" + "|".join(map(re.escape, stems)) + ")")


def zh_inn_like_names(text: str) -> list[str]:
    """Chinese names ending as a medicine's international name is transliterated ("他达拉非", "某某他汀"), cut after
    the patient's words that lead up to them, that no list knows."""
    names: list[str] = []
    for match in _zh_stems().finditer(text):
        before = re.search(r"[\u4e00-\u9fff]{1,6}$", text[: match.end(1)])
        prefix = _BEFORE_NAME.sub("", before.group(0)) if before else ""
        if prefix and not _NOT_A_NAME.search(prefix):
            names.append(prefix[-6:] + match.group(0)[len(match.group(1)):])
    return names


def _named_with_form(text: str) -> list[str]:
    """Names written with a dosage form ("连花清瘟胶囊"), cut after the patient's words that lead up to them."""
    names: list[str] = []
    for match in _DOSAGE_FORM.finditer(text):
        before = re.search(r"[\u4e00-\u9fff]{1,12}$", text[: match.start()])
        if before is None:
            continue
        name = _BEFORE_NAME.sub("", before.group(0))[-8:]
        if len(name) >= MIN_NAME_CHARS and not _NOT_A_NAME.search(name):
            names.append(name)
    return names


@lru_cache(maxsize=4096)
def _combination_pattern(english: str) -> re.Pattern[str]:
    """An English name as a whole word, its words joined by a space, a slash or a hyphen: a combination product is
    written "sacubitril/valsartan" as often as "sacubitril valsartan", and it is not its component valsartan."""
    words = [re.escape(w) for w in english.split()]
    return re.compile(r"(?<![a-z0-9])" + r"\s*[\s/\-]\s*".join(words) + r"(?![a-z0-9])")


def mentioned_drug_names(question: str, lists: list[DrugList]) -> list[str]:
    """Drug names in the question: listed Chinese names (longest first, no name inside another) and the Chinese
    names of English ones from the glossary (also when the list lacks them, so the answer can say so)."""
    text = normalize(question)
    found: list[str] = []
    for english, chinese in english_drug_names().items():
        if _combination_pattern(english).search(text):
            found.append(chinese)
    for drug_list in lists:
        for rows in (drug_list.rows, drug_list.commercial):
            names = tuple(r.name_zh for r in rows)
            for base in _name_index(f"{drug_list.doc_id}:{len(names)}", names):
                if len(base) >= 2 and base in text:
                    found.append(base)
    for chinese in set(english_drug_names().values()):
        if chinese in text:
            found.append(chinese)
    if not found:
        # A name with a dosage form ("连花清瘟胶囊") is a medicine even when no list knows it: the answer then says
        # it is not in the list, rather than quoting the list's general rules as if they answered.
        found = _named_with_form(text) or inn_like_names(text) or zh_inn_like_names(text)
    found = sorted(set(found), key=len, reverse=True)
    kept: list[str] = []
    for name in found:
        if not any(name in longer for longer in kept):
            kept.append(name)
    return kept


def lookup(name: str, lists: list[DrugList]) -> list[DrugEntry]:
    """The rows whose name (or alias, or salt-free name) is `name`; when none, the rows whose name contains it."""
    exact = _lookup(name, lists, exact=True)
    return exact or _lookup(name, lists, exact=False)


def _lookup(name: str, lists: list[DrugList], exact: bool) -> list[DrugEntry]:
    entries: list[DrugEntry] = []
    for drug_list in lists:
        for rows in (drug_list.rows, drug_list.commercial):
            for row in rows:
                bases = base_names(row.name_zh)
                if name in bases if exact else (len(name) >= 3 and any(name in b for b in bases)):
                    entries.append(
                        DrugEntry(
                            doc_id=drug_list.doc_id,
                            name_zh=row.name_zh,
                            no=row.no,
                            dosage_form=row.dosage_form,
                            part=row.section,
                            drug_class=row.drug_class,
                            restriction=row.restriction,
                            payment_standard=row.payment_standard,
                            agreement_period=row.agreement_period,
                        )
                    )
    return entries


# A question about the negotiated agreement ("协议期到什么时候", "until when is its price agreement valid"): the
# list's agreement period gives the date asked for. Other dates ("能用多久") it does not give.
_ASKS_AGREEMENT = re.compile(r"协议|谈判|有效期|到期|agreement|negotiat|\bvalid\b|expir")
# What the patient is left to pay once the fund has paid ("报完了还得掏多少", "how much after insurance"): the share
# each city's rules set, not the list's payment standard (the price the fund pays against).
_ASKS_OWN_SHARE = re.compile(
    r"报(?:销)?(?:完|了以后|了之后|后|以后|之后)|自(?:己|个儿|个)?(?:掏|付|出)|个人(?:负担|承担)|"
    r"out[ -]of[ -]pocket|after (?:insurance|reimbursement|the (?:insurance|fund))|\bmy (?:share|copay)\b"
)
# A period in a restriction: a count of hours, days, weeks, months or years ("72小时内", "不超过20天", "12周").
_RESTRICTION_PERIOD = re.compile(r"(?:\d+|(?<![每同当])[一二三四五六七八九十两]+)\s*(?:个)?(?:小时|日|天|周|月|年)")


def gives_figure(entries: list[DrugEntry], question: str, figure: re.Pattern[str]) -> bool:
    """Whether the rows found give the figure asked for: a date of the agreement from its period, a period of use
    from the restriction ("发作72小时内开始使用，支付不超过20天"), an amount from the payment standard of a negotiated
    drug (the list gives no other figure)."""
    if figure in (TIME_FIGURE, COUNT_TIME_FIGURE):
        if _ASKS_AGREEMENT.search(normalize(question)):
            return any(e.agreement_period for e in entries)
        # How long or by when a drug is paid for: only a restriction that states a period gives it.
        return any(e.restriction and _RESTRICTION_PERIOD.search(normalize(e.restriction)) for e in entries)
    if _ASKS_OWN_SHARE.search(normalize(question)):
        return False
    # The payment standard is a price: it gives a money figure, not a share ("报销百分之多少") nor anything else.
    return any(
        e.payment_standard and e.payment_standard != "*" and figure.search(normalize(e.payment_standard))
        for e in entries
    )

