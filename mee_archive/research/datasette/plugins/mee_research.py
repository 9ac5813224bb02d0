"""Datasette plugin of `mee-archive browse`: SQL functions that turn a researcher's query into
FTS5 syntax (mee_zh_query, mee_en_query), docids linked to the pair page, and three pages of its
own: /-/mee/search (both languages), /-/mee/release/<docid> (a release beside its original, with
both replays) and /-/mee/charts. The pages call the same functions as the CLI."""

from __future__ import annotations

import sqlite3
from typing import Any, Callable

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup

from mee_archive.research.charts import charts
from mee_archive.research.datasette import PLUGIN
from mee_archive.research.ftsquery import QueryError, to_fts
from mee_archive.research.search import search
from mee_archive.research.view import pair_view

MARK = ("\x02", "\x03")  # stand-ins for <mark> that survive HTML escaping


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("mee_zh_query", 1, lambda q: to_fts(q or "", chinese=True) if (q or "").strip() else '""')
    conn.create_function("mee_en_query", 1, lambda q: to_fts(q or "", chinese=False) if (q or "").strip() else '""')


@hookimpl
def render_cell(value: Any, column: str, table: str | None) -> Markup | None:
    if column == "docid" and table in ("releases", "zh_articles", "pairs") and value is not None:
        return Markup(f'<a href="/-/mee/release/{int(value)}">{int(value)}</a>')
    return None


def _config(datasette) -> dict[str, str]:
    return datasette.plugin_config(PLUGIN) or {}


async def _with_rows(datasette, fn: Callable[[sqlite3.Connection], Any]) -> Any:
    """Run ``fn`` on a connection whose rows are sqlite3.Row, as the research functions expect."""
    database = datasette.get_database(_config(datasette).get("database"))

    def call(conn: sqlite3.Connection) -> Any:
        factory, conn.row_factory = conn.row_factory, sqlite3.Row
        try:
            return fn(conn)
        finally:
            conn.row_factory = factory

    return await database.execute_fn(call)


def _marked(text: str) -> Markup:
    return Markup(str(Markup.escape(text)).replace(MARK[0], "<mark>").replace(MARK[1], "</mark>"))


async def search_page(datasette, request) -> Response:
    q, lang = request.args.get("q", ""), request.args.get("lang", "both")
    hits, error = [], None
    if q.strip():
        try:
            hits = await _with_rows(datasette, lambda db: search(db, q, lang=lang if lang in ("en", "zh", "both") else "both",
                                                                 limit=50, replay=_config(datasette)["replay"], mark=MARK))
        except QueryError as exc:
            error = str(exc)
    for hit in hits:
        hit.snippet = _marked(hit.snippet)
    return Response.html(await datasette.render_template(
        "mee_search.html", {"q": q, "lang": lang, "hits": hits, "error": error}, request=request))


async def release_page(datasette, request) -> Response:
    docid = request.url_vars["docid"]
    view = await _with_rows(datasette, lambda db: pair_view(db, docid, _config(datasette)["replay"]))
    if view is None:
        return Response.html(f"<p>No release or article with docid {int(docid)}.</p>", status=404)
    return Response.html(await datasette.render_template("mee_release.html", {"view": view}, request=request))


async def charts_page(datasette, request) -> Response:
    svgs = await _with_rows(datasette, charts)
    return Response.html(await datasette.render_template(
        "mee_charts.html", {"charts": [Markup(s) for s in svgs]}, request=request))


@hookimpl
def register_routes() -> list:
    return [(r"^/-/mee/search$", search_page), (r"^/-/mee/release/(?P<docid>\d+)$", release_page),
            (r"^/-/mee/charts$", charts_page)]


@hookimpl
def menu_links(datasette) -> list[dict[str, str]]:
    return [{"href": "/-/mee/search", "label": "Search both languages"}, {"href": "/-/mee/charts", "label": "Charts"}]
