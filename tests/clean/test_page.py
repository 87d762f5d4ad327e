"""Page structure on the seed page (golden) and on pages in other languages and layouts."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from newsdesk.article import Article, Caption, Related
from newsdesk.clean.page import PageStructureStep, parse_page
from newsdesk.pipeline import StepStats

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"

SEED_TITLE = (
    "La Maison Blanche affirme qu'un haut responsable russe a demandé à la Corée du Nord "
    "d'augmenter ses ventes de munitions à Moscou"
)


def run_step(article: Article) -> Article:
    stats = StepStats(name="page")
    (out,) = list(PageStructureStep()([article], stats))
    return out


def test_seed_page_golden(seed_page: str) -> None:
    article = run_step(Article(id="seed", source="seed-page-fr.txt", text=seed_page))
    assert article.title == SEED_TITLE
    assert article.related == [
        Related(headline="Tesla va transformer les Pacific Theatres fermés à Chatsworth en centre de livraison "
                "et centre de services", date=date(2023, 5, 16)),
        Related(headline="Taille et prévisions du marché mondial des machines de presse à polymériser les pneus",
                date=date(2023, 8, 22)),
        Related(headline=SEED_TITLE, date=date(2023, 8, 8)),
        Related(headline="Postuler : NWTC recherche plus d'instructeurs à mesure que le corps étudiant augmente",
                date=date(2023, 7, 29)),
        Related(headline="Méthodes Les machines-outils accueilleront le Machine Fest au siège national",
                date=date(2023, 7, 31)),
    ]
    assert article.captions == [
        Caption(text="Le porte-parole du Conseil de sécurité nationale, John Kirby, s'exprime lors d'un point de "
                "presse à la Maison Blanche, le mercredi 26 juillet 2023, à Washington.",
                credit="Photo AP/Evan Vucci")
    ]
    assert article.dateline == "WASHINGTON"
    assert article.agency == "AP"
    assert article.byline is None
    # The caption dates the photo (Wednesday 26 July); the lead says "jeudi": Thursday 27 July.
    assert article.published == datetime(2023, 7, 27, tzinfo=timezone.utc)
    assert article.date_source == "body"
    assert article.meta["date_reliability"] == "inferred"
    evidence = article.meta["date_evidence"]
    assert evidence["relative"] == "jeudi"
    assert evidence["anchor"] == "2023-07-26"
    assert evidence["anchor_source"] == "caption"
    assert evidence["anchor_text"] == "mercredi 26 juillet 2023"
    # None of the related dates leaked into the article's date.
    assert article.published.date() not in {r.date for r in article.related}
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 12
    assert paragraphs[0].startswith("La Maison Blanche a déclaré jeudi que les responsables du renseignement")
    assert paragraphs[-1].endswith("limitées pour l’aider à se réapprovisionner en armes.")
    for removed in ("May 16, 2023", "Tesla va transformer", "(Photo AP/Evan Vucci)", "WASHINGTON (AP)", SEED_TITLE):
        assert removed not in article.text


def test_english_related_block_with_date_lines() -> None:
    page = parse_page((PAGES / "en-related-date-lines.txt").read_text(encoding="utf-8"))
    assert page.title == "Residents sandbag homes as the river rises near Millbrook"
    assert page.related == [
        Related(headline="Storm closes schools across the county", date=date(2024, 3, 3)),
        Related(headline="Council approves new budget after long debate", date=date(2024, 3, 2)),
    ]
    assert page.byline == "JANE MORRISON"
    assert page.captions[0].credit == "AP Photo/Lisa Rathke"
    assert page.captions[0].text.endswith("on Monday, March 4, 2024.")
    assert (page.dateline, page.agency) == ("MILLBROOK, Vt.", "AP")
    # Caption: Monday 4 March; the lead: "spent Tuesday" -> Tuesday 5 March.
    assert (page.published, page.date_source, page.date_reliability) == (date(2024, 3, 5), "body", "inferred")
    assert page.paragraphs[0].startswith("Residents of this small river town spent Tuesday")
    assert len(page.paragraphs) == 3


def test_german_page_without_related_block_dated_by_dateline() -> None:
    page = parse_page((PAGES / "de-no-related.txt").read_text(encoding="utf-8"), lang="de")
    assert page.related == []
    assert page.title == "Bahnstreik legt Fernverkehr in ganz Deutschland lahm"
    assert page.byline == "Martina Schulz"
    assert page.captions == [Caption(text="Reisende warten im Berliner Hauptbahnhof auf Informationen.",
                                     credit="Foto: Michael Kappeler/dpa")]
    assert (page.dateline, page.agency) == ("Berlin", "dpa")
    assert (page.published, page.date_source, page.date_reliability) == (date(2024, 3, 6), "dateline", "stated")
    assert page.paragraphs[0].startswith("Ein Streik der Lokführergewerkschaft")


def test_spanish_glued_block_and_no_date_rather_than_a_guess() -> None:
    page = parse_page((PAGES / "es-related-glued.txt").read_text(encoding="utf-8"))
    assert page.title == "Los agricultores vuelven a protestar en Madrid"
    assert page.related == [
        Related(headline="Sequía obliga a restringir el riego en Andalucía", date=date(2024, 3, 12)),
        Related(headline="El Gobierno aprueba el plan de vivienda", date=date(2024, 3, 11)),
    ]
    assert page.captions == [Caption(text="Agricultores con sus tractores en el paseo de la Castellana de Madrid.",
                                     credit="EFE/Fernando Villar")]
    assert (page.dateline, page.agency) == ("MADRID", "EFE")
    # "13 mar" has no year and "este miércoles" has no anchor: related dates must not stand in.
    assert page.published is None and page.date_source is None
    assert page.date_evidence == {"relative": "miércoles", "unresolved": "no anchor date on the page"}
    assert page.paragraphs[0].startswith("Cientos de agricultores")


def test_french_printed_publication_date() -> None:
    page = parse_page((PAGES / "fr-published-line.txt").read_text(encoding="utf-8"))
    assert page.title == "Grève à la SNCF : le trafic fortement perturbé vendredi"
    assert page.byline == "Claire Dubois"
    assert (page.dateline, page.agency) == ("PARIS", "AFP")
    assert (page.published, page.date_source, page.date_reliability) == (date(2024, 3, 15), "metadata", "stated")
    assert all("Publié le" not in p for p in page.paragraphs)


def test_undated_page_keeps_published_none() -> None:
    article = run_step(Article(id="x", source="x", text=(PAGES / "en-undated.txt").read_text(encoding="utf-8")))
    assert article.title == "Library reopens after two-year renovation"
    assert article.published is None and article.date_source is None
    assert article.meta["date_evidence"]["unresolved"] == "no anchor date on the page"
    assert article.text.startswith("The central library reopened on Thursday")


def test_given_metadata_is_kept_and_text_untouched() -> None:
    text = (PAGES / "en-related-date-lines.txt").read_text(encoding="utf-8")
    given = datetime(2024, 3, 6, 9, 30, tzinfo=timezone.utc)
    article = Article(id="j", source="in.jsonl", text=text, title="Given title", published=given,
                      date_source="input")
    out = run_step(article)
    assert out.text == text
    assert (out.title, out.published, out.date_source) == ("Given title", given, "input")
    assert out.related == []
    # Empty fields are still filled from the page.
    assert (out.dateline, out.agency, out.byline) == ("MILLBROOK, Vt.", "AP", "JANE MORRISON")


@pytest.mark.parametrize("first_line", ["WASHINGTON (AP) — The Senate voted on Friday to pass the bill.",
                                        "This opening sentence is long enough and ends like a sentence."])
def test_no_title_invented_from_a_body_line(first_line: str) -> None:
    page = parse_page(first_line + "\nSecond paragraph of the story.")
    assert page.title is None
    assert page.paragraphs[0].startswith(first_line.split("— ")[-1])


def test_no_dateline_or_caption_taken_from_the_body() -> None:
    text = (
        "Stadtrat beschließt neuen Radweg\n"
        "Kreuz aus Kirche gestohlen (Foto!)\n"
        "Der Stadtrat hat am Montag mit großer Mehrheit den Bau eines neuen Radwegs beschlossen.\n"
        "BERLIN — Eine ganz andere Meldung, die weiter unten auf der Seite steht.\n"
    )
    page = parse_page(text, lang="de")
    assert page.dateline is None and page.captions == []
    assert page.paragraphs[-1].startswith("BERLIN — Eine ganz andere Meldung")


@pytest.mark.parametrize(
    ("dateline", "crawled", "expected"),
    [
        ("LONDON, July 27 (Reuters) - ", date(2023, 8, 1), date(2023, 7, 27)),
        ("NEW YORK, Dec 30 (Reuters) - ", date(2024, 1, 5), date(2023, 12, 30)),
        ("MADRID, 13 mar (EFE).- ", date(2024, 3, 20), date(2024, 3, 13)),
    ],
)
def test_dateline_day_without_year_takes_the_year_from_the_crawl(dateline: str, crawled: date, expected: date) -> None:
    text = f"Markets steady after the announcement\n{dateline}Shares were little changed on the day, traders said.\n"
    article = run_step(Article(id="r", source="cc-news.warc.gz", text=text,
                               crawled=datetime(crawled.year, crawled.month, crawled.day, 6, tzinfo=timezone.utc)))
    assert (article.published.date(), article.date_source) == (expected, "dateline")
    assert article.meta["date_reliability"] == "inferred"
    assert article.meta["date_evidence"]["year_from"].startswith(f"crawl date {crawled.isoformat()}")
    # Without a crawl date, the day alone is not enough: no date rather than a guess.
    assert run_step(Article(id="s", source="page.txt", text=text)).published is None
