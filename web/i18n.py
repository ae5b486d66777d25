"""The interface strings in English and French, and the choice of the interface language.

A small catalogue, not gettext: every key has an English and a French text. The language
comes from ``?lang=`` (then remembered in a cookie), else the cookie, else the browser's
``Accept-Language``, else English.
"""

from __future__ import annotations

import re

UI_LANGS = ("en", "fr")
COOKIE = "ui_lang"

MESSAGES: dict[str, dict[str, str]] = {
    "app.title": {"en": "termalign", "fr": "termalign"},
    "app.tagline": {
        "en": "French–English terminology of United Nations documents",
        "fr": "Terminologie français–anglais des documents de l’ONU",
    },
    "nav.search": {"en": "Search", "fr": "Recherche"},
    "nav.check": {"en": "Check", "fr": "Vérifier"},
    "nav.align": {"en": "Align", "fr": "Aligner"},
    "nav.export": {"en": "Export", "fr": "Exporter"},
    "nav.edit": {"en": "Edit", "fr": "Modifier"},
    "nav.login": {"en": "Log in", "fr": "Connexion"},
    "nav.logout": {"en": "Log out", "fr": "Déconnexion"},
    "nav.language": {"en": "Language", "fr": "Langue"},
    "nav.main": {"en": "Main menu", "fr": "Menu principal"},
    "nav.skip": {"en": "Skip to the content", "fr": "Aller au contenu"},
    "search.label": {
        "en": "French, English or acronym",
        "fr": "Français, anglais ou sigle",
    },
    "search.placeholder": {"en": "e.g. OTSC, Security Council", "fr": "ex. OTSC, Conseil de sécurité"},
    "search.button": {"en": "Search", "fr": "Rechercher"},
    "search.suggestions": {"en": "Suggestions", "fr": "Suggestions"},
    "search.help": {
        "en": "Accents and case do not matter. Use the arrow keys to move in the suggestions.",
        "fr": "Les accents et la casse ne comptent pas. Les flèches parcourent les suggestions.",
    },
    "search.none": {"en": "No entry matches “{q}”.", "fr": "Aucune fiche ne correspond à « {q} »."},
    "search.count": {"en": "{n} [n:result|results] for “{q}”",
                     "fr": "{n} [n:résultat|résultats] pour « {q} »"},
    "lang.fr": {"en": "French", "fr": "Français"},
    "lang.en": {"en": "English", "fr": "Anglais"},
    "kind.title": {"en": "official name", "fr": "appellation officielle"},
    "kind.term": {"en": "term", "fr": "terme"},
    "kind.country": {"en": "country", "fr": "pays"},
    "type.fullForm": {"en": "full form", "fr": "forme complète"},
    "type.acronym": {"en": "acronym", "fr": "sigle"},
    "type.shortForm": {"en": "short form", "fr": "forme abrégée"},
    "type.variant": {"en": "variant", "fr": "variante"},
    "status.preferred": {"en": "preferred", "fr": "privilégié"},
    "status.admitted": {"en": "admitted", "fr": "admis"},
    "status.deprecated": {"en": "avoid", "fr": "à éviter"},
    "status.superseded": {"en": "superseded", "fr": "remplacé"},
    "entry.title": {"en": "Entry {id}", "fr": "Fiche {id}"},
    "entry.terms": {"en": "Terms", "fr": "Termes"},
    "entry.note": {"en": "Note", "fr": "Note"},
    "entry.subject": {"en": "Subject", "fr": "Domaine"},
    "entry.origin": {"en": "Origin", "fr": "Origine"},
    "entry.evidence": {"en": "Evidence", "fr": "Attestations"},
    "entry.no_evidence": {"en": "No evidence recorded.", "fr": "Aucune attestation."},
    "entry.source": {"en": "Source", "fr": "Source"},
    "entry.sources": {"en": "Attested in:", "fr": "Attesté dans\u00a0:"},
    "entry.tbx": {"en": "Download this entry (TBX)", "fr": "Télécharger la fiche (TBX)"},
    "entry.permalink": {"en": "Permalink", "fr": "Lien permanent"},
    "entry.history": {"en": "Edit history", "fr": "Historique des modifications"},
    "entry.no_history": {"en": "Never edited.", "fr": "Jamais modifiée."},
    "entry.who": {"en": "Who", "fr": "Qui"},
    "entry.when": {"en": "When", "fr": "Quand"},
    "entry.before": {"en": "Before", "fr": "Avant"},
    "entry.after": {"en": "After", "fr": "Après"},
    "entry.action": {"en": "Change", "fr": "Modification"},
    "history.create": {"en": "created", "fr": "création"},
    "history.update": {"en": "edited", "fr": "modification"},
    "history.delete": {"en": "deleted", "fr": "suppression"},
    "entry.edit": {"en": "Edit this entry", "fr": "Modifier cette fiche"},
    "entry.not_found": {"en": "No entry {id}.", "fr": "Aucune fiche {id}."},
    # -- search modes, filters, paging, copy buttons, match labels, entry page (search) --
    "search.none_for": {"en": "No entry for “{q}”.", "fr": "Aucune fiche pour « {q} »."},
    "search.nearest": {"en": "No entry for “{q}”; nearest:",
                       "fr": "Aucune fiche pour « {q} » ; les plus proches :"},
    "search.did_you_mean": {"en": "Did you mean:", "fr": "Vouliez-vous dire :"},
    "search.count_one": {"en": "1 result for “{q}”", "fr": "1 résultat pour « {q} »"},
    "search.count_many": {"en": "{n} results for “{q}”", "fr": "{n} résultats pour « {q} »"},
    "search.range": {"en": "results {start}–{end} of {total}",
                     "fr": "résultats {start} à {end} sur {total}"},
    "search.previous": {"en": "Previous", "fr": "Précédents"},
    "search.next": {"en": "Next", "fr": "Suivants"},
    "search.paging": {"en": "Result pages", "fr": "Pages de résultats"},
    "search.options": {"en": "Search options", "fr": "Options de recherche"},
    "search.mode": {"en": "Match", "fr": "Correspondance"},
    "mode.auto": {"en": "automatic", "fr": "automatique"},
    "mode.exact": {"en": "exact", "fr": "exacte"},
    "mode.prefix": {"en": "starts with", "fr": "commence par"},
    "mode.contains": {"en": "contains", "fr": "contient"},
    "mode.fuzzy": {"en": "fuzzy (nearest spellings)", "fr": "approximative (graphies proches)"},
    "search.kind": {"en": "Kind", "fr": "Type"},
    "search.any": {"en": "any", "fr": "tous"},
    "filter.body": {"en": "body", "fr": "organe"},
    "filter.term": {"en": "term", "fr": "terme"},
    "filter.country": {"en": "country", "fr": "pays"},
    "filter.instrument": {"en": "instrument", "fr": "instrument"},
    "search.status": {"en": "Status", "fr": "Statut"},
    "filter.curated": {"en": "curated entry", "fr": "fiche validée"},
    "filter.candidate": {"en": "candidate entry", "fr": "fiche candidate"},
    "search.in": {"en": "Language", "fr": "Langue"},
    "search.both": {"en": "French or English", "fr": "français ou anglais"},
    "search.subject": {"en": "Subject", "fr": "Domaine"},
    "search.too_long": {"en": "Query too long: at most {n} characters.",
                        "fr": "Recherche trop longue : {n} caractères au plus."},
    "match.exact": {"en": "exact match", "fr": "correspondance exacte"},
    "match.acronym": {"en": "acronym", "fr": "sigle"},
    "match.accent-insensitive": {"en": "accent-insensitive match",
                                 "fr": "correspondance sans accents"},
    "match.prefix": {"en": "starts with your query", "fr": "commence par votre recherche"},
    "match.words": {"en": "contains your words", "fr": "contient vos mots"},
    "match.infix": {"en": "contains your query", "fr": "contient votre recherche"},
    "match.fuzzy": {"en": "nearest spelling", "fr": "graphie proche"},
    "copy.term": {"en": "Copy the term", "fr": "Copier le terme"},
    "copy.acronym": {"en": "Copy the acronym", "fr": "Copier le sigle"},
    "copy.name": {"en": "Copy “name (ACRONYM)”", "fr": "Copier « nom (SIGLE) »"},
    "copy.done": {"en": "Copied", "fr": "Copié"},
    "entry.notes": {"en": "Notes", "fr": "Notes"},
    "entry.curated": {"en": "curated", "fr": "validée"},
    "entry.candidate": {"en": "candidate (confidence {confidence})",
                        "fr": "candidate (confiance {confidence})"},
    "entry.no_check": {"en": "not checked", "fr": "non vérifié"},
    # -- end of the search strings --
    "check.title": {"en": "Check a translation", "fr": "Vérifier une traduction"},
    "check.intro": {
        "en": "Paste the original and its translation, one segment per line (texts with "
              "different numbers of lines are aligned first; tab-separated French–English "
              "pairs go in the French box), or upload files.",
        "fr": "Collez l’original et sa traduction, un segment par ligne (des textes de "
              "longueurs différentes sont d’abord alignés ; des paires français–anglais "
              "séparées par une tabulation vont dans la case française), ou envoyez des "
              "fichiers.",
    },
    "check.fr": {"en": "French original", "fr": "Original français"},
    "check.en": {"en": "English translation", "fr": "Traduction anglaise"},
    "check.pairs": {"en": "TMX, XLIFF or TSV file", "fr": "Fichier TMX, XLIFF ou TSV"},
    "check.docs": {"en": "or two documents", "fr": "ou deux documents"},
    "check.fr_file": {"en": "French document", "fr": "Document français"},
    "check.en_file": {"en": "English document", "fr": "Document anglais"},
    "check.button": {"en": "Check", "fr": "Vérifier"},
    "check.summary": {
        "en": "{segments} [segments:segment|segments], {issues} [issues:issue|issues]",
        "fr": "{segments} [segments:segment|segments], {issues} [issues:problème|problèmes]",
    },
    "check.clean": {"en": "No issue found.", "fr": "Aucun problème détecté."},
    "check.segment": {"en": "Segment {n}", "fr": "Segment {n}"},
    "check.expected": {"en": "Expected:", "fr": "Attendu\u00a0:"},
    "check.found": {"en": "Found:", "fr": "Trouvé\u00a0:"},
    "check.download": {"en": "Download the report:", "fr": "Télécharger le rapport\u00a0:"},
    "check.empty": {
        "en": "Give a French and an English text, a TMX/TSV file or two documents.",
        "fr": "Donnez un texte français et un texte anglais, un fichier TMX/TSV ou deux documents.",
    },
    "severity.error": {"en": "error", "fr": "erreur"},
    "severity.warning": {"en": "warning", "fr": "avertissement"},
    "severity.info": {"en": "note", "fr": "remarque"},
    "align.title": {"en": "Align two documents", "fr": "Aligner deux documents"},
    "align.intro": {
        "en": "Upload a French document and its English version (.txt, .docx or .pdf).",
        "fr": "Envoyez un document français et sa version anglaise (.txt, .docx ou .pdf).",
    },
    "align.button": {"en": "Align", "fr": "Aligner"},
    "align.summary": {
        "en": "{beads} [beads:pair|pairs] from {fr} French and {en} English "
              "[en:sentence|sentences]; {low} low-confidence.",
        "fr": "{beads} [beads:paire|paires] pour {fr} [fr:phrase française|phrases françaises] "
              "et {en} [en:anglaise|anglaises] ; {low} [low:peu sûre|peu sûres].",
    },
    "align.path": {"en": "Alignment path", "fr": "Chemin d’alignement"},
    "align.path_desc": {
        "en": "French sentence index (x) against English sentence index (y); "
              "low-confidence pairs in orange.",
        "fr": "Rang de la phrase française (x) et de la phrase anglaise (y) ; "
              "paires peu sûres en orange.",
    },
    "align.low": {"en": "low confidence", "fr": "peu sûr"},
    "align.score": {"en": "Score", "fr": "Score"},
    "align.download": {"en": "Download:", "fr": "Télécharger\u00a0:"},
    "align.gone": {
        "en": "This alignment has expired; upload the documents again.",
        "fr": "Cet alignement a expiré ; envoyez de nouveau les documents.",
    },
    "align.missing": {
        "en": "Upload both a French and an English document.",
        "fr": "Envoyez un document français et un document anglais.",
    },
    "export.title": {"en": "Export the termbase", "fr": "Exporter la base terminologique"},
    "export.intro": {
        "en": "The whole termbase, {n} entries.",
        "fr": "Toute la base terminologique, {n} fiches.",
    },
    "export.tbx3": {"en": "TBX v3 (TBX-Basic)", "fr": "TBX v3 (TBX-Basic)"},
    "export.tbx2": {"en": "TBX v2 (TBX-Basic 2008)", "fr": "TBX v2 (TBX-Basic 2008)"},
    "export.csv": {"en": "CSV", "fr": "CSV"},
    "edit.title_new": {"en": "New entry", "fr": "Nouvelle fiche"},
    "edit.title": {"en": "Edit entry {id}", "fr": "Modifier la fiche {id}"},
    "edit.kind": {"en": "Kind", "fr": "Catégorie"},
    "edit.term": {"en": "Term", "fr": "Terme"},
    "edit.lang": {"en": "Language", "fr": "Langue"},
    "edit.type": {"en": "Type", "fr": "Type"},
    "edit.status": {"en": "Status", "fr": "Statut"},
    "edit.delete": {"en": "Remove", "fr": "Supprimer"},
    "edit.add_term": {"en": "Add a term", "fr": "Ajouter un terme"},
    "edit.save": {"en": "Save", "fr": "Enregistrer"},
    "edit.saved": {"en": "Saved.", "fr": "Enregistré."},
    "edit.no_terms": {
        "en": "An entry needs at least one term.",
        "fr": "Une fiche doit avoir au moins un terme.",
    },
    "edit.login": {"en": "Terminologist login", "fr": "Connexion des terminologues"},
    "edit.name": {"en": "Your name", "fr": "Votre nom"},
    "edit.token": {"en": "Edit token", "fr": "Jeton de modification"},
    "edit.bad_token": {"en": "Wrong token.", "fr": "Jeton incorrect."},
    "status.updating": {
        "en": "The termbase is being updated ({what}): results may change; edits are kept.",
        "fr": "La base terminologique est en cours de mise à jour ({what}) : les résultats "
              "peuvent changer ; les modifications sont conservées."},
    "edit.too_many": {"en": "Too many wrong tokens: try again in {seconds} s.",
                      "fr": "Trop de jetons incorrects : réessayez dans {seconds} s."},
    "error.title": {"en": "Error {code}", "fr": "Erreur {code}"},
    "error.back": {"en": "Back to the search", "fr": "Retour à la recherche"},
    "error.csrf": {
        "en": "The form has expired; reload the page and try again.",
        "fr": "Le formulaire a expiré ; rechargez la page et recommencez.",
    },
    "error.too_large": {"en": "The upload is too large.", "fr": "L’envoi est trop volumineux."},
    "footer.api": {"en": "JSON API", "fr": "API JSON"},
    # -- screens: direction, check page, review editor, document glossary ------------------
    "direction.legend": {"en": "Original language", "fr": "Langue de l’original"},
    "direction.fr": {"en": "French original → English translation",
                     "fr": "Original français → traduction anglaise"},
    "direction.en": {"en": "English original → French translation",
                     "fr": "Original anglais → traduction française"},
    "check.fr_target": {"en": "French translation", "fr": "Traduction française"},
    "check.en_source": {"en": "English original", "fr": "Original anglais"},
    "check.aligned": {
        "en": "The French has {fr} [fr:line|lines] and the English {en} [en:line|lines]: they "
              "were aligned first.",
        "fr": "Le français a {fr} [fr:ligne|lignes] et l’anglais {en} [en:ligne|lignes]\u00a0: "
              "ils ont d’abord été alignés.",
    },
    "check.unpaired": {
        "en": "{n} [n:sentence|sentences] without a counterpart [n:was|were] not checked.",
        "fr": "{n} [n:phrase|phrases] sans correspondance [n:n’a|n’ont] pas été "
              "[n:vérifiée|vérifiées].",
    },
    "check.again": {"en": "Edit and check again", "fr": "Modifier et vérifier de nouveau"},
    "check.new": {"en": "New check", "fr": "Nouvelle vérification"},
    "check.edit_again": {"en": "Edit the texts and check again",
                         "fr": "Modifiez les textes et vérifiez de nouveau"},
    "check.details": {"en": "Details", "fr": "Détail (en anglais)"},
    "check.untranslated": {
        "en": "{n} [n:unit|units] not translated, not checked:",
        "fr": "{n} [n:unité non traduite|unités non traduites], non [n:vérifiée|vérifiées] :",
    },
    "issue.missing-title": {"en": "“{term}” is not rendered by its official name",
                            "fr": "« {term} » n’est pas rendu par son appellation officielle"},
    "issue.missing-term": {"en": "“{term}” is not rendered by its established term",
                           "fr": "« {term} » n’est pas rendu par le terme consacré"},
    "issue.avoid-term": {"en": "“{found}” is to be avoided", "fr": "« {found} » est à éviter"},
    "issue.untranslated-acronym": {"en": "Acronym “{term}” left untranslated",
                                   "fr": "Sigle « {term} » laissé tel quel"},
    "issue.country-form": {"en": "“{term}”: the short and formal country names are mixed up",
                           "fr": "« {term} » : nom court et nom officiel du pays confondus"},
    "issue.country-name": {"en": "“{found}” is not the UNTERM country name",
                           "fr": "« {found} » n’est pas le nom de pays UNTERM"},
    "issue.number": {"en": "Number {term} of the original is missing",
                     "fr": "Le nombre {term} de l’original manque"},
    "issue.date": {"en": "Date {term} of the original is missing",
                   "fr": "La date {term} de l’original manque"},
    "issue.symbol": {"en": "Symbol {term} of the original is missing",
                     "fr": "La cote {term} de l’original manque"},
    "issue.inconsistency": {"en": "“{term}” is translated in more than one way",
                            "fr": "« {term} » est traduit de plusieurs façons"},
    "review.open": {"en": "Review and correct", "fr": "Réviser et corriger"},
    "review.title": {"en": "Review an alignment", "fr": "Révision d’un alignement"},
    "review.list": {"en": "Saved reviews", "fr": "Révisions enregistrées"},
    "review.none": {"en": "No review saved yet: align two documents, then review them.",
                    "fr": "Aucune révision enregistrée : alignez deux documents, puis "
                          "révisez-les."},
    "review.documents": {"en": "Documents", "fr": "Documents"},
    "review.modified": {"en": "Last saved", "fr": "Dernier enregistrement"},
    "review.progress": {"en": "Progress", "fr": "Avancement"},
    "review.counts": {"en": "approved {approved} · rejected {rejected} · pending {pending}",
                      "fr": "validées {approved} · rejetées {rejected} · à revoir {pending}"},
    "review.approved": {"en": "approved", "fr": "validées"},
    "review.rejected": {"en": "rejected", "fr": "rejetées"},
    "review.pending": {"en": "pending", "fr": "à revoir"},
    "review.state_approved": {"en": "approved", "fr": "validée"},
    "review.state_rejected": {"en": "rejected", "fr": "rejetée"},
    "review.state_pending": {"en": "pending", "fr": "à revoir"},
    "review.approve": {"en": "Approve", "fr": "Valider"},
    "review.reject": {"en": "Reject", "fr": "Rejeter"},
    "review.merge": {"en": "Merge with the next pair", "fr": "Fusionner avec la paire suivante"},
    "review.split": {"en": "Split into sentences", "fr": "Scinder en phrases"},
    "review.up": {"en": "↑ first sentence to the previous pair",
                  "fr": "↑ première phrase à la paire précédente"},
    "review.down": {"en": "↓ last sentence to the next pair",
                    "fr": "↓ dernière phrase à la paire suivante"},
    "review.edited": {"en": "edited", "fr": "modifiée"},
    "review.low": {"en": "low confidence", "fr": "peu sûr"},
    "review.saving": {"en": "Saving…", "fr": "Enregistrement…"},
    "review.saved": {"en": "Saved.", "fr": "Enregistré."},
    "review.not_saved": {"en": "Not saved yet.", "fr": "Pas encore enregistré."},
    "review.save_failed": {"en": "Not saved: reload the page and try again.",
                           "fr": "Non enregistré : rechargez la page et recommencez."},
    "review.filter_low": {"en": "Only low-confidence pairs", "fr": "Seulement les paires peu sûres"},
    "review.export_approved": {"en": "Approved pairs", "fr": "Paires validées"},
    "review.export_all": {"en": "All pairs", "fr": "Toutes les paires"},
    "review.add_evidence": {"en": "Add the approved pairs to the termbase",
                            "fr": "Ajouter les paires validées à la base"},
    "review.login_to_add": {"en": "Log in as a terminologist to add the approved pairs to the "
                                  "termbase.",
                            "fr": "Connectez-vous comme terminologue pour ajouter les paires "
                                  "validées à la base."},
    "review.evidence_added": {
        "en": "{n} [n:attestation|attestations] added to the termbase.",
        "fr": "{n} [n:attestation ajoutée|attestations ajoutées] à la base.",
    },
    "review.shortcuts": {"en": "Keyboard shortcuts", "fr": "Raccourcis clavier"},
    "review.key_move": {"en": "next / previous pair", "fr": "paire suivante / précédente"},
    "review.key_fr": {"en": "French: first sentence up / last sentence down",
                      "fr": "Français : première phrase vers le haut / dernière vers le bas"},
    "review.key_en": {"en": "English: first sentence up / last sentence down",
                      "fr": "Anglais : première phrase vers le haut / dernière vers le bas"},
    "review.actions": {"en": "Actions", "fr": "Actions"},
    "review.needs_js": {"en": "The review editor needs JavaScript.",
                        "fr": "L’éditeur de révision a besoin de JavaScript."},
    "nav.glossary": {"en": "Glossary", "fr": "Glossaire"},
    "glossary.title": {"en": "Document glossary", "fr": "Glossaire du document"},
    "glossary.intro": {
        "en": "Upload or paste a document: every official name, acronym, country and term of "
              "the termbase it contains, with its official equivalent, in reading order, and "
              "what the termbase does not know.",
        "fr": "Envoyez ou collez un document : toutes les appellations officielles, sigles, "
              "pays et termes de la base qu’il contient, avec leur équivalent officiel, dans "
              "l’ordre du texte, et ce que la base ne connaît pas.",
    },
    "glossary.lang": {"en": "Language of the document", "fr": "Langue du document"},
    "glossary.lang_auto": {"en": "Detect", "fr": "Détecter"},
    "glossary.lang_fr": {"en": "French", "fr": "Français"},
    "glossary.lang_en": {"en": "English", "fr": "Anglais"},
    "glossary.file": {"en": "Document (.txt, .docx or .pdf)", "fr": "Document (.txt, .docx ou .pdf)"},
    "glossary.text": {"en": "or paste its text", "fr": "ou collez son texte"},
    "glossary.button": {"en": "Make the glossary", "fr": "Établir le glossaire"},
    "glossary.empty": {"en": "Upload a document or paste its text.",
                       "fr": "Envoyez un document ou collez son texte."},
    "glossary.summary": {
        "en": "{n} [n:entry|entries] of the termbase, {unknown} [unknown:name|names] it does "
              "not know",
        "fr": "{n} [n:fiche|fiches] de la base, {unknown} [unknown:nom inconnu|noms inconnus] "
              "de la base",
    },
    "glossary.written_in": {"en": "document in {language}", "fr": "document en {language}"},
    "glossary.new": {"en": "Another document", "fr": "Un autre document"},
    "glossary.known": {"en": "In the termbase", "fr": "Dans la base"},
    "glossary.no_entries": {"en": "No name of the termbase in this document.",
                            "fr": "Aucune appellation de la base dans ce document."},
    "glossary.unknown": {"en": "Not in the termbase", "fr": "Absents de la base"},
    "glossary.no_unknown": {"en": "Every acronym and name of the document is in the termbase.",
                            "fr": "Tous les sigles et noms du document sont dans la base."},
    "glossary.in_document": {"en": "In the document", "fr": "Dans le document"},
    "glossary.equivalent": {"en": "Official equivalent", "fr": "Équivalent officiel"},
    "glossary.occurrences": {"en": "Occurrences", "fr": "Occurrences"},
    "glossary.context": {"en": "First context", "fr": "Premier contexte"},
    "glossary.sentence": {"en": "sentence {n}:", "fr": "phrase {n} :"},
    "glossary.match_accent-insensitive": {"en": "accent-insensitive match",
                                          "fr": "correspondance sans accents"},
    "glossary.match_variant": {"en": "variant of the form (plural, hyphen…)",
                               "fr": "variante de la forme (pluriel, trait d’union…)"},
    "glossary.kind_acronym": {"en": "acronym", "fr": "sigle"},
    "glossary.kind_name": {"en": "capitalised name", "fr": "nom à majuscule"},
}


def translate(key: str, lang: str, **values: object) -> str:
    """The text of ``key`` in ``lang`` (English when missing), with ``{name}`` filled in.

    >>> translate("nav.search", "fr")
    'Recherche'
    >>> translate("check.segment", "en", n=3)
    'Segment 3'
    >>> translate("no.such.key", "fr")
    'no.such.key'
    """
    texts = MESSAGES.get(key)
    if texts is None:
        return key
    text = texts.get(lang) or texts["en"]
    if values:
        text = _PLURAL.sub(lambda m: _plural(m, lang, values), text)
    return text.format(**values) if values else text


#: ``[name:singular|plural]`` in a message: the form agreeing with the number ``{name}``.
_PLURAL = re.compile(r"\[(\w+):([^|\]]*)\|([^\]]*)\]")


def _plural(match: re.Match, lang: str, values: dict) -> str:
    """The singular or plural form (French: 0 and 1 take the singular; English: 1 only).

    >>> translate("search.count", "fr", n=1, q="x"), translate("search.count", "fr", n=2, q="x")
    ('1 résultat pour « x »', '2 résultats pour « x »')
    >>> translate("search.count", "en", n=0, q="x")
    '0 results for “x”'
    """
    number = values.get(match.group(1), 0)
    singular = number in (0, 1) if lang == "fr" else number == 1
    return match.group(2) if singular else match.group(3)


def choose_lang(param: str | None, cookie: str | None, accept: list[str]) -> str:
    """The interface language from the query parameter, the cookie, then ``Accept-Language``.

    >>> choose_lang("fr", "en", [])
    'fr'
    >>> choose_lang("xx", "fr", ["en"])
    'fr'
    >>> choose_lang(None, None, ["fr-CA", "en"])
    'fr'
    >>> choose_lang(None, None, [])
    'en'
    """
    for value in (param, cookie):
        if value in UI_LANGS:
            return value
    for tag in accept:
        base = tag.split("-")[0].lower()
        if base in UI_LANGS:
            return base
    return "en"
