"""Stories: articles about the same news clustered across outlets, days and languages.

`Clusterer` assigns each new article to a story (`cluster`), `StoryProfile` holds a story's
running summary and the article-to-story score (`profile`), `timeline` has timelines, growth
and breaking-story alerts with their Atom feed, `store` persists stories in the SQLite store and
`step` is the pipeline step.
"""

from .cluster import Assignment, ClusterConfig, Clusterer, Member, MemoryRepo, StoryRepo, recluster, story_id_for
from .features import ArticleFeatures, Featurizer, HashedDF, USEEncoder
from .profile import Score, ScoreConfig, StoryProfile
from .timeline import Alert, AlertConfig, Growth, atom_feed, growth, timeline

__all__ = [
    "Alert",
    "AlertConfig",
    "ArticleFeatures",
    "Assignment",
    "ClusterConfig",
    "Clusterer",
    "Featurizer",
    "Growth",
    "HashedDF",
    "Member",
    "MemoryRepo",
    "Score",
    "ScoreConfig",
    "StoryProfile",
    "StoryRepo",
    "USEEncoder",
    "atom_feed",
    "growth",
    "recluster",
    "story_id_for",
    "timeline",
]
