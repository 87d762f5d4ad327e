"""`newsdesk serve` starts uvicorn with the app over the --db store."""

from __future__ import annotations

from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsdesk.cli import main


def test_serve_runs_the_app_over_the_db(monkeypatch, web_db):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    result = CliRunner().invoke(main, ["--db", web_db, "serve", "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    (app, options), = calls
    assert options["host"] == "0.0.0.0" and options["port"] == 8123
    counts = TestClient(app).get("/index.json").json()["counts"]
    assert counts["articles"] == 23
    bad = CliRunner().invoke(main, ["--db", web_db, "serve", "--port", "70000"])
    assert bad.exit_code == 2 and "70000" in bad.output
