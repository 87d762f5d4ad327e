"""Pipeline step: link entity spans to the entity registry (attrs["entity_id"])."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..article import Article, Span
from ..pipeline import StepStats
from .registry import LABELS, EntityRegistry, Mention


class EntityLinkStep:
    """Fill `attrs["entity_id"]` on every PER/ORG/LOC span and update the registry.

    Names are grouped per article (spans of one name share an id). Names that match an entity on their
    own are linked first; the rest are then matched with those entities as co-occurrence context, and
    a new entity is created for names that still match nothing. At the end of the stream, entities that
    the context gathered since shows to be one are merged (`consolidate`), and the registry is saved.
    """

    name = "entity_link"
    needs = ("entities",)
    adds = ("entity_ids",)

    def __init__(
        self,
        *,
        registry: EntityRegistry,
        save: bool = True,
        consolidate: bool = True,
        country_of: Callable[[str, str | None], str | None] | None = None,
    ) -> None:
        """`country_of(name, lang)` returns the ISO 3166 alpha-3 code when a LOC name is a country's name
        (e.g. from the place gazetteer), so country names in every language become one entity."""
        self.registry = registry
        self.save = save
        self.consolidate = consolidate
        self.country_of = country_of

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        for article in articles:
            if not article.is_copy and article.spans.get("entities"):
                self.link_article(article, stats)
            yield article
        if self.consolidate:
            stats.count("entities_consolidated", len(self.registry.consolidate()))
        if self.save:
            self.registry.save()

    def link_article(self, article: Article, stats: StepStats | None = None) -> dict[str, str | None]:
        """Link one article's entity spans; return the entity id of each name."""
        groups: dict[tuple[str, str], list[Span]] = {}
        for span in article.spans.get("entities", []):
            if span.label not in LABELS:
                span.attrs.setdefault("entity_id", None)
                continue
            name = (span.attrs.get("name") or span.attrs.get("text") or article.evidence(span)).strip()
            if name:
                groups.setdefault((span.label, name), []).append(span)
        date = article.published.date().isoformat() if article.published else None
        mentions = {
            key: Mention(
                text=key[1], label=key[0], lang=article.lang, date=date,
                roles={s.attrs["role"] for s in spans if s.attrs.get("role")},
                countries={s.attrs["country"] for s in spans if s.attrs.get("country")},
                is_country=self.country_of(key[1], article.lang) if self.country_of and key[0] == "LOC" else None,
            )
            for key, spans in groups.items()
        }  # fmt: skip
        # longer names first, then in reading order
        order = sorted(groups, key=lambda k: (-len(k[1].split()), groups[k][0].start))
        ids: dict[tuple[str, str], str | None] = {}
        names: dict[str, str] = {}
        for create in (False, True):
            for key in order:
                if key in ids:
                    continue
                cooc = {i: names[i] if i in names else names.setdefault(i, self.registry.entities[i].canonical)
                        for i in set(ids.values()) if i and i in self.registry.entities}  # fmt: skip
                result = self.registry.link(mentions[key], cooc=cooc, create=create)
                if result.entity_id is None:
                    if create:
                        ids[key] = None
                        if stats:
                            stats.count("ambiguous" if result.why.get("reason") == "ambiguous" else "unlinked")
                    continue
                self.registry.observe(result.entity_id, mentions[key], why=result.why)
                ids[key] = result.entity_id
                if stats:
                    stats.count("entities_new" if result.created else "names_linked")
        for key, spans in groups.items():
            for span in spans:
                span.attrs["entity_id"] = ids.get(key)
        linked = [i for i in ids.values() if i]
        self.registry.add_cooccurrence(linked)
        if stats:
            stats.count("spans_linked", sum(len(groups[k]) for k, i in ids.items() if i))
        return {name: i for (_, name), i in ids.items()}
