"""The guide's RGAA 4.1.2 audit: a sample of pages, and every criterion judged on each.

data/audit.yml is one document, not a list of records: the day the audit was
finished, who made it and with what, the sample of pages, then one entry per
criterion of the RGAA (models/rgaa.py). An entry gives a status for every
sample page (`status`, with per-page exceptions in `pages`), how it was
checked (the tests that check it, the manual procedure) and, where it fails,
what is wrong and where.

The computations the statement publishes live here, next to the data, so the
page, the footer and the tests read the same figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from .base import Model, Slug, Text
from .rgaa import THEMES

Status = Literal["conforme", "non-conforme", "non-applicable", "non-evalue"]
CriterionNumber = Annotated[str, StringConstraints(pattern=r"^[0-9]+\.[0-9]+$")]
Level = Literal["totalement conforme", "partiellement conforme", "non conforme"]

# Every criterion of the reference, in its order: the audit covers exactly these.
REFERENCE: dict[str, str] = {number: title for _, _, criteria in THEMES for number, title in criteria}
THEME_NAMES: dict[int, str] = {theme: name for theme, name, _ in THEMES}


class SamplePage(Model):
    id: Slug
    title: Text
    page: Text = Field(
        description="La page : son fichier dans docs/ (« outils/glossaire.md »), ou « 404.html » pour la page d'erreur."
    )

    @property
    def in_docs(self) -> bool:
        """A page written in docs/ (the error page is the theme's)."""
        return self.page.endswith(".md")


class Defect(Model):
    page: Slug = Field(description="Identifiant d'une page de l'échantillon où le critère n'est pas respecté.")
    what: Text = Field(description="Ce qui ne va pas, et où dans la page.")


class CriterionAudit(Model):
    id: CriterionNumber = Field(description="Numéro du critère RGAA, « thème.critère ».")
    status: Status = Field(description="Statut sur chaque page de l'échantillon, sauf exceptions dans `pages`.")
    pages: dict[Slug, Status] = Field(default={}, description="Statut d'une page qui fait exception à `status`.")
    tests: list[Text] = Field(
        default=[],
        description="Tests automatiques qui en sont la preuve (identifiants pytest), marqués @pytest.mark.rgaa(…).",
    )
    manual: Text | None = Field(default=None, description="Procédure suivie à la main et ce qui a été constaté.")
    defects: list[Defect] = Field(default=[], description="Pour chaque page non conforme : ce qui ne va pas.")

    @model_validator(mode="after")
    def _says_how_and_why(self) -> CriterionAudit:
        statuses = {self.status, *self.pages.values()}
        if self.manual is None and statuses != {"non-evalue"}:
            raise ValueError("`manual` manque : dites la procédure suivie et ce qui a été constaté")
        if "non-conforme" in statuses and not self.defects:
            raise ValueError("`defects` manque : dites, pour chaque page non conforme, ce qui ne va pas")
        return self

    def status_on(self, page: str) -> Status:
        return self.pages.get(page, self.status)

    @property
    def theme(self) -> int:
        return int(self.id.split(".")[0])

    @property
    def title(self) -> str:
        return REFERENCE[self.id]


def overall(statuses: list[Status]) -> Status:
    """A criterion over the sample: failing on one page fails it; it holds if it
    holds somewhere and fails nowhere; it applies to no page otherwise. A page
    not yet judged leaves it « non évalué », unless another page already fails."""
    if "non-conforme" in statuses:
        return "non-conforme"
    if "non-evalue" in statuses:
        return "non-evalue"
    if "conforme" in statuses:
        return "conforme"
    return "non-applicable"


class Audit(Model):
    date: dt.date = Field(description="Jour où l'audit a été terminé.")
    reference: Literal["RGAA 4.1.2"]
    by: Literal["interne"] = Field(description="« interne » : mené par l'équipe du guide.")
    environment: Text = Field(description="Navigateur, outils et versions utilisés pour l'audit.")
    sample: list[SamplePage] = Field(min_length=1)
    criteria: list[CriterionAudit]

    def docs_pages(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """The sample's pages written in docs/, with where each is named."""
        for i, page in enumerate(self.sample):
            if page.in_docs:
                yield ("sample", i, "page"), page.page

    def page_ids(self) -> list[str]:
        return [page.id for page in self.sample]

    def problems(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """What a field alone cannot check, each with where it is written: the
        criteria against the reference, and page names against the sample."""
        pages = self.page_ids()
        known = ", ".join(pages)
        seen: set[str] = set()
        for i, page in enumerate(self.sample):
            if page.id in seen:
                yield ("sample", i, "id"), f"page « {page.id} » en double dans l'échantillon"
            seen.add(page.id)
        seen = set()
        for i, entry in enumerate(self.criteria):
            if entry.id not in REFERENCE:
                yield ("criteria", i, "id"), f"« {entry.id} » n'est pas un critère du RGAA 4.1.2"
            elif entry.id in seen:
                yield ("criteria", i, "id"), f"critère « {entry.id} » en double"
            seen.add(entry.id)
            for page in entry.pages:
                if page not in pages:
                    where = ("criteria", i, "pages", page, "<key>")
                    yield where, f"« {page} » n'est pas une page de l'échantillon ({known})"
            failing = [page for page in pages if entry.status_on(page) == "non-conforme"]
            for j, defect in enumerate(entry.defects):
                if defect.page not in pages:
                    yield (
                        ("criteria", i, "defects", j, "page"),
                        (f"« {defect.page} » n'est pas une page de l'échantillon ({known})"),
                    )
                elif defect.page not in failing:
                    yield (
                        ("criteria", i, "defects", j, "page"),
                        (
                            f"la page « {defect.page} » n'est pas non conforme à ce critère ; "
                            "un défaut ne se décrit que sur une page non conforme"
                        ),
                    )
            described = {defect.page for defect in entry.defects}
            for page in failing:
                if page not in described:
                    yield ("criteria", i, "defects"), f"la page non conforme « {page} » n'a pas de défaut décrit"
        missing = [number for number in REFERENCE if number not in seen]
        if missing:
            yield ("criteria",), f"critère(s) absent(s) : {', '.join(missing)} ; chacun des 106 critères est attendu"

    # The figures the statement publishes.

    def statuses(self, entry: CriterionAudit) -> dict[str, Status]:
        """The entry's status on each sample page, in the sample's order."""
        return {page: entry.status_on(page) for page in self.page_ids()}

    def overall(self, entry: CriterionAudit) -> Status:
        return overall(list(self.statuses(entry).values()))

    def count(self, status: Status) -> int:
        return sum(1 for entry in self.criteria if self.overall(entry) == status)

    @property
    def complete(self) -> bool:
        """No criterion left « non évalué »: only then is a rate published."""
        return self.count("non-evalue") == 0

    @property
    def rate(self) -> float | None:
        """Conforming criteria over conforming plus non-conforming ones, in percent;
        None while any criterion is « non évalué » (or none applies)."""
        conforming, failing = self.count("conforme"), self.count("non-conforme")
        if not self.complete or conforming + failing == 0:
            return None
        return 100 * conforming / (conforming + failing)

    @property
    def level(self) -> Level | None:
        """The RGAA's thresholds: totally at 100 %, partially from 50 %, not below."""
        rate = self.rate
        if rate is None:
            return None
        if rate == 100:
            return "totalement conforme"
        return "partiellement conforme" if rate >= 50 else "non conforme"

    def failing(self) -> list[CriterionAudit]:
        return [entry for entry in self.criteria if self.overall(entry) == "non-conforme"]
