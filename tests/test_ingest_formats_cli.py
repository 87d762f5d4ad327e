"""`newsdesk ingest` on every format: detection, page structure, given metadata kept."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsdesk.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def export(db: Path) -> dict[str, dict]:
    result = CliRunner().invoke(main, ["--db", str(db), "export"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    return {r["title"]: r for r in records}


def test_seed_page_through_the_cli(tmp_path: Path, shared_data: Path) -> None:
    db = tmp_path / "n.db"
    seed = shared_data / "seed" / "seed-page-fr.txt"
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", str(seed), "--no-analysis"])
    assert result.exit_code == 0, result.output
    (record,) = export(db).values()
    assert record["title"].startswith("La Maison Blanche affirme qu'un haut responsable russe")
    assert (record["published"], record["date_source"]) == ("2023-07-27T00:00:00+00:00", "body")
    assert (record["dateline"], record["agency"], record["lang"]) == ("WASHINGTON", "AP", "fr")
    assert record["captions"][0]["credit"] == "Photo AP/Evan Vucci"
    assert len(record["related"]) == 5
    assert record["text"].startswith("La Maison Blanche a déclaré jeudi")


def test_jsonl_given_fields_survive_the_page_step(tmp_path: Path) -> None:
    text = (FIXTURES / "pages" / "de-no-related.txt").read_text(encoding="utf-8")
    line = {"id": "given-1", "title": "Titel aus der Eingabe", "published": "2024-03-07T10:00:00Z", "text": text}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "n.db"
    assert CliRunner().invoke(main, ["--db", str(db), "ingest", str(path), "--no-analysis"]).exit_code == 0
    record = export(db)["Titel aus der Eingabe"]
    assert record["id"] == "given-1"
    assert (record["published"], record["date_source"]) == ("2024-03-07T10:00:00+00:00", "input")
    assert record["text"] == text.strip()  # offsets into the given text stay valid
    assert (record["dateline"], record["agency"], record["byline"]) == ("Berlin", "dpa", "Martina Schulz")


def test_every_format_from_one_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("html/jsonld-newsarticle.html", "feeds/atom.xml", "pages/en-related-date-lines.txt"):
        (folder / Path(name).name).write_bytes((FIXTURES / name).read_bytes())
    db = tmp_path / "n.db"
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", str(folder), "--no-analysis"])
    assert result.exit_code == 0, result.output
    records = export(db)
    assert set(records) == {"Kenya opens new rail link to the coast", "Bahnstreik legt Fernverkehr lahm",
                            "Neue Radwege für die Innenstadt",
                            "Residents sandbag homes as the river rises near Millbrook"}
    assert records["Kenya opens new rail link to the coast"]["agency"] == "AP"
    assert records["Bahnstreik legt Fernverkehr lahm"]["lang"] == "de"
    assert records["Residents sandbag homes as the river rises near Millbrook"]["published"].startswith("2024-03-05")
