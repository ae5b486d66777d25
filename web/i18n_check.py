"""Interface strings of the check page and the direction selector (see :mod:`web.i18n`)."""

STRINGS: dict[str, dict[str, str]] = {
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
    "check.pairs_alone": {
        "en": "Pairs of a memory drawn from many documents: check each pair on its own "
              "(a shortened name such as “the Council” is then a warning)",
        "fr": "Paires d’une mémoire tirée de nombreux documents\u00a0: vérifier chaque paire "
              "isolément (un nom abrégé comme «\u00a0le Conseil\u00a0» n’est alors qu’un "
              "avertissement)"},
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
    "direction.legend": {"en": "Original language", "fr": "Langue de l’original"},
    "direction.fr": {"en": "French original → English translation",
                     "fr": "Original français → traduction anglaise"},
    "direction.en": {"en": "English original → French translation",
                     "fr": "Original anglais → traduction française"},
    "direction.auto": {"en": "Detect from the texts (their “Original:” line)",
                       "fr": "Détecter d’après les textes (leur ligne « Original : »)"},
    "direction.why_fr_line": {"en": "detected from the “Original” line of the French text",
                              "fr": "détecté d’après la ligne « Original » du texte français"},
    "direction.why_en_line": {"en": "detected from the “Original” line of the English text",
                              "fr": "détecté d’après la ligne « Original » du texte anglais"},
    "direction.why_declared": {"en": "detected from the languages the file declares",
                               "fr": "détecté d’après les langues que déclare le fichier"},
    "direction.why_default": {"en": "no “Original” line found: French original by default",
                              "fr": "aucune ligne « Original » : original français par défaut"},
    "check.fr_text": {"en": "French text", "fr": "Texte français"},
    "check.en_text": {"en": "English text", "fr": "Texte anglais"},
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
    "check.fr_empty": {"en": "The French box is empty: paste the French text, or tab-separated "
                              "pairs without an English text.",
                       "fr": "La case française est vide\u00a0: collez le texte français, ou des "
                              "paires séparées par une tabulation sans texte anglais."},
    "check.again": {"en": "Edit and check again", "fr": "Modifier et vérifier de nouveau"},
    "check.new": {"en": "New check", "fr": "Nouvelle vérification"},
    "check.edit_again": {"en": "Edit the texts and check again",
                         "fr": "Modifiez les textes et vérifiez de nouveau"},
    "check.untranslated": {
        "en": "{n} [n:unit|units] not translated, not checked:",
        "fr": "{n} [n:unité non traduite|unités non traduites], non [n:vérifiée|vérifiées] :",
    },
}
