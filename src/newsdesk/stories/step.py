"""`StoryStep`: the pipeline step that puts each article into a story, persisted in the store."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..article import Article
from ..pipeline import StepStats
from ..store.sqlbase import SQLStore
from .cluster import ClusterConfig, Clusterer
from .features import Encoder, Featurizer, USEEncoder
from .store import SQLStoryRepo


class StoryStep:
    """Cluster articles into stories in arrival order; sets `story_id` (None for undated articles).

    `encoder` maps texts to unit vectors (default: the multilingual Universal Sentence Encoder,
    loaded on first use; pass `encoder=None` to cluster on words and entities only). Stories are
    written to the store every `flush_every` articles and at the end of the stream.
    """

    name = "stories"
    needs: tuple[str, ...] = ("lang",)
    adds: tuple[str, ...] = ("story_id",)

    def __init__(
        self,
        *,
        store: SQLStore,
        encoder: Encoder | None | str = "use",
        config: ClusterConfig | None = None,
        flush_every: int = 500,
    ) -> None:
        self.repo = SQLStoryRepo(store)
        self.featurizer = Featurizer(encoder=USEEncoder() if encoder == "use" else encoder)  # type: ignore[arg-type]
        self.config = config or ClusterConfig()
        self.flush_every = flush_every

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        clusterer = Clusterer(repo=self.repo, featurizer=self.featurizer, config=self.config)
        n = 0
        try:
            for article, result in clusterer.add_articles(articles):
                if result.story_id is None:
                    stats.count("undated")
                elif result.copy:
                    stats.count("copies")
                elif result.linked:
                    stats.count("translations")
                elif result.new:
                    stats.count("new_stories")
                elif result.score is not None:
                    stats.count("joined")
                else:
                    stats.count("already_clustered")
                n += 1
                if n % self.flush_every == 0:
                    stats.count("alerts", clusterer.save())
                yield article
        finally:
            stats.count("alerts", clusterer.save())
