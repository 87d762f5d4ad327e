"""The shape shared by the pipeline steps that read the full spaCy parse (quotes, events).

A `ParsedStep` batches articles, skips the ones it cannot annotate (copies, empty texts, languages without its
lexicon, texts longer than the model takes) with a counter for each, parses each batch once per language
through `parses.parse` (so the next such step reuses the parses) and annotates the articles in order. An article
the rules fail on is counted under `error_counter`, never fatal to the run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..article import Article
from ..errors import ModelError
from ..pipeline import StepStats, batched
from .parses import parse
from .quotes_model import load_model

ModelSource = Callable[[str], Any]


class ParsedStep:
    """Base of a step over parsed articles; subclasses set `name`, `adds`, `error_counter`, `lexicon` and
    `annotate`.

    `models` maps a language to a spaCy pipeline (a callable such as `newsdesk.nlp.quotes.load_model`, or a
    dict); `nlp` is one pipeline used for every language (tests pass a small one).
    """

    name = "parsed"
    needs: tuple[str, ...] = ("lang",)
    adds: tuple[str, ...] = ()
    error_counter = "error"

    def __init__(
        self, *, models: ModelSource | dict[str, Any] | None = None, nlp: Any = None, batch_size: int = 16
    ) -> None:
        self._models = models
        self._nlp = nlp
        self._cache: dict[str, Any] = {}
        self.batch_size = batch_size

    def lexicon(self, lang: str) -> Any:
        """The step's language data for `lang`; raises `ModelError` for a language it does not cover."""
        raise NotImplementedError

    def annotate(self, article: Article, stats: StepStats | None = None, *, doc: Any = None) -> Article:
        """Add the step's span group to one article (`doc`: its parse, when already done)."""
        raise NotImplementedError

    def model(self, lang: str) -> Any:
        if self._nlp is not None:
            return self._nlp
        if lang not in self._cache:
            if isinstance(self._models, dict):
                if lang not in self._models:
                    raise ModelError(f"no model given for language {lang!r}")
                nlp = self._models[lang]
            elif callable(self._models):
                nlp = self._models(lang)
            else:
                nlp = load_model(lang)
            if nlp is None or "parser" not in nlp.pipe_names:
                raise ModelError(
                    f"the {lang!r} model given to {type(self).__name__} has no parser: pass the full pipeline "
                    f"({type(self).__name__}() loads it, or models=newsdesk.nlp.quotes.load_model)"
                )
            self._cache[lang] = nlp
        return self._cache[lang]

    def supports(self, lang: str | None) -> bool:
        if not lang:
            return False
        try:
            self.lexicon(lang)
        except ModelError:
            return False
        return True

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        for batch in batched(articles, self.batch_size):
            yield from self._run(batch, stats)

    def _run(self, batch: list[Article], stats: StepStats) -> Iterator[Article]:
        """Parse the batch's articles language by language, then annotate them in order."""
        docs: dict[int, Any] = {}
        todo: dict[str, list[int]] = {}
        for k, article in enumerate(batch):
            if article.is_copy:
                stats.count("skipped_copy")
            elif not article.text.strip():
                stats.count("skipped_empty")
            elif not self.supports(article.lang):
                stats.count("skipped_lang")
            else:
                todo.setdefault(article.lang or "", []).append(k)
        for lang, idx in todo.items():
            nlp = self.model(lang)
            fits = [k for k in idx if len(batch[k].text) <= nlp.max_length]
            stats.count("skipped_too_long", len(idx) - len(fits))
            for k, doc in zip(fits, parse(nlp, [batch[k].text for k in fits]), strict=True):
                docs[k] = doc
        for k, article in enumerate(batch):
            if k in docs:
                try:
                    self.annotate(article, stats, doc=docs[k])
                except Exception as exc:  # a text the rules cannot handle must not stop the run
                    stats.count(f"{self.error_counter}:{type(exc).__name__}")
            yield article
