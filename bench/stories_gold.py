"""Builds the story-clustering gold set from the development corpora (read in place, nothing bundled).

Real articles are the seeds; each seed becomes a story, to which 0-5 generated articles are added:
- rewrite: another outlet's version the same day (new headline from the lead, 50-80% of the
  sentences kept in order, one pair swapped, outlet boilerplate added);
- brief: a short version a few hours later (headline + lead + one sentence);
- follow-up: one to two and a half days later, a new lead sentence from a small set of generic
  templates plus two or three background sentences of the original, headline from the background;
- copy: the seed verbatim plus boilerplate, with `duplicate_of` set as the dedup step would.
All seeds are moved into one 14-day period so that each 3-day window holds ~100 competing
stories; seeds of the same topic (the SemEval-2015 topic sets, Wikinews articles about French
politics) are natural hard negatives. Generation is deterministic (seeded).

What this measures: whether the clusterer groups rewrites, briefs and follow-ups of one event
while keeping hundreds of other real articles apart. It does not measure independent coverage by
outlets that share no sentence, nor translations (no machine translation is available offline);
the hand-written English/French set in tests/stories covers those on a small scale.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from newsdesk.article import Article

ROOT = Path(__file__).resolve().parents[1]


def shared_data() -> Path:
    """`shared/data` next to the repository (or next to the folder holding its worktree)."""
    for path in (ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data"):
        if path.is_dir():
            return path
    raise SystemExit(f"development data (shared/data) not found next to {ROOT}")

START = datetime(2026, 1, 5, tzinfo=timezone.utc)
DAYS = 14

_SENT = re.compile(r"(?<=[.!?»\"])\s+(?=[A-ZÀ-ÖØ-Þ\"«])")
_DATE_LINE = re.compile(r"\d{4}|^\W*$")

BOILERPLATE = {
    "en": ["Subscribe to our newsletter for the latest headlines.", "Follow us for live updates.",
           "This article was updated with more details.", "Sign up for breaking news alerts."],
    "fr": ["Abonnez-vous à notre lettre d'information.", "Suivez notre direct pour les dernières informations.",
           "Cet article a été mis à jour.", "Retrouvez toute l'actualité sur notre application."],
}  # fmt: skip
FOLLOW_UP = {
    "en": ["New details emerged on {day} about the events reported earlier this week.",
           "Officials gave an update on {day}, a day after the news first broke.",
           "Reactions continued to come in on {day}.",
           "Here is what we know so far, as the situation developed on {day}."],
    "fr": ["De nouveaux éléments sont apparus {day} sur les faits rapportés en début de semaine.",
           "Les autorités ont fait le point {day}, au lendemain de l'annonce.",
           "Les réactions se sont multipliées {day}.",
           "Voici ce que l'on sait, alors que la situation évoluait encore {day}."],
}  # fmt: skip
DAY_NAMES = {
    "en": ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
}
OUTLETS = [f"outlet-{i:02d}" for i in range(40)]


@dataclass(slots=True)
class GoldArticle:
    article: Article
    story: str
    kind: str  # seed, rewrite, brief, followup, copy
    topic: str  # corpus topic set or corpus name


def _sentences(text: str, title: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and lines[0].strip() == title.strip():
        lines = lines[1:]
    body = [line for line in lines if not (len(line) < 45 and _DATE_LINE.search(line))]
    out = []
    for line in body:
        out.extend(s.strip() for s in _SENT.split(line) if len(s.strip()) > 20)
    return out


def _read(name: str) -> list[dict]:
    with (shared_data() / "corpora" / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def seeds(rng: random.Random) -> list[dict]:
    """The real articles used as story seeds, with their topic label."""
    out = []
    for row in _read("wikinews-en-timelines.jsonl"):
        out.append(row | {"topic": f"timelines:{row['topic_set_name']}"})
    for row in _read("wikinews-en-gum.jsonl"):
        out.append(row | {"topic": "gum"})
    fr = _read("wikinews-fr.jsonl")
    out.extend(row | {"topic": "wikinews-fr"} for row in rng.sample(fr, 250))
    gv = [r for r in _read("globalvoices-en.jsonl") if len(r["text"]) > 800 and r["title"]]
    out.extend(row | {"topic": "globalvoices"} for row in rng.sample(gv, 60))
    return out


def build(seed: int = 7) -> list[GoldArticle]:
    """The gold set, sorted by time."""
    rng = random.Random(seed)
    out: list[GoldArticle] = []
    for n, row in enumerate(seeds(rng)):
        lang = row["lang"]
        title = row["title"].strip()
        sentences = _sentences(row["text"], title)
        when = START + timedelta(seconds=rng.randrange(DAYS * 86400))
        story = f"g{n:04d}"
        sid = f"{story}-seed"
        base = Article(id=sid, source=rng.choice(OUTLETS), lang=lang, title=title, text=row["text"], published=when)
        out.append(GoldArticle(article=base, story=story, kind="seed", topic=row["topic"]))
        if len(sentences) < 4:
            continue
        k = rng.choices([0, 1, 2, 3, 4, 5], weights=[30, 20, 20, 15, 10, 5])[0]
        for j in range(k):
            kind = rng.choice(["rewrite", "brief", "followup", "followup", "copy"])
            out.append(_derive(rng, kind, base, sentences, story, j, row["topic"]))
    out.sort(key=lambda g: (g.article.published, g.article.id))
    return out


def _derive(
    rng: random.Random, kind: str, base: Article, sentences: list[str], story: str, j: int, topic: str
) -> GoldArticle:
    lang = base.lang or "en"
    lead, rest = sentences[0], sentences[1:]
    source = rng.choice(OUTLETS)
    aid = f"{story}-{kind}-{j}"
    boiler = rng.choice(BOILERPLATE[lang])
    if kind == "copy":
        art = Article(id=aid, source=source, lang=lang, title=base.title, text=base.text + "\n" + boiler,
                      published=base.published + timedelta(minutes=rng.randrange(10, 300)), duplicate_of=base.id)
        return GoldArticle(article=art, story=story, kind=kind, topic=topic)  # fmt: skip
    if kind == "rewrite":
        keep = sorted(rng.sample(range(len(rest)), max(1, round(len(rest) * rng.uniform(0.5, 0.8)))))
        body = [rest[i] for i in keep]
        if len(body) > 2:
            i = rng.randrange(len(body) - 1)
            body[i], body[i + 1] = body[i + 1], body[i]
        title = " ".join(lead.split()[:12]).rstrip(",.;:")
        text = " ".join([lead, *body, boiler])
        when = base.published + timedelta(minutes=rng.randrange(30, 600))
    elif kind == "brief":
        title = base.title
        text = " ".join([lead, rng.choice(rest)])
        when = base.published + timedelta(minutes=rng.randrange(30, 360))
    else:
        when = base.published + timedelta(minutes=rng.randrange(18 * 60, 60 * 60))
        day = DAY_NAMES[lang][when.weekday()]
        opener = rng.choice(FOLLOW_UP[lang]).format(day=day)
        background = rng.sample(rest, min(len(rest), rng.randrange(2, 4)))
        title = " ".join(background[0].split()[:10]).rstrip(",.;:")
        text = " ".join([opener, *background, boiler])
    art = Article(id=aid, source=source, lang=lang, title=title, text=text, published=when)
    return GoldArticle(article=art, story=story, kind=kind, topic=topic)
