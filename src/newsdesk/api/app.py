"""The FastAPI app: server-rendered pages, each with a JSON twin at the same path + `.json`.

Read-only. Every request opens the store named at start-up and closes it at its end, so each
request thread has its own SQLite connection and sees what a running `ingest` or `watch` wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException

from .. import __version__
from ..errors import InputError, NewsdeskError, StoreError
from ..store import Store, default_db_path, open_store
from .highlight import snippet_html

TEMPLATES = Path(__file__).resolve().parents[1] / "web" / "templates"


def web_url(url: object) -> str | None:
    """`url` when it is an http(s) link, else None: a page's `javascript:` or `data:` URL is never made a link."""
    return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None


def when(value: object, unit: str = "minute") -> Markup:
    """A date or time as a `<time>` element: "2026-03-02 08:00" (`unit="day"`: "2026-03-02")."""
    if not value:
        return Markup("")
    iso = value.isoformat() if hasattr(value, "isoformat") else str(value)
    shown = iso[:10] if unit == "day" else iso[:16].replace("T", " ")
    return Markup(f'<time datetime="{escape(iso)}">{escape(shown)}</time>')


def entity_url(entity_id: str) -> str:
    """The path of an entity's page."""
    return f"/entities/{entity_id}"


templates = Jinja2Templates(directory=str(TEMPLATES))
templates.env.globals["entity_url"] = entity_url
templates.env.filters.update(
    snippet=snippet_html, web_url=web_url, when=when, total=lambda counts: sum(counts.values())
)


def create_app(store_target: str | Path | None = None) -> FastAPI:
    """The web UI and JSON API over the store at `store_target` (default: `NEWSDESK_DB` or data/newsdesk.db)."""
    from .pages import router

    target = str(store_target or default_db_path())
    _prepare(target)
    app = FastAPI(
        title="newsdesk", version=__version__, docs_url="/api/docs", redoc_url=None, openapi_url="/api/openapi.json"
    )
    app.state.store_target = target
    app.include_router(router)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(NewsdeskError, _newsdesk_error)
    return app


def _prepare(target: str) -> None:
    """Create the quotes, entity and story tables once, so requests never write to the store."""
    from ..store.entities import SQLRegistryBackend
    from ..store.quotes import ensure_quotes_schema
    from ..stories.store import ensure_story_tables

    store = open_store(target)
    try:
        for ensure in (ensure_quotes_schema, ensure_story_tables, SQLRegistryBackend):
            # a backend without these tables: the pages that need them answer with the reason
            with suppress(StoreError):
                ensure(store)
    finally:
        store.close()


def get_store(request: Request) -> Iterator[Store]:
    """FastAPI dependency: the store, opened for this request."""
    store = open_store(request.app.state.store_target)
    try:
        yield store
    finally:
        store.close()


def wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


def twin_path(path: str) -> str:
    """The path of a page's JSON twin: `path.json`, and `/index.json` for `/`."""
    return "/index.json" if path == "/" else f"{path}.json"


def json_twin(request: Request) -> str:
    """The URL of a page's JSON twin (same path + `.json`, same query)."""
    return twin_path(request.url.path) + (f"?{request.url.query}" if request.url.query else "")


def render(
    request: Request, template: str, data: dict[str, Any], *, status: int = 200, extra: dict[str, Any] | None = None
) -> Response:
    """`data` as JSON for a `.json` path, else the HTML page `template` showing it (`extra`: HTML-only helpers)."""
    if wants_json(request):
        return JSONResponse(jsonable_encoder(data), status_code=status)
    context = {"data": data, "json_url": json_twin(request), **(extra or {})}
    return templates.TemplateResponse(request, template, context, status_code=status)


def page(router: Any, path: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a GET view for the HTML page at `path` and its JSON twin at `path.json` (`/index.json` for `/`)."""

    def register(view: Callable[..., Any]) -> Callable[..., Any]:
        router.get(twin_path(path))(view)  # first: `{id}` would match `x.json`
        router.get(path, include_in_schema=False)(view)
        return view

    return register


def error_response(request: Request, status: int, message: str) -> Response:
    """A clear error as JSON for `.json` paths, else as an HTML page."""
    if wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    context = {"data": {"error": message, "status": status}, "json_url": None}
    return templates.TemplateResponse(request, "error.html", context, status_code=status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    return error_response(request, exc.status_code, message)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    reasons = [f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in exc.errors()]
    return error_response(request, 400, "bad request: " + "; ".join(reasons))


async def _newsdesk_error(request: Request, exc: Exception) -> Response:
    return error_response(request, 400 if isinstance(exc, InputError) else 500, str(exc))
