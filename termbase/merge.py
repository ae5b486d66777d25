"""How an incoming concept is merged into the termbase: pure decisions, no SQL.

:func:`choose_target` picks the existing concept an incoming one designates (a shared term in
the same language; an acronym alone is not enough when the two concepts have different full
forms in the same language, e.g. CPI = Cour pénale internationale vs indice des prix à la
consommation). :func:`plan_merge` lists what the merge adds or changes; curated data is never
overwritten by non-curated data, and merging the same concept twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from termbase.fold import fold_term
from termbase.model import Concept, Evidence, Term, fields_to_json

#: Result of :func:`choose_target` when the incoming concept matches several concepts equally
#: through acronyms only and brings nothing (a full form) to tell them apart.
AMBIGUOUS = "ambiguous"


def term_key(term: Term) -> tuple[str, str]:
    """The identity of a term inside the termbase: language and folded text."""
    return term.lang, fold_term(term.text)


def evidence_key(ev: Evidence) -> tuple[str, str, str, str, str]:
    """The identity of a piece of evidence (duplicates are not stored twice)."""
    return ev.source, ev.symbol, ev.context_fr, ev.context_en, ev.method


def _full_forms(concept: Concept) -> dict[str, set[str]]:
    forms: dict[str, set[str]] = {}
    for term in concept.terms:
        if term.type != "acronym":
            forms.setdefault(term.lang, set()).add(fold_term(term.text))
    return forms


def choose_target(incoming: Concept, candidates: list[Concept]) -> Concept | str | None:
    """The candidate to merge into, :data:`AMBIGUOUS`, or None (add a new concept)."""
    keys = {term_key(t) for t in incoming.terms}
    full_keys = {term_key(t) for t in incoming.terms if t.type != "acronym"}
    incoming_forms = _full_forms(incoming)
    scored = []
    for cand in candidates:
        cand_keys = {term_key(t) for t in cand.terms}
        shared = len(keys & cand_keys)
        full_shared = len(full_keys & cand_keys)
        if not shared:
            continue
        if not full_shared:
            # Acronym-only match: refuse when both have full forms in a language and none agree.
            cand_forms = _full_forms(cand)
            if any(lang in cand_forms for lang in incoming_forms):
                continue
        scored.append(((full_shared, shared, cand.kind == incoming.kind), cand))
    if not scored:
        return None
    scored.sort(key=lambda item: (item[0], -(item[1].id or 0)), reverse=True)
    best_score, best = scored[0]
    if len(scored) > 1 and scored[1][0][:2] == best_score[:2] and best_score[0] == 0:
        # Several concepts share the same acronym(s) and nothing else.
        return None if full_keys else AMBIGUOUS
    return best


@dataclass
class MergePlan:
    """What merging changes in the target concept (empty plan: nothing to do)."""

    new_terms: list[Term] = field(default_factory=list)
    #: (existing term id, new type, new status, new no_check)
    term_updates: list[tuple[int, str, str, bool]] = field(default_factory=list)
    new_evidence: list[Evidence] = field(default_factory=list)
    #: Concept columns to change (``curated``, ``kind``, ``subject``, ``note``, ...).
    concept_updates: dict[str, object] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(
            self.new_terms or self.term_updates or self.new_evidence or self.concept_updates
        )


def plan_merge(target: Concept, incoming: Concept) -> MergePlan:
    """The changes that merge ``incoming`` into ``target``.

    - evidence not yet recorded is always added;
    - a curated incoming concept makes the target curated and its term data authoritative;
    - a non-curated incoming concept adds missing terms to a non-curated target only, never
      touches the type/status of existing terms, and fills only empty subject/note fields;
    - the incoming concept's extra fields (TBX definitions, cross-references...) that the
      target lacks are added on the same terms as its new terms.
    """
    plan = MergePlan()
    known_ev = {evidence_key(e) for e in target.evidence}
    for ev in incoming.evidence:
        key = evidence_key(ev)
        if key not in known_ev:
            known_ev.add(key)
            plan.new_evidence.append(ev)
    existing: dict[tuple[str, str], list[Term]] = {}
    for term in target.terms:
        existing.setdefault(term_key(term), []).append(term)
    authoritative = incoming.curated or not target.curated
    for term in incoming.terms:
        same = existing.get(term_key(term))
        if not same:
            if authoritative:
                existing[term_key(term)] = [term]
                plan.new_terms.append(term)
            continue
        data = (term.type, term.status, term.no_check)
        if incoming.curated and all((t.type, t.status, t.no_check) != data for t in same):
            # A concept may hold one text twice (short and formal country name alike): the
            # update goes to a stored term that does not already carry another incoming form.
            taken = {(t.type, t.status, t.no_check) for t in incoming.terms}
            old = next((t for t in same if (t.type, t.status, t.no_check) not in taken), None)
            if old is not None:
                plan.term_updates.append((old.id, *data))
    updates = plan.concept_updates
    if incoming.curated and not target.curated:
        updates.update(curated=True, kind=incoming.kind, confidence=1.0)
        if incoming.origin:
            updates["origin"] = incoming.origin
    for name in ("subject", "note"):
        value = getattr(incoming, name)
        current = getattr(target, name)
        if value and value != current and (incoming.curated or not (target.curated or current)):
            updates[name] = value
    if not target.curated and not incoming.curated and incoming.confidence > target.confidence:
        updates["confidence"] = incoming.confidence
    new_fields = [f for f in incoming.fields if f not in target.fields]
    if new_fields and authoritative:  # definitions, cross-references... of a TBX import
        updates["fields"] = fields_to_json(target.fields + new_fields)
    return plan
