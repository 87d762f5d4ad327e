"""Online story clustering on a hand-written English/French set; streaming equals batch; bounded work."""

from __future__ import annotations

import copy
from collections import defaultdict
from datetime import datetime, timedelta, timezone

from newsdesk.article import Article, Span
from newsdesk.cluster_score import bcubed
from newsdesk.stories import ClusterConfig, Clusterer, Featurizer, MemoryRepo, recluster
from newsdesk.stories.features import content_words, entity_keys
from story_helpers import hashed_encoder


def _clusters(assignments: dict[str, str]) -> list[set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for article_id, story in assignments.items():
        groups[story].add(article_id)
    return list(groups.values())


def test_handmade_stories_found_across_outlets_days_and_languages(handmade, use_encoder):
    clusterer = Clusterer(featurizer=Featurizer(encoder=use_encoder))
    got = {a.id: r.story_id for a, r in clusterer.add_articles([a for a, _ in handmade])}
    gold: dict[str, set[str]] = defaultdict(set)
    for article, label in handmade:
        gold[label].add(article.id)
    score = bcubed(_clusters(got), list(gold.values()))
    assert score.f1 == 1.0, score
    # the French and English Shoigu articles are one story, the Russia-China gas deal another
    assert got["fr-shoigu-1"] == got["en-shoigu-1"] == got["fr-shoigu-2"]
    assert got["en-gas-1"] != got["en-shoigu-1"]
    clusterer.save()
    repo = clusterer.repo
    shoigu = repo.load_story(got["en-shoigu-1"])
    assert shoigu.n_articles == 5 and shoigu.n_copies == 1
    assert set(shoigu.langs) == {"en", "fr"}
    assert shoigu.first_seen == datetime(2026, 3, 2, 8, tzinfo=timezone.utc)
    assert shoigu.last_seen == datetime(2026, 3, 3, 9, tzinfo=timezone.utc)
    assert shoigu.entity_names["id:Q-shoigu"] in ("Sergei Shoigu", "Sergueï Choïgou")


def test_copies_join_their_original_story_without_changing_its_centroid(handmade):
    articles = [a for a, _ in handmade if a.id.startswith("en-iphone")]
    clusterer = Clusterer(featurizer=Featurizer(encoder=hashed_encoder))
    results = {a.id: r for a, r in clusterer.add_articles(articles)}
    copy_result = results["en-iphone-1-copy"]
    assert copy_result.copy and copy_result.story_id == results["en-iphone-1"].story_id
    story = clusterer._stories[copy_result.story_id]
    assert story.n_copies == 1 and story.n_articles == 3


def test_merged_entity_ids_match_across_spellings():
    def article(aid: str, text: str, name: str, entity_id: str | None) -> Article:
        a = Article(id=aid, source="x", text=text, lang="fr")
        start = text.index(name)
        a.add_spans("entities", [Span(start=start, end=start + len(name), label="PER",
                                      attrs={"text": name, "name": name, "entity_id": entity_id})])  # fmt: skip
        return a

    fr = article("1", "Sergueï Choïgou est à Kherson.", "Sergueï Choïgou", "Q1")
    en = article("2", "Sergei Shoigu is in Kherson.", "Sergei Shoigu", "Q1")
    assert entity_keys(fr)[0][0] == entity_keys(en)[0][0] == "id:Q1"
    fr_unmerged = article("3", "Sergueï Choïgou est à Kherson.", "Sergueï Choïgou", None)
    assert entity_keys(fr_unmerged)[0][0] == "name:serguei choigou"


def test_content_words_drop_stop_words_and_fold_accents():
    assert content_words("Le ministre de la Défense était à Kherson", "fr") == ["ministre", "defense", "kherson"]


def _stream_vs_batch(handmade, repo_factory):
    articles = [a for a, _ in handmade]
    featurizer = Featurizer(encoder=hashed_encoder)
    streamed_repo = repo_factory()
    streamed = {}
    for i in range(0, len(articles), 4):  # a fresh clusterer per chunk, as separate runs would have
        clusterer = Clusterer(repo=streamed_repo, featurizer=featurizer)
        for a, r in clusterer.add_articles(copy.deepcopy(articles[i : i + 4])):
            streamed[a.id] = r.story_id
        clusterer.save()
    batch_repo = repo_factory()
    results = recluster(copy.deepcopy(articles), repo=batch_repo, featurizer=featurizer)
    batch = {r.article_id: r.story_id for r in results}
    return streamed, batch, streamed_repo, batch_repo


def test_streaming_in_chunks_equals_batch_reclustering(handmade):
    streamed, batch, s_repo, b_repo = _stream_vs_batch(handmade, MemoryRepo)
    assert streamed == batch
    assert len(set(batch.values())) >= 5
    assert s_repo.rows == b_repo.rows  # same profiles, byte for byte
    assert s_repo.df == b_repo.df


def _synthetic(n_days: int, per_day: int) -> list[Article]:
    """Articles of many small stories, each living two days, spread evenly over `n_days`."""
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    out = []
    for i in range(n_days * per_day):
        when = start + timedelta(days=i / per_day)
        topic = i // 4  # four articles a story
        words = " ".join(f"w{topic}x{k}" for k in range(6))
        out.append(Article(id=f"a{i}", source=f"s{i % 5}", lang="en", published=when,
                           title=f"Story {topic}", text=f"{words} common words every article has"))  # fmt: skip
    return out


def test_candidates_and_memory_stay_bounded_by_the_window():
    config = ClusterConfig(window=timedelta(days=1), max_candidates=6, embedding_candidates=3, evict_every=20)
    clusterer = Clusterer(featurizer=Featurizer(encoder=hashed_encoder), config=config)
    live = []
    for i, (_, result) in enumerate(clusterer.add_articles(_synthetic(n_days=20, per_day=40))):
        assert result.candidates <= 6
        if i % 100 == 99:
            live.append(clusterer.live_stories)
    # 40 articles a day, 4 per story: ~10 new stories a day; memory holds at most ~3 windows of them
    assert max(live) <= 40
    assert max(live[5:]) - min(live[5:]) <= 15  # flat, while the archive grows to 200 stories


def test_articles_without_any_date_are_left_unclustered():
    clusterer = Clusterer(featurizer=Featurizer())
    article = Article(id="u", source="x", lang="en", text="No date on this one at all.")
    ((_, result),) = list(clusterer.add_articles([article]))
    assert result.story_id is None and article.story_id is None


def test_streaming_equals_batch_with_eviction_and_late_articles():
    config = ClusterConfig(window=timedelta(days=1), evict_every=25)
    articles = _synthetic(n_days=10, per_day=30)
    # a few articles arrive three days late, after their stories left memory
    late = [a for i, a in enumerate(articles) if i % 37 == 5]
    order = [a for a in articles if a not in late]
    for a in late:
        order.insert(min(len(order), order.index(next(x for x in order if x.published > a.published)) + 270), a)
    featurizer = Featurizer(encoder=hashed_encoder)
    repo = MemoryRepo()
    streamed = {}
    for i in range(0, len(order), 50):
        clusterer = Clusterer(repo=repo, featurizer=featurizer, config=config)
        streamed.update({a.id: r.story_id for a, r in clusterer.add_articles(copy.deepcopy(order[i : i + 50]))})
        clusterer.save()
    batch = recluster(copy.deepcopy(order), repo=MemoryRepo(), featurizer=featurizer, config=config)
    assert streamed == {r.article_id: r.story_id for r in batch}
    # the late articles still found their stories, reloaded from the repo
    for a in late:
        n = int(a.id[1:])
        sibling = f"a{n - 1 if n % 4 else n + 1}"
        assert streamed[a.id] == streamed[sibling], a.id


def test_cross_lingual_article_links_on_a_lower_embedding_cosine_than_a_broad_topic():
    """Across languages only the embedding counts; two reports of one story reach a lower cosine there."""
    import numpy as np

    from newsdesk.stories import HashedDF, ScoreConfig, StoryProfile
    from newsdesk.stories.features import ArticleFeatures
    from newsdesk.stories.profile import ArticleVector, score

    when = datetime(2026, 3, 1, tzinfo=timezone.utc)
    base = np.array([1.0, 0.0, 0.0])

    def feats(key: str, lang: str, cos: float) -> ArticleFeatures:
        vec = np.array([cos, np.sqrt(1 - cos * cos), 0.0])
        return ArticleFeatures(id=key, lang=lang, time=when, source=key, title=key, terms={"x" + key: 1.0},
                               embedding=vec)

    df = HashedDF()
    story = StoryProfile(id="s", first_seen=when, last_seen=when)
    first = ArticleFeatures(id="en", lang="en", time=when, source="a", title="t", terms={"strike": 1.0},
                            embedding=base)
    story.touch(first, when, keep_hours=1)
    story.absorb(ArticleVector(first, df), top_terms=300, top_entities=100)
    config = ScoreConfig()
    same_story = score(ArticleVector(feats("de1", "de", 0.6), df), story, config)
    same_topic = score(ArticleVector(feats("de2", "de", 0.4), df), story, config)
    assert same_story.cross and same_story.terms is None
    assert same_story.passes(config) and not same_topic.passes(config)
    old = ScoreConfig(cross_embedding_floor=0.5, cross_threshold=0.45)
    assert not score(ArticleVector(feats("de1", "de", 0.6), df), story, old).passes(old)


def test_a_short_follow_up_repeating_part_of_a_long_report_scores_higher_with_coverage():
    from newsdesk.stories import HashedDF, ScoreConfig, StoryProfile
    from newsdesk.stories.features import ArticleFeatures
    from newsdesk.stories.profile import ArticleVector, score

    when = datetime(2026, 3, 1, tzinfo=timezone.utc)
    report = {f"w{i}": 1.0 for i in range(60)}  # a long first report
    follow_up = {"w1": 1.0, "w2": 1.0, "w3": 1.0, "w4": 1.0, "new": 1.0}  # four of its words and a new one
    other = {"w1": 1.0, "x1": 1.0, "x2": 1.0, "x3": 1.0, "x4": 1.0}  # another story sharing one word

    def feats(key: str, terms: dict[str, float]) -> ArticleFeatures:
        return ArticleFeatures(id=key, lang="en", time=when, source=key, title=key, terms=terms)

    df = HashedDF()
    story = StoryProfile(id="s", first_seen=when, last_seen=when)
    story.touch(feats("r", report), when, keep_hours=1)
    story.absorb(ArticleVector(feats("r", report), df), top_terms=300, top_entities=100)
    plain, config = ScoreConfig(coverage=0.0, threshold=0.25), ScoreConfig()
    fu_plain = score(ArticleVector(feats("f", follow_up), df), story, plain)
    fu = score(ArticleVector(feats("f", follow_up), df), story, config)
    assert fu_plain.terms < 0.25 and not fu_plain.passes(plain)  # cosine alone: sqrt(4/5 * 4/60) = 0.23
    assert fu.terms > fu_plain.terms and fu.passes(config)
    assert not score(ArticleVector(feats("o", other), df), story, config).passes(config)
