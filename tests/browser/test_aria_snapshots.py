"""What each interactive component announces, before and after one change.

The expected snapshots below were written by hand, from what each component
should announce (its roles, names, states and live-region texts), never
generated from the page: when one disagrees with the page, either the page has
an accessibility bug (the test is then marked xfail with the bug) or the
expectation was wrong, which is decided by reading the component, not by
regenerating. They are judged on Chromium's accessibility tree, through
Playwright's ARIA snapshots: no screen reader runs here. The snapshots are
partial: they hold what matters and let the rest of the page vary.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from .conftest import browsing, open_page

CHECKLIST = "defis-eig/checklist-fin-de-defi/"
GRID = "preparer/structure-accueil/"
NOTE = "outils/note-dinum/"
COMPARISON = "preparer/scenarios/"
EXAMPLES = "exemples/"
SEARCH_PAGE = "comprendre/pourquoi/"


def visit(page: Page, base_url: str, path: str) -> None:
    open_page(page, base_url + path)


@pytest.mark.rgaa("7.1", "7.5")
def test_checklist_group_checkbox_and_progress(browser: Browser, base_url: str) -> None:
    with browsing(browser) as page:
        visit(page, base_url, CHECKLIST)
        form = page.locator("form.app-checklist").first
        box = "Le rapport d’étonnement, s’il a été rédigé"
        expect(form).to_match_aria_snapshot(f"""
            - form "Fin de défi EIG — documents à réunir avant la passation":
              - heading "Fin de défi EIG — documents à réunir avant la passation" [level=2]
              - paragraph:
                - text: "Progression :"
                - strong: 0 / 21
              - status
              - group "Début du défi":
                - paragraph: 0 / 5
                - list:
                  - listitem:
                    - checkbox "{box}" [checked=false]
            """)
        form.get_by_role("checkbox", name=box).check()
        expect(form).to_match_aria_snapshot(f"""
            - form "Fin de défi EIG — documents à réunir avant la passation":
              - paragraph:
                - text: "Progression :"
                - strong: 1 / 21
              - status: "Début du défi : 1 / 5. Au total : 1 / 21."
              - group "Début du défi":
                - paragraph: 1 / 5
                - list:
                  - listitem:
                    - checkbox "{box}" [checked]
            """)
        # Unticking all (once confirmed) is announced by the status region.
        page.once("dialog", lambda dialog: dialog.accept())
        form.get_by_role("button", name="Tout décocher").click()
        expect(form).to_match_aria_snapshot(f"""
            - form:
              - paragraph:
                - text: "Progression :"
                - strong: 0 / 21
              - status: Toutes les cases sont décochées et les notes effacées.
              - group "Début du défi":
                - list:
                  - listitem:
                    - checkbox "{box}" [checked=false]
            """)


@pytest.mark.rgaa("7.1", "7.5")
def test_grid_names_its_columns_and_announces_totals(browser: Browser, base_url: str) -> None:
    with browsing(browser) as page:
        visit(page, base_url, GRID)
        grid = page.locator(".app-structure-grid")
        caption = (
            "Grille de décision : un poids par critère, une note de 0 à 3 et une remarque par critère et par structure"
        )
        expect(grid).to_match_aria_snapshot(f"""
            - group "Structures candidates (jusqu’à 4)":
              - textbox "Structure candidate 1"
            - 'region "{caption}"':
              - 'table "{caption}"':
                - rowgroup:
                  - row:
                    - columnheader "Critère"
                    - columnheader "Poids"
                    - columnheader "Structure 1"
                    - columnheader "Structure 2"
            """)
        grid.get_by_role("textbox", name="Structure candidate 1").fill("Association Alpha")
        first = grid.locator("select[name='score']").first
        first.select_option("3")
        # The renamed candidate names its column header and its cells' fields;
        # the score change is read out by the polite live region.
        expect(grid).to_match_aria_snapshot(f"""
            - 'region "{caption}"':
              - 'table "{caption}"':
                - rowgroup:
                  - row:
                    - columnheader "Critère"
                    - columnheader "Poids"
                    - columnheader "Association Alpha"
                    - columnheader "Structure 2"
            """)
        expect(first).to_match_aria_snapshot("""
            - combobox /^Note de Association Alpha pour le critère /:
              - option "3 – pleinement" [selected]
            """)
        # Its title, which shows the hidden label to a pointer, follows the name.
        expect(first).to_have_attribute("title", "Note de Association Alpha pour le critère Portage politique")
        expect(grid.get_by_role("status").and_(grid.locator("[data-announce]"))).to_have_text(
            re.compile(
                r"^Association Alpha\u00a0: total 3 / \d+ \(1 critère noté sur \d+\), "
                r"critère le plus faible Portage politique \(3\)\.$"
            )
        )


@pytest.mark.rgaa("7.1", "7.5")
def test_note_builder_scenario_pick_reveals_its_fields(browser: Browser, base_url: str) -> None:
    with browsing(browser) as page:
        visit(page, base_url, NOTE)
        form = page.get_by_role("form", name="Rédiger la note : Comment pérenniser un service numérique ?")
        scenario = "Créer un groupement d’intérêt public (GIP)"
        expect(form).to_match_aria_snapshot("""
            - 'form "Rédiger la note : Comment pérenniser un service numérique ?"':
              - status: Rien n’est encore enregistré.
              - group "Exporter ou effacer la note":
                - button "Télécharger (.md)"
                - button "Télécharger (.odt)"
                - button "Imprimer la note"
                - button "Effacer"
              - status
              - textbox "Nom du service"
              - textbox "Date de la note"
            """)
        pick = form.get_by_role("checkbox", name=scenario)
        expect(pick).to_match_aria_snapshot(f'- checkbox "{scenario}" [checked=false]')
        expect(form.get_by_role("group", name=f"Scénario : {scenario}")).to_have_count(0)
        pick.check()
        expect(pick).to_match_aria_snapshot(f'- checkbox "{scenario}" [checked]')
        expect(form.get_by_role("group", name=f"Scénario : {scenario}")).to_match_aria_snapshot(f"""
            - 'group "Scénario : {scenario}"':
              - textbox /GIP\\)$/
            """)
        form.get_by_role("textbox", name="Nom du service").fill("Service Alpha")
        expect(form.get_by_text("Rien n’est encore enregistré.")).to_have_count(0)


@pytest.mark.rgaa("7.5")
def test_comparison_status_region_exists_before_the_first_change(browser: Browser, base_url: str) -> None:
    with browsing(browser) as page:
        visit(page, base_url, COMPARISON)
        expect(page.locator(".app-scenario-table form")).to_match_aria_snapshot("""
            - group
            - status
            """)


@pytest.mark.rgaa("7.1", "7.5")
def test_comparison_choice_and_column_headers(browser: Browser, base_url: str) -> None:
    with browsing(browser) as page:
        visit(page, base_url, COMPARISON)
        root = page.locator(".app-scenario-table")
        choice = root.locator("form")
        expect(choice).to_match_aria_snapshot("""
            - 'group "Scénarios à comparer : choisissez-en de 2 à 4"':
              - list:
                - listitem:
                  - checkbox "Internaliser le service dans l’administration porteuse" [checked]
                - listitem:
                  - checkbox "Transférer le service à une structure existante" [checked]
                - listitem:
                  - checkbox "Créer un groupement d’intérêt public (GIP)" [checked]
              - list:
                - listitem:
                  - checkbox "Créer une association" [checked=false]
            """)
        choice.get_by_role("checkbox", name="Créer une association").check()
        expect(choice).to_match_aria_snapshot("""
            - 'group "Scénarios à comparer : choisissez-en de 2 à 4"':
              - list:
                - listitem:
                  - checkbox "Créer une association" [checked]
            - status: 4 scénarios comparés.
            """)
        expect(root.get_by_role("table")).to_match_aria_snapshot("""
            - table:
              - rowgroup:
                - row:
                  - cell
                  - columnheader "Internaliser le service dans l’administration porteuse"
                  - columnheader "Transférer le service à une structure existante"
                  - columnheader "Créer un groupement d’intérêt public (GIP)"
                  - columnheader "Créer une association esquissé"
            """)
        # A fifth is refused, and the refusal is announced; the box stays unticked.
        choice.get_by_role("checkbox", name="Créer un établissement public").click()
        expect(choice).to_match_aria_snapshot("""
            - group:
              - list:
                - listitem:
                  - checkbox "Créer un établissement public" [checked=false]
            - status: "Quatre scénarios au plus : décochez-en un avant d’en ajouter un autre."
            """)


@pytest.mark.rgaa("7.1", "7.5")
def test_examples_filters_and_live_count(browser: Browser, base_url: str) -> None:
    with browsing(browser) as page:
        visit(page, base_url, EXAMPLES)
        root = page.locator(".app-examples")
        expect(root).to_match_aria_snapshot("""
            - group "Filtrer les exemples":
              - combobox "Situation":
                - option "Toutes les situations" [selected]
              - combobox "Scénario":
                - option "Tous les scénarios" [selected]
              - combobox "Trajectoire":
                - option "Toutes les trajectoires" [selected]
              - combobox "Programme":
                - option "Tous les programmes" [selected]
              - button "Tout afficher"
            - status: 22 exemples
            """)
        count = root.locator(".app-examples__count")
        expect(count).to_have_attribute("role", "status")
        root.get_by_role("combobox", name="Programme").select_option(label="beta.gouv.fr (7)")
        expect(root).to_match_aria_snapshot("""
            - group "Filtrer les exemples":
              - combobox "Programme":
                - option "beta.gouv.fr (7)" [selected]
            - status: 7 exemples
            """)
        # Two filters that no example meets together say so, in words.
        root.get_by_role("combobox", name="Situation").select_option(label="Non pérennisé (1)")
        root.get_by_role("combobox", name="Programme").select_option(label="EIG (14)")
        gip = "Créer un groupement d’intérêt public (GIP) (2)"
        root.get_by_role("combobox", name="Scénario").select_option(label=gip)
        expect(count).to_match_aria_snapshot("- status: Aucun exemple ne correspond à ces filtres")


def open_search(page: Page, base_url: str, query: str) -> Locator:
    """Open the search from its field at 1280 px, type `query`; return the dialog."""
    visit(page, base_url, SEARCH_PAGE)
    field = page.get_by_role("textbox", name="Rechercher")
    expect(field).not_to_be_focused()
    field.click()
    expect(field).to_be_focused()
    field.press_sequentially(query)
    return page.get_by_role("dialog", name="Rechercher dans le guide")


@pytest.mark.rgaa("7.1", "7.5", "9.3")
def test_search_lists_results(browser: Browser, base_url: str) -> None:
    with browsing(browser) as page:
        dialog = open_search(page, base_url, "GIP")
        expect(dialog).to_match_aria_snapshot("""
            - dialog "Rechercher dans le guide":
              - search:
                - textbox "Rechercher": GIP
                - button "Effacer"
                - status: /^\\d+ documents trouvés$/
                - list:
                  - listitem:
                    - link:
                      - article:
                        - heading "Créer un groupement d’intérêt public (GIP)" [level=2]
            """)


@pytest.mark.rgaa("6.2", "7.1")
def test_search_result_links_are_named(browser: Browser, base_url: str) -> None:
    """Material's result links wrap an <article>, for which Chromium computes
    no name: search.js names each one by its title (aria-labelledby)."""
    with browsing(browser) as page:
        dialog = open_search(page, base_url, "GIP")
        expect(dialog.locator(".md-search-result__list")).to_match_aria_snapshot("""
            - list:
              - listitem:
                - link "Les scénarios de pérennisation"
                - link "Créer un groupement d’intérêt public (GIP)"
            """)
        expect(dialog.locator("a.md-search-result__link:not([aria-labelledby])")).to_have_count(0)


# Each checklist page: its form's name, its number of items, its first group
# and that group's number of items, and the group's first item, from
# data/checklists.yml.
CHECKLISTS = {
    "defis-eig/checklist-fin-de-defi/": (
        "Fin de défi EIG — documents à réunir avant la passation",
        21,
        "Début du défi",
        5,
        "Le rapport d’étonnement, s’il a été rédigé",
    ),
    "preparer/criteres-sortie/": (
        "Critères de sortie d’incubation",
        11,
        "Le produit numérique",
        5,
        "L’hébergement du service est réglé",
    ),
    "comprendre/facteurs-de-succes/": (
        "Autodiagnostic des facteurs de succès",
        17,
        "Une personne responsable du produit",
        4,
        "Une personne responsable du produit est désignée — agent public expert du métier, "
        "ou directeur ou directrice produit",
    ),
    "comprendre/signaux-de-reussite/": (
        "Signaux de réussite d’une pérennisation",
        5,
        "Signaux à évaluer",
        5,
        "Les indicateurs d’impact, qualitatifs et quantitatifs, continuent de progresser",
    ),
    "defis-eig/enjeux-techniques/": (
        "Enjeux techniques de la pérennisation",
        10,
        "Déploiement (mise en production)",
        3,
        "À quel service s’adresser pour réserver un nom de domaine\u202f?",
    ),
    "preparer/questions-a-trancher/": (
        "Questions préalables à la pérennisation",
        7,
        "Les premiers sujets à débloquer",
        4,
        "Quelle ambition l’administration porteuse veut-elle donner au service, "
        "et plus largement à la politique publique qu’il sert\u202f?",
    ),
}


@pytest.mark.parametrize("path", list(CHECKLISTS))
def test_checklist_on_a_phone_in_the_dark(browser: Browser, base_url: str, path: str) -> None:
    """Every checklist page at 320 px in the dark scheme: the form, its
    progress and first group, a tick, then the tick's note opened."""
    name, total, group, count, box = CHECKLISTS[path]
    with browsing(browser, "dark", 320) as page:
        visit(page, base_url, path)
        form = page.get_by_role("form", name=name)
        expect(form).to_match_aria_snapshot(f"""
            - form "{name}":
              - heading "{name}"
              - paragraph:
                - text: "Progression :"
                - strong: 0 / {total}
              - status
              - group "{group}":
                - paragraph: 0 / {count}
                - list:
                  - listitem:
                    - checkbox "{box}" [checked=false]
            """)
        form.get_by_role("checkbox", name=box).check()
        expect(form).to_match_aria_snapshot(f"""
            - form "{name}":
              - paragraph:
                - text: "Progression :"
                - strong: 1 / {total}
              - group "{group}":
                - paragraph: 1 / {count}
                - list:
                  - listitem:
                    - checkbox "{box}" [checked]
            """)
        # The item's note opens under it, named after the item.
        form.locator("summary").first.click()
        expect(form.get_by_role("listitem").first).to_match_aria_snapshot(f"""
            - listitem:
              - checkbox "{box}" [checked]
              - group:
                - 'textbox "Votre note sur « {box} » : qui s’en charge, où trouver le document…"'
            """)


def test_note_builder_on_a_phone_in_the_dark(browser: Browser, base_url: str) -> None:
    """The note builder at 320 px in the dark scheme: the form's top, then a
    row added to the calendar, named and announced."""
    with browsing(browser, "dark", 320) as page:
        visit(page, base_url, NOTE)
        form = page.get_by_role("form", name="Rédiger la note : Comment pérenniser un service numérique ?")
        expect(form).to_match_aria_snapshot("""
            - 'form "Rédiger la note : Comment pérenniser un service numérique ?"':
              - status: Rien n’est encore enregistré.
              - group "Exporter ou effacer la note":
                - button "Télécharger (.md)"
                - button "Télécharger (.odt)"
                - button "Imprimer la note"
                - button "Effacer"
              - status
              - textbox "Nom du service"
              - textbox "Date de la note"
            """)
        form.get_by_role("button", name="Ajouter une étape : Calendrier").click()
        expect(form.get_by_role("group", name="Étape 2")).to_match_aria_snapshot("""
            - group "Étape 2":
              - textbox "Date"
              - textbox "Étape"
              - button "Supprimer l’étape 2"
            """)
        expect(
            form.get_by_role("group", name="Étape 2").get_by_role("textbox", name="Date", exact=True)
        ).to_be_focused()
        expect(form.get_by_role("status").and_(form.locator("[data-note-status]"))).to_have_text("Étape 2 ajoutée.")
