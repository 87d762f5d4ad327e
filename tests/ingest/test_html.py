"""HTML pages: main text without boilerplate or comments, the page's own metadata, honest dates."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from newsdesk.article import Article, Caption
from newsdesk.clean.page import PageStructureStep
from newsdesk.ingest.base import Rejected
from newsdesk.ingest.html import html_to_article, read_html
from newsdesk.pipeline import StepStats

HTML = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def read_one(name: str, **kwargs) -> Article:
    (item,) = read_html(HTML / name, **kwargs)
    assert isinstance(item, Article), item
    (article,) = PageStructureStep()([item], StepStats(name="page"))
    return article


def test_json_ld_news_article() -> None:
    article = read_one("jsonld-newsarticle.html")
    assert article.title == "Kenya opens new rail link to the coast"  # JSON-LD headline, not og:title
    assert article.url == "https://ledger.example/world/2024/02/14/kenya-rail-link"  # rel=canonical
    assert article.published == datetime(2024, 2, 14, 9, 30, tzinfo=timezone(timedelta(hours=3)))
    assert article.date_source == "metadata"
    assert article.meta["date_evidence"]["from"] == "JSON-LD datePublished"
    assert article.meta["date_reliability"] == "stated"
    assert article.byline == "Amina Odhiambo, Associated Press"
    assert article.agency == "AP"
    assert (article.dateline, article.meta["publisher"]) == ("NAIROBI, Kenya", "Daily Ledger")
    assert article.captions == [Caption(text="Passengers board the first train at the Nairobi terminus on Tuesday, "
                                        "Feb. 13, 2024.", credit="AP Photo/Brian Inganga")]
    assert article.text.startswith("NAIROBI, Kenya (AP) — Kenya opened a new passenger rail link")
    assert "financed it." in article.text
    for boilerplate in ("Reader comment", "Port expansion begins", "Daily Ledger ©", "Home", "By AMINA"):
        assert boilerplate not in article.text


def test_og_tags_and_agency_from_dateline() -> None:
    article = read_one("og-fr.html")
    assert article.title == "Les vendanges commencent avec trois semaines d'avance"
    assert article.url == "https://gazette.example/region/vendanges-precoces"
    assert article.published == datetime(2023, 8, 21, 7, 45, tzinfo=timezone(timedelta(hours=2)))
    assert article.meta["date_evidence"]["from"] == "meta article:published_time"
    assert (article.byline, article.dateline, article.agency) == ("Lucie Marchand", "MONTPELLIER", "AFP")
    assert article.meta["html_lang"] == "fr"


def test_date_from_url_is_marked_as_such() -> None:
    article = read_one("url-dated.html", url="https://diario.example/local/2024/05/07/carriles-bici")
    assert article.published == datetime(2024, 5, 7, tzinfo=timezone.utc)
    assert (article.date_source, article.meta["date_reliability"]) == ("url", "medium")


def test_related_link_dates_never_date_the_article() -> None:
    # trafilatura's date search (htmldate) returns 2019-05-14 here, from a related link, even with
    # extensive_search=False; newsdesk reads only what the page states about itself.
    article = read_one("related-link-dated.html")
    assert article.title == "Harbour ferry service resumes after repairs"
    assert article.published is None and article.date_source is None
    assert "Ferry operator orders new boats" not in article.text
    assert article.meta["date_evidence"] == {"relative": "Thursday", "unresolved": "no anchor date on the page"}


def test_crawl_date_is_kept_apart_from_publication() -> None:
    data = (HTML / "related-link-dated.html").read_bytes()
    crawled = datetime(2024, 3, 15, 10, 0, tzinfo=timezone.utc)
    article = html_to_article(data, source="x", url="https://courier.example/local/ferry", crawled=crawled)
    assert isinstance(article, Article)
    assert article.crawled == crawled and article.published is None


def test_wrong_declared_encodings_are_repaired() -> None:
    body = ("<p>Le ministre a déclaré jeudi que la réforme «&nbsp;était nécessaire&nbsp;» pour l’économie "
            "française et qu’elle entrerait en vigueur dès le mois prochain, après un vote au Sénat.</p>") * 3
    page = f"<html><head><meta charset=\"{{}}\"><title>Réforme adoptée</title></head><body><article>" \
           f"<h1>Réforme adoptée</h1>{body}</article></body></html>"
    cp1252_as_utf8 = page.format("utf-8").encode("cp1252")
    utf8_as_cp1252 = page.format("windows-1252").encode("utf-8")
    for data, note in ((cp1252_as_utf8, "declared utf-8"), (utf8_as_cp1252, "declared windows-1252")):
        article = html_to_article(data, source="x")
        assert isinstance(article, Article), article
        assert "a déclaré jeudi que la réforme" in article.text
        assert "l’économie" in article.text
        assert article.title == "Réforme adoptée"
        assert article.meta["encoding_note"].startswith(note)


def test_http_charset_overrides_nothing_when_bytes_say_otherwise() -> None:
    data = "<html><body><article><p>Überschwemmungen in Süddeutschland: Tausende müssen ihre Häuser verlassen, "\
           "während die Pegel weiter steigen und die Feuerwehr Dämme verstärkt.</p></article></body></html>"
    article = html_to_article(data.encode("latin-1"), source="x", charset="iso-8859-1")
    assert isinstance(article, Article) and "Überschwemmungen in Süddeutschland" in article.text


def test_page_without_main_text_is_rejected() -> None:
    item = html_to_article(b"<html><body><nav><a href='/'>Home</a></nav></body></html>", source="nav.html")
    assert isinstance(item, Rejected) and "no main text" in item.reason


def test_undated_html_dated_from_figcaption_and_lead() -> None:
    data = ("<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1>"
            "<figure><img src='b.jpg'><figcaption>Cars cross the bridge on Tuesday, May 7, 2024. "
            "(Photo: Jan Novak)</figcaption></figure>"
            "<p>The river bridge reopened to traffic on Wednesday after eight months of repairs to its deck.</p>"
            "<p>Engineers said the structure would be inspected again in the autumn.</p></article></body></html>")
    item = html_to_article(data.encode(), source="x")
    (article,) = PageStructureStep()([item], StepStats(name="page"))
    assert article.captions == [Caption(text="Cars cross the bridge on Tuesday, May 7, 2024.",
                                        credit="Photo: Jan Novak")]
    assert article.text.startswith("The river bridge reopened")
    assert article.published == datetime(2024, 5, 8, tzinfo=timezone.utc)
    assert (article.date_source, article.meta["date_reliability"]) == ("body", "inferred")


def test_utf16_page_with_bom_is_not_binary() -> None:
    page = ("<html><head><title>Überschwemmung</title></head><body><article><p>Die Pegel steigen weiter, "
            "und die Feuerwehr verstärkt die Dämme entlang des Flusses.</p></article></body></html>")
    article = html_to_article(page.encode("utf-16"), source="x")
    assert isinstance(article, Article) and article.text.startswith("Die Pegel steigen weiter")


def test_json_ld_webpage_date_when_no_article_object() -> None:
    data = (b'<html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "WebPage", '
            b'"name": "Hafen wird ausgebaut", "datePublished": "2024-04-02"}</script></head><body><article>'
            b"<p>Der Hafen wird in den kommenden drei Jahren ausgebaut, teilte die Stadt am Dienstag mit.</p>"
            b"</article></body></html>")
    article = html_to_article(data, source="x")
    assert isinstance(article, Article)
    assert (article.title, article.published) == ("Hafen wird ausgebaut", datetime(2024, 4, 2, tzinfo=timezone.utc))
    assert article.meta["date_evidence"]["from"] == "JSON-LD datePublished"
