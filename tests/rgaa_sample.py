"""The pages of the RGAA audit's sample (the RGAA method: the pages it
requires, one page per template), as paths of the built site. The search is
an overlay of every page: its tests open it on one of them."""

from __future__ import annotations

SAMPLE = {
    "accueil": "",
    "contact": "a-propos/contribuer/",
    "accessibilite": "a-propos/accessibilite/",
    "mentions-legales": "a-propos/mentions-legales/",
    "plan-du-site": "a-propos/plan-du-site/",
    "contenu": "comprendre/quand-perenniser/",
    "etape": "preparer/trois-questions/",
    "checklist": "defis-eig/checklist-fin-de-defi/",
    "checklists": "outils/checklists/",
    "comparaison": "preparer/scenarios/",
    "grille": "preparer/structure-accueil/",
    "note": "outils/note-dinum/",
    "exemples": "exemples/",
    "glossaire": "outils/glossaire/",
    "guide-complet": "outils/guide-complet/",
    "plan": "preparer/calendrier-gouvernance/",
    "erreur-404": "404.html",
}
