"""Build the near-duplicate gold set: syndication variants of bundleable news articles.

Originals come from ../shared/data/corpora (English Wikinews SemEval-2015 timelines with their four
same-topic sets, French Wikinews, Global Voices: all CC BY, attribution kept per record). Each
picked original gets copies as republishing sites make them: an outlet's header and footer
boilerplate, trimmed closing paragraphs, a rewritten headline, small edits (words changed,
a sentence dropped, numbers reformatted), truncation with a "read more" tail, and mixes of these.
Originals that get no copy, and the other articles of the same topic set, are the hard negatives.

Templated series are negatives too: same template, other facts. Real ones are the French Wikinews
series (Tour de France 2016 stage reports, Eurovision semi-finals and results, Six Nations rounds,
sled-dog race results, the Rio opening and closing ceremonies); made ones are the next day's report
written from each stock-market article of the English timelines (numbers, weekdays and up/down
verbs changed, as a daily market report is) and sports-results-like instalments of French Wikinews
articles (annotated person and organisation names swapped for others of the corpus, numbers changed).

    python bench/make_neardup_gold.py            # writes bench/data/neardup_gold.jsonl

The output is deterministic (fixed seed). Gold: records with the same `group` are copies of one
another; `group` is the id of the original the copies were made from.
"""

from __future__ import annotations

import json
import random
import re
from datetime import datetime, timedelta
from pathlib import Path

from _shared import shared_data

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "data" / "neardup_gold.jsonl"
SEED = 20261128

OUTLETS = {
    "en": [
        ("Daily Ledger", "By Staff Reporter | Updated {date}\nShare on Facebook | Share on X | Email",
         "Copyright {year} Daily Ledger. All rights reserved. This material may not be published, broadcast, "
         "rewritten or redistributed.\nSign up for our morning newsletter and never miss a story.\n"
         "Related: Markets close higher | Weather: rain expected this weekend"),
        ("Metro Wire", "METRO WIRE NEWS SERVICE\nPosted {date}",
         "Have a news tip? Contact our newsroom at any time.\nMost read: Local council approves budget; "
         "School reopens after storm; Five things to do this weekend.\nAdvertisement"),
        ("The Courier Online", "Home > World > News\n{date}",
         "Comments are closed for this article.\nSubscribe for unlimited access to The Courier Online, "
         "starting at one dollar for the first month. Cancel at any time."),
    ],
    "fr": [
        ("Le Quotidien du Soir", "Par la rédaction | Publié le {date}\nPartager sur Facebook | Partager sur X",
         "© {year} Le Quotidien du Soir. Tous droits réservés. Reproduction interdite sans autorisation.\n"
         "Inscrivez-vous à notre lettre d'information pour recevoir l'essentiel de l'actualité chaque matin."),
        ("Actu Express", "ACTU EXPRESS — {date}",
         "À lire aussi : Les prix de l'énergie en hausse ; Météo : un week-end pluvieux en vue.\n"
         "Vous avez une information à nous transmettre ? Écrivez à notre rédaction.\nPublicité"),
    ],
}
READ_MORE = {"en": "… Read the full story on our website.", "fr": "… Lire la suite sur notre site."}
HEADLINE_PREFIX = {"en": ["UPDATE: ", "BREAKING: ", "Report: "], "fr": ["DIRECT. ", "INFO. ", "Actualité : "]}
SWAPS = {
    "en": [("said", "stated"), ("announced", "revealed"), ("company", "firm"), ("people", "persons"),
           ("also", "additionally"), ("however", "but"), ("about", "around"), ("large", "big")],
    "fr": [("a déclaré", "a affirmé"), ("entreprise", "société"), ("personnes", "individus"),
           ("également", "aussi"), ("cependant", "toutefois"), ("environ", "près de"), ("grand", "important")],
}


def load(name: str) -> list[dict]:
    with (shared_data() / "corpora" / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def paragraphs(text: str) -> list[str]:
    sep = "\n\n" if "\n\n" in text else "\n"
    return [p for p in text.split(sep) if p.strip()]


def join(paras: list[str], like: str) -> str:
    return ("\n\n" if "\n\n" in like else "\n").join(paras)


def add_boilerplate(rng: random.Random, text: str, lang: str, when: datetime) -> tuple[str, str]:
    outlet, head, foot = rng.choice(OUTLETS[lang])
    stamp = when.strftime("%d/%m/%Y %H:%M")
    return f"{head.format(date=stamp)}\n\n{text}\n\n{foot.format(year=when.year)}", outlet


def trim(rng: random.Random, text: str) -> str:
    paras = paragraphs(text)
    keep = max(2, int(len(paras) * rng.uniform(0.6, 0.85)))
    return join(paras[:keep], text)


def truncate(rng: random.Random, text: str, lang: str) -> str:
    cut = int(len(text) * rng.uniform(0.45, 0.7))
    cut = text.rfind(" ", 0, cut)
    return text[:cut].rstrip() + " " + READ_MORE[lang]


def rewrite_headline(rng: random.Random, text: str, title: str, lang: str) -> str:
    if title and text.startswith(title):
        words = title.split()
        if len(words) > 4:
            i = rng.randrange(1, len(words) - 1)
            words = words[:i] + words[i + 1 :]
        return rng.choice(HEADLINE_PREFIX[lang]) + " ".join(words) + text[len(title) :]
    return rng.choice(HEADLINE_PREFIX[lang]) + text


def small_edits(rng: random.Random, text: str, lang: str) -> str:
    for old, new in rng.sample(SWAPS[lang], 3):
        text = text.replace(f" {old} ", f" {new} ", 1)
    sentences = re.split(r"(?<=[.!?])\s+", text)
    if len(sentences) > 6:
        del sentences[rng.randrange(2, len(sentences) - 1)]
        text = " ".join(sentences) if "\n" not in text else _drop_line(rng, text)
    return re.sub(r"(\d),(\d{3})", r"\1 \2", text) if lang == "fr" else re.sub(r"(\d) (\d{3})", r"\1,\2", text)


def _drop_line(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    candidates = [i for i in range(2, len(lines) - 1) if lines[i].strip()]
    if candidates:
        del lines[rng.choice(candidates)]
    return "\n".join(lines)


VARIANTS = [
    ("boilerplate",),
    ("boilerplate", "headline"),
    ("trim", "boilerplate"),
    ("edits",),
    ("edits", "headline", "boilerplate"),
    ("truncate",),
    ("truncate", "boilerplate"),
    ("trim", "edits", "boilerplate"),
]


def make_copy(rng: random.Random, orig: dict, ops: tuple[str, ...], when: datetime) -> dict:
    text, lang, outlet = orig["text"], orig["lang"], None
    for op in ops:
        if op == "trim":
            text = trim(rng, text)
        elif op == "truncate":
            text = truncate(rng, text, lang)
        elif op == "headline":
            text = rewrite_headline(rng, text, orig["title"], lang)
        elif op == "edits":
            text = small_edits(rng, text, lang)
    if "boilerplate" in ops:
        text, outlet = add_boilerplate(rng, text, lang, when)
    return {"text": text, "outlet": outlet}


SERIES = ("Tour de France 2016 :", "Concours Eurovision de la chanson 2016 :",
          "Concours Eurovision de la chanson 2017 :", "Tournoi des 6 Nations 2017 :",
          "Jeux olympiques de Rio 2016 : la cérémonie", "Copper Basin 300 :", "Kuskokwim 300 :")
"""Title prefixes of the real templated series of French Wikinews (the two sled-dog races share one template)."""
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
FLIPS = {"fell": "rose", "rose": "fell", "fallen": "risen", "risen": "fallen", "down": "up", "up": "down",
         "lower": "higher", "higher": "lower", "dropped": "gained", "gained": "dropped", "lost": "gained",
         "falls": "rises", "rises": "falls", "fall": "rise", "rise": "fall"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def other_number(rng: random.Random, match: re.Match) -> str:
    """Another value of the same shape (years kept: a daily report keeps its year)."""
    text = match.group()
    if re.fullmatch(r"(19|20)\d\d", text):
        return text
    digits = re.sub(r"\D", "", text)
    value = int(digits) or 1
    new = str(max(1, int(value * rng.uniform(0.6, 1.4)) + rng.choice([-1, 1])))
    new = new.zfill(len(digits))[-len(digits):] if len(new) > len(digits) else new.zfill(len(digits))
    if len(text) > len(digits):  # put the separator back at its place from the right
        sep_at = len(text) - next(i for i, c in enumerate(reversed(text)) if not c.isdigit()) - 1
        cut = len(new) - (len(text) - sep_at - 1)
        new = new[:cut] + text[sep_at] + new[cut:]
    return new


def market_report_next_day(rng: random.Random, rec: dict) -> str:
    """The next day's report from the same template: other numbers, weekday, direction of the moves."""
    text = _NUMBER.sub(lambda m: other_number(rng, m), rec["text"])
    text = re.sub(r"\b(" + "|".join(WEEKDAYS) + r")\b",
                  lambda m: WEEKDAYS[(WEEKDAYS.index(m.group()) + 1) % 5], text)
    return re.sub(r"\b(" + "|".join(FLIPS) + r")\b", lambda m: FLIPS[m.group()] if rng.random() < 0.7 else m.group(),
                  text)


def swapped_instalment(rng: random.Random, rec: dict, pool: dict[str, list[str]]) -> str:
    """Same text with most annotated person and organisation names replaced, and numbers changed."""
    text, out, last = rec["text"], [], 0
    for ent in sorted(rec["entities"], key=lambda e: (e["start"], -e["end"])):
        if ent["start"] < last or ent["label"] not in pool or rng.random() > 0.8:
            continue
        out += [text[last : ent["start"]], rng.choice(pool[ent["label"]])]
        last = ent["end"]
    text = "".join(out) + text[last:]
    return _NUMBER.sub(lambda m: other_number(rng, m), text)


def templated(fr: list[dict], timelines: list[dict], known: set[str]) -> tuple[list[dict], dict[str, str]]:
    """Negatives from templates: real series members not yet in the gold, and made next instalments.

    Returns the records to add and the series label of every real series member (also those already in).
    """
    rng = random.Random(SEED + 1)
    records, label_of = [], {}
    for rec in fr:
        prefix = next((p for p in SERIES if rec["title"].startswith(p)), None)
        if prefix is None:
            continue
        label = "series:sled-dog race results" if "300 :" in prefix else "series:" + prefix.rstrip(" :")
        label_of[rec["id"]] = label
        if rec["id"] not in known:
            records.append(_record(rec, datetime.fromisoformat(rec["published"][:10]) + timedelta(hours=8), label))
    for rec in timelines:
        if rec["topic_set"] != "corpus_3":
            continue
        when = datetime.fromisoformat(rec["published"][:10]) + timedelta(days=1, hours=8)
        records.append(_record(rec, when, "template:market report", text=market_report_next_day(rng, rec),
                               id=rec["id"] + "~next"))
    pool: dict[str, list[str]] = {"Person": [], "Organization": []}
    for rec in fr:
        for ent in rec["entities"]:
            if ent["label"] in pool and len(ent["text"]) > 2:
                pool[ent["label"]].append(ent["text"])
    picked = [r for r in fr if r["id"] not in label_of and sum(e["label"] in pool for e in r["entities"]) >= 8]
    for rec in rng.sample(picked, 30):
        when = datetime.fromisoformat(rec["published"][:10]) + timedelta(days=2, hours=8)
        if rec["id"] not in known:
            records.append(_record(rec, when - timedelta(days=2), "template:names swapped (source)"))
        records.append(_record(rec, when, "template:names swapped", text=swapped_instalment(rng, rec, pool),
                               id=rec["id"] + "~next"))
    return records, label_of


def _record(rec: dict, when: datetime, topic: str, *, text: str | None = None, id: str | None = None) -> dict:
    key = id or rec["id"]
    return {
        "id": key, "group": key, "lang": rec["lang"], "published": when.isoformat(), "title": rec["title"],
        "text": text or rec["text"], "variant": "template" if id else "original", "topic_set": topic,
        "template_of": rec["id"] if id else None, "source_url": rec["url"], "license": rec["license"],
        "attribution": rec["attribution"],
    }


def main() -> None:
    rng = random.Random(SEED)
    timelines = load("wikinews-en-timelines.jsonl")
    fr = [r for r in load("wikinews-fr.jsonl") if len(r["text"].split()) >= 120]
    gv = [r for r in load("globalvoices-en.jsonl") if len(r["text"].split()) >= 150]
    originals = timelines + rng.sample(fr, 70) + rng.sample(gv, 40)
    with_copies = set(rng.sample([o["id"] for o in originals], 110))
    out = []
    for orig in originals:
        when = datetime.fromisoformat(orig["published"][:10]) + timedelta(hours=8)
        base = {
            "id": orig["id"], "group": orig["id"], "lang": orig["lang"], "published": when.isoformat(),
            "title": orig["title"], "text": orig["text"], "variant": "original", "topic_set": orig.get("topic_set"),
            "source_url": orig["url"], "license": orig["license"], "attribution": orig["attribution"],
        }
        out.append(base)
        if orig["id"] not in with_copies:
            continue
        for k, ops in enumerate(rng.sample(VARIANTS, 3)):
            later = when + timedelta(hours=rng.randint(2, 72))
            copy = make_copy(rng, orig, ops, later)
            out.append({**base, "id": f"{orig['id']}~copy{k}", "published": later.isoformat(), "text": copy["text"],
                        "variant": "+".join(ops), "outlet": copy["outlet"]})
    extra, label_of = templated(load("wikinews-fr.jsonl"), timelines, {r["id"] for r in out})
    for rec in out:
        rec["topic_set"] = label_of.get(rec["id"], rec["topic_set"])
    out += extra
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n_copies = sum(r["variant"] not in ("original", "template") for r in out)
    n_templated = sum(r["variant"] == "template" for r in out)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(out) - n_copies - n_templated} originals, {n_copies} copies, "
          f"{n_templated} made template instalments, {len(label_of)} real series members")


if __name__ == "__main__":
    main()
