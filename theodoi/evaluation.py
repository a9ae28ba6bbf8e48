"""Compare extraction JSON (eval/SCHEMA.md shape) with expected JSON written by an annotator.

The matching rules follow the schema's scoring notes, so the project can measure itself
on its own corpus without the shared material: a gold task is found when one predicted
task holds at least half of its syllables; names match after normalising case, tone
placement and common abbreviations; targets match on value, year and indicator overlap;
references on the normalised number.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from theodoi.vietnamese import compare_key

ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "mttq": "mặt trận tổ quốc",
    "tt&tt": "thông tin và truyền thông", "kh&đt": "kế hoạch và đầu tư", "kh&cn": "khoa học và công nghệ",
    "nn&ptnt": "nông nghiệp và phát triển nông thôn", "tn&mt": "tài nguyên và môi trường",
    "gd&đt": "giáo dục và đào tạo", "lđ-tb&xh": "lao động thương binh và xã hội", "gtvt": "giao thông vận tải",
    "bcs": "ban cán sự", "btv": "ban thường vụ", "bch": "ban chấp hành", "tw": "trung ương", "tp": "thành phố",
}


def syllables(text: str | None) -> list[str]:
    """The syllables of a text, lowercased, tones placed one way, abbreviations written out."""
    words = []
    for token in compare_key(text or "").split():
        words.append(ABBREVIATIONS.get(token.strip(".,;:()\"'“”"), token))
    return re.findall(r"\w+", " ".join(words))


def held_share(part: list[str], whole: list[str]) -> float:
    """The share of `part`'s syllables that also stand in `whole`."""
    if not part:
        return 0.0
    return sum((Counter(part) & Counter(whole)).values()) / len(part)


def same_name(a: str, b: str) -> bool:
    """Whether two written names are the same body."""
    na, nb = " ".join(syllables(a)), " ".join(syllables(b))
    return bool(na and nb) and (na == nb or SequenceMatcher(None, na, nb).ratio() >= 0.85)


def _names(value) -> list[str]:
    return [v if isinstance(v, str) else v.get("name") or v.get("text") or "" for v in value or []]


def _set_f1(gold: list[str], pred: list[str]) -> tuple[int, int, int]:
    used, hits = set(), 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and same_name(g, p):
                used.add(i)
                hits += 1
                break
    return hits, len(gold), len(pred)


def _norm_number(number: str | None) -> str:
    return re.sub(r"\s+", "", (number or "")).upper().replace("SỐ:", "").replace("SỐ", "")


@dataclass
class Tally:
    """Hits, gold count and predicted count of one measure, with its precision/recall/F1."""

    hits_gold: int = 0
    hits_pred: int = 0
    gold: int = 0
    pred: int = 0

    @property
    def f1(self) -> float:
        precision = self.hits_pred / self.pred if self.pred else (1.0 if not self.gold else 0.0)
        recall = self.hits_gold / self.gold if self.gold else (1.0 if not self.pred else 0.0)
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Scores:
    """Micro-averaged tallies over any number of documents."""

    tasks: Tally = field(default_factory=Tally)
    lead: Tally = field(default_factory=Tally)
    support: Tally = field(default_factory=Tally)
    deadline: Tally = field(default_factory=Tally)
    targets: Tally = field(default_factory=Tally)
    references: Tally = field(default_factory=Tally)
    meta_right: int = 0
    meta_total: int = 0

    def summary(self) -> dict[str, float]:
        """The F1 of each measure and the share of document fields right."""
        return {"task_f1": self.tasks.f1, "lead_f1": self.lead.f1, "support_f1": self.support.f1,
                "deadline_f1": self.deadline.f1, "target_f1": self.targets.f1, "ref_f1": self.references.f1,
                "meta_acc": self.meta_right / self.meta_total if self.meta_total else 1.0}


def _same_deadline(gold: dict | None, pred: dict | None) -> bool:
    if not gold or not pred:
        return False
    if gold.get("due") or pred.get("due"):
        return gold.get("due") == pred.get("due")
    return gold.get("kind") == pred.get("kind")


def meta_field_right(field_name: str, gold, pred) -> bool:
    """Whether a predicted document field (kind, number, issuer, date, place, title, signer)
    counts as the gold one, by score.py's rules."""
    if gold is None:
        return pred is None
    if pred is None:
        return False
    if field_name in ("issuer", "title"):
        g, p = syllables(gold), syllables(pred)
        return held_share(g, p) >= 0.8 and held_share(p, g) >= 0.8
    if field_name == "number":
        return _norm_number(gold) == _norm_number(pred)
    return compare_key(str(gold)) == compare_key(str(pred))


def score_document(gold: dict, pred: dict, scores: Scores | None = None) -> Scores:
    """Add one document's comparison to `scores` (a new Scores when None) and return it."""
    scores = scores or Scores()
    gold_tasks, pred_tasks = gold.get("tasks", []), pred.get("tasks", [])
    gold_syl = [syllables(t["text"]) for t in gold_tasks]
    pred_syl = [syllables(t["text"]) for t in pred_tasks]
    scores.tasks.gold += len(gold_tasks)
    scores.tasks.pred += len(pred_tasks)
    for gi, g in enumerate(gold_syl):
        shares = [held_share(g, p) for p in pred_syl]
        if shares and max(shares) >= 0.5:
            scores.tasks.hits_gold += 1
            best = pred_tasks[shares.index(max(shares))]
            for tally, key in ((scores.lead, "lead"), (scores.support, "support")):
                hits, ng, npred = _set_f1(_names(gold_tasks[gi].get(key)), _names(best.get(key)))
                tally.hits_gold += hits
                tally.hits_pred += hits
                tally.gold += ng
                tally.pred += npred
            gd, pd = gold_tasks[gi].get("deadline"), best.get("deadline")
            scores.deadline.gold += bool(gd)
            scores.deadline.pred += bool(pd)
            if _same_deadline(gd, pd):
                scores.deadline.hits_gold += 1
                scores.deadline.hits_pred += 1
    scores.tasks.hits_pred += sum(1 for p in pred_syl if any(held_share(p, g) >= 0.5 for g in gold_syl))

    gold_targets, pred_targets = gold.get("targets", []), pred.get("targets", [])
    scores.targets.gold += len(gold_targets)
    scores.targets.pred += len(pred_targets)
    used = set()
    for g in gold_targets:
        for i, p in enumerate(pred_targets):
            if i in used or float(p.get("value", -1)) != float(g.get("value", -2)) or p.get("year") != g.get("year"):
                continue
            if held_share(syllables(g.get("indicator")), syllables(p.get("indicator") or p.get("text"))) >= 0.5:
                used.add(i)
                scores.targets.hits_gold += 1
                scores.targets.hits_pred += 1
                break

    gold_refs = {_norm_number(r["number"]) for r in gold.get("references", [])}
    pred_refs = {_norm_number(r["number"]) for r in pred.get("references", [])}
    scores.references.gold += len(gold_refs)
    scores.references.pred += len(pred_refs)
    scores.references.hits_gold += len(gold_refs & pred_refs)
    scores.references.hits_pred += len(gold_refs & pred_refs)

    for name in ("kind", "number", "issuer", "date", "place", "title", "signer"):
        scores.meta_total += 1
        scores.meta_right += meta_field_right(name, gold.get("document", {}).get(name),
                                              pred.get("document", {}).get(name))
    return scores
