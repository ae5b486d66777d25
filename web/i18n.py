"""The interface strings in English and French, and the choice of the interface language.

A small catalogue, not gettext: every key has an English and a French text. The language
comes from ``?lang=`` (then remembered in a cookie), else the cookie, else the browser's
``Accept-Language``, else English.
"""

from __future__ import annotations

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
    "search.count": {"en": "{n} result(s) for “{q}”", "fr": "{n} résultat(s) pour « {q} »"},
    "lang.fr": {"en": "French", "fr": "Français"},
    "lang.en": {"en": "English", "fr": "Anglais"},
    "kind.title": {"en": "official title", "fr": "titre officiel"},
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
    "check.title": {"en": "Check a translation", "fr": "Vérifier une traduction"},
    "check.intro": {
        "en": "Paste the French source and the English translation, one segment per line "
              "(or tab-separated pairs in the French box), or upload files.",
        "fr": "Collez le texte français et la traduction anglaise, un segment par ligne "
              "(ou des paires séparées par une tabulation dans la case française), "
              "ou envoyez des fichiers.",
    },
    "check.fr": {"en": "French source", "fr": "Source française"},
    "check.en": {"en": "English translation", "fr": "Traduction anglaise"},
    "check.pairs": {"en": "TMX, XLIFF or TSV file", "fr": "Fichier TMX, XLIFF ou TSV"},
    "check.docs": {"en": "or two documents", "fr": "ou deux documents"},
    "check.fr_file": {"en": "French document", "fr": "Document français"},
    "check.en_file": {"en": "English document", "fr": "Document anglais"},
    "check.button": {"en": "Check", "fr": "Vérifier"},
    "check.summary": {
        "en": "{segments} segment(s), {issues} issue(s)",
        "fr": "{segments} segment(s), {issues} problème(s)",
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
        "en": "{beads} pairs from {fr} French and {en} English sentences; {low} low-confidence.",
        "fr": "{beads} paires pour {fr} phrases françaises et {en} anglaises ; "
              "{low} peu sûre(s).",
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
    "edit.busy": {
        "en": "The termbase is busy with a long update: your changes are not saved yet. "
              "They are still in the form below: save again in a moment.",
        "fr": "La base terminologique est occupée par une longue mise à jour : vos "
              "modifications ne sont pas encore enregistrées. Elles sont toujours dans le "
              "formulaire ci-dessous : enregistrez à nouveau dans un instant."},
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
    return text.format(**values) if values else text


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
