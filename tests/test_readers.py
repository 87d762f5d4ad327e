import json

import pytest

from newsdesk.errors import InputError
from newsdesk.ingest import IngestStep, detect_format
from newsdesk.ingest.base import Rejected
from newsdesk.ingest.jsonl import read_jsonl
from newsdesk.ingest.text import read_text
from newsdesk.pipeline import Pipeline


def test_jsonl_keeps_given_fields(tmp_path):
    path = tmp_path / "in.jsonl"
    record = {
        "id": "my-1",
        "lang": "fr",
        "title": "Titre",
        "text": "Du texte.",
        "published": "2023-07-27",
        "url": "https://example.org/x",
        "extra": 1,
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = list(read_jsonl(path))
    assert (article.id, article.lang, article.title, article.url) == ("my-1", "fr", "Titre", "https://example.org/x")
    assert article.published.isoformat() == "2023-07-27T00:00:00+00:00"
    assert article.date_source == "input"
    assert article.meta == {"extra": 1}


def test_jsonl_bad_lines_are_rejected_with_reasons(tmp_path):
    path = tmp_path / "bad.jsonl"
    lines = [
        '{"text": "good one"}',
        '{"text": ',
        "[1, 2]",
        '{"title": "no text"}',
        '{"text": "x", "published": "last week"}',
        "",
        '{"text": "good two", "id": 7}',
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_jsonl(path))
    rejected = [i for i in items if isinstance(i, Rejected)]
    good = [i for i in items if not isinstance(i, Rejected)]
    assert [a.text for a in good] == ["good one", "good two"]
    assert good[1].id == "7"
    reasons = [r.reason for r in rejected]
    assert reasons[0].startswith("invalid JSON")
    assert "expected a JSON object" in reasons[1]
    assert "no 'text'" in reasons[2]
    assert "not an ISO 8601 date" in reasons[3]
    assert rejected[0].source.endswith("bad.jsonl:2")
    assert rejected[0].raw.startswith(b'{"text": ')


def test_text_reader_good_and_bad(tmp_path):
    good = tmp_path / "page.txt"
    good.write_text("Un titre\nLe corps de l'article.", encoding="utf-8")
    [article] = list(read_text(good))
    assert article.text.startswith("Un titre")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le président a déclaré à la presse que la sécurité était prioritaire.".encode("cp1252"))
    assert list(read_text(empty))[0].reason == "empty file"
    assert "binary" in list(read_text(binary))[0].reason
    [decoded] = list(read_text(latin))
    assert "président a déclaré" in decoded.text


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        IngestStep([tmp_path / "nope.jsonl"])


def test_format_detection(tmp_path):
    assert detect_format(tmp_path / "a.jsonl") == "jsonl"
    assert detect_format(tmp_path / "a.txt") == "text"
    assert detect_format(tmp_path / "noext", b'  {"text": "x"}') == "jsonl"
    assert detect_format(tmp_path / "noext", b"Plain words") == "text"


def test_ingest_step_reads_a_folder_and_quarantines(tmp_path):
    (tmp_path / "a.txt").write_text("Premier article.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text('{"text": "Second"}\nnot json\n', encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / "NOTICE.md").write_text("Sources and licences", encoding="utf-8")
    (tmp_path / "sub" / "LICENSE-CC-BY-3.0.txt").write_text("Licence text", encoding="utf-8")
    result = Pipeline([IngestStep([tmp_path])]).run(keep=True)
    assert sorted(a.text for a in result.articles) == ["Premier article.", "Second"]
    assert len(result.quarantined) == 1 and "invalid JSON" in result.quarantined[0].reason
