"""Bad input of every kind: each file gets a clear reason in the quarantine and the run goes on."""

from __future__ import annotations

from pathlib import Path

from newsdesk.ingest import detect_format
from newsdesk.runner import run_ingest
from newsdesk.store.sqlite import SQLiteStore

from .warc_fixtures import page, write_warc

FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
ARTICLE = ("<p>Le conseil municipal a voté jeudi soir le budget de l’année prochaine, après un débat de cinq heures "
           "sur le prix des cantines et l’entretien des écoles élémentaires de la ville.</p>")


def html_doc(charset: str, title: str) -> str:
    return (f'<html><head><meta charset="{charset}"><title>{title}</title></head><body><article>'
            f"<h1>{title}</h1><p>{title} : les détails.</p>{ARTICLE * 2}</article></body></html>")


def make_inputs(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.html").write_text(html_doc("utf-8", "Budget voté"), encoding="utf-8")
    (folder / "cp1252-declared-utf8.html").write_bytes(html_doc("utf-8", "Écoles rénovées").encode("cp1252"))
    (folder / "utf8-declared-cp1252.htm").write_bytes(html_doc("windows-1252", "Cantines à prix réduit").encode())
    (folder / "broken.html").write_text(  # unclosed tags, cut in the middle of an element
        "<html><head><title>Marché rouvert</title><body><div><article><h1>Marché rouvert<p>Le marché couvert "
        "a rouvert samedi matin après trois mois de travaux <b>de rénovation<i> de la toiture et des halles, "
        "au grand soulagement des commerçants du centre-ville.<p>Les travaux ont coûté deux millions <a href=",
        encoding="utf-8",
    )
    (folder / "empty.html").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\n ")
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500))
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    with (folder / "huge.html").open("wb") as fh:  # 50 MB page
        fh.write(b"<html><body><article>")
        block = b"<p>" + b"word " * 200 + b"</p>"
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            fh.write(block)
    (folder / "not-a-feed.rss").write_text("this is plain text named like a feed", encoding="utf-8")
    (folder / "rss20.xml").write_bytes((FEEDS / "rss20.xml").read_bytes())
    warc = write_warc(folder / "crawl.warc.gz", [
        ("https://news.example/a", "text/html", page("Bridge repairs begin", "Crews began repairing the bridge."),
         "200"),
        ("https://news.example/b", "text/html", page("Park reopens", "The park reopened after the storm."), "200"),
    ])
    data = warc.read_bytes()
    warc.write_bytes(data[:-200])  # truncated gzip


def test_bad_inputs_are_quarantined_and_the_rest_is_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    make_inputs(folder)
    with SQLiteStore(tmp_path / "db.sqlite") as store:
        result, _ = run_ingest(store=store, paths=[folder], analyse=False)
        titles = sorted(a.title for a in store.iter_articles())
        reasons = {Path(q.source.split("@")[0].split("#")[0]).name: q.reason for q in store.list_quarantine()}
    assert titles == sorted([
        "Budget voté", "Écoles rénovées", "Cantines à prix réduit", "Marché rouvert",
        "Harbour ferry service resumes after repairs", "Council approves new budget", "Bridge repairs begin",
    ])
    assert reasons == {
        "empty.html": "empty page",
        "blank.txt": "empty file",
        "image.html": "binary content, not an HTML page",
        "binary.txt": "binary content, not a text page",
        "huge.html": "page is over the 20971520-byte size limit",
        "not-a-feed.rss": reasons["not-a-feed.rss"],
        "crawl.warc.gz": reasons["crawl.warc.gz"],
    }
    assert reasons["not-a-feed.rss"].startswith("not a readable feed")
    assert reasons["crawl.warc.gz"].startswith("archive is truncated")
    assert len(result.quarantined) == 7


def test_encodings_are_repaired_not_garbled(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    make_inputs(folder)
    with SQLiteStore(tmp_path / "db.sqlite") as store:
        run_ingest(store=store, paths=[folder / "cp1252-declared-utf8.html", folder / "utf8-declared-cp1252.htm"],
                   analyse=False)
        texts = [a.text for a in store.iter_articles()]
    assert len(texts) == 2
    for text in texts:
        assert "a voté jeudi soir le budget de l’année prochaine" in text
        assert "Ã" not in text and "\ufffd" not in text


def test_formats_are_sniffed_without_extensions(tmp_path: Path) -> None:
    samples = {
        "page": b"<!DOCTYPE html><html><body>x</body></html>",
        "feed": (FEEDS / "atom.xml").read_bytes(),
        "jsonfeed": (FEEDS / "feed.json").read_bytes(),
        "notes": b"Just a line of text.",
    }
    expected = {"page": "html", "feed": "feed", "jsonfeed": "feed", "notes": "text"}
    for name, data in samples.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert detect_format(path, data[:512]) == expected[name], name
    warc = write_warc(tmp_path / "crawl.warc.gz", [])
    plain = tmp_path / "archive"
    plain.write_bytes(warc.read_bytes())
    assert detect_format(plain, plain.read_bytes()[:512]) == "warc"
