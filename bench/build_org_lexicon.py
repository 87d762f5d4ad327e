"""Build lexicons/orgs/intl.tsv, the language-independent organisation gazetteer, from the CAMEO
international actors dictionary (Phoenix.International.actors.txt, petrarch2, MIT).

The dictionary lists intergovernmental organisations, NGOs and companies, but also the people
who led them (with date ranges) and role phrases ("UN_SECRETARY_GENERAL"). Kept: companies
(MNC codes), and IGO/NGO names without dates that contain an organisation word or are one word
long; dropped: every entry with a dated code, role phrases and person-like entries. Names are
written in title case (the dictionary is upper case); legal suffixes ("Inc", "Corp") give a
second, short form.

    python bench/build_org_lexicon.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsdesk" / "lexicons" / "orgs"
SOURCE = "events/cameo_dictionaries/Phoenix.International.actors.txt"
LICENCE = "events/LICENSE-petrarch2-MIT.txt"

ORG_WORDS = set(
    [
        "ORGANIZATION",
        "ORGANISATION",
        "FUND",
        "BANK",
        "COUNCIL",
        "COMMISSION",
        "UNION",
        "AGENCY",
        "ASSOCIATION",
        "FOUNDATION",
        "INSTITUTE",
        "COMMITTEE",
        "PROGRAM",
        "PROGRAMME",
        "FEDERATION",
        "LEAGUE",
        "SOCIETY",
        "NETWORK",
        "CENTER",
        "CENTRE",
        "WATCH",
        "FORUM",
        "COURT",
        "PARLIAMENT",
        "ALLIANCE",
        "MOVEMENT",
        "PARTY",
        "FRONT",
        "ARMY",
        "BRIGADE",
        "BRIGADES",
        "CROSS",
        "CRESCENT",
        "TRIBUNAL",
        "OFFICE",
        "AUTHORITY",
        "BOARD",
        "COMMUNITY",
        "CORPS",
        "MISSION",
        "PARTNERSHIP",
        "COALITION",
        "CAMPAIGN",
        "CLUB",
        "TRUST",
        "SECRETARIAT",
        "CONFERENCE",
        "ACADEMY",
        "UNIVERSITY",
        "COMPANY",
        "GROUP",
        "COOPERATION",
        "CONGRESS",
        "BUREAU",
        "SERVICE",
        "SERVICES",
        "COUNCIL",
        "INITIATIVE",
        "COMMUNITIES",
        "ORGANIZATIONS",
    "INTERNATIONAL",
    ]
)
ROLE_WORDS = set(
    [
        "PRESIDENT",
        "SECRETARY",
        "CHIEF",
        "DIRECTOR",
        "MINISTER",
        "SPOKESMAN",
        "SPOKESWOMAN",
        "SPOKESPERSON",
        "OFFICIAL",
        "OFFICIALS",
        "HEAD",
        "CHAIRMAN",
        "CHAIRWOMAN",
        "ENVOY",
        "COMMISSIONER",
        "REPRESENTATIVE",
        "DELEGATION",
        "DELEGATE",
        "MEMBER",
        "MEMBERS",
        "STAFF",
        "GENERAL",
        "INSPECTOR",
        "INSPECTORS",
        "OBSERVER",
        "OBSERVERS",
        "TROOPS",
        "FORCES",
        "PEACEKEEPERS",
        "WORKER",
        "WORKERS",
        "SOLDIERS",
        "AMBASSADOR",
        "LEADER",
        "LEADERS",
        "EXECUTIVE",
        "CEO",
        "SECY",
        "SEC.",
        "GEN",
        "MONITORS",
        "EXPERTS",
        "TEAM",
    ]
)
LEGAL_SUFFIXES = {
    "INC",
    "INC.",
    "CORP",
    "CORP.",
    "CORPORATION",
    "LTD",
    "LTD.",
    "LIMITED",
    "PLC",
    "CO",
    "CO.",
    "S.A.",
    "SA",
    "AG",
    "N.V.",
    "NV",
    "L.P.",
    "LP",
    "LLC",
    "HOLDINGS",
    "HOLDING",
    "COMPANY",
    "GROUP",
    "INCORPORATED",
    "THE",
}
SMALL = {"of", "the", "and", "for", "in", "on", "at", "de", "du", "des", "la", "le", "et", "to", "&"}


def entries(lines: list[str]) -> list[tuple[list[str], list[str], str]]:
    """(names, codes, comment) for each dictionary entry: a name line, its "+" synonyms and code lines."""
    out: list[tuple[list[str], list[str], str]] = []
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        body, _, comment = line.partition("#")
        codes = re.findall(r"\[([^\]]*)\]", body)
        name = re.split(r"[\t\[]", body, maxsplit=1)[0].strip()
        if line[0] in " \t":  # a code line of the current entry
            if out:
                out[-1][1].extend(codes)
                out[-1] = (out[-1][0], out[-1][1], out[-1][2] + comment)
        elif line.startswith("+") and out:
            out[-1][0].append(name[1:])
            out[-1][1].extend(codes)
        else:
            out.append(([name], codes, comment))
    return out


def title(word: str) -> str:
    """Title case for one upper-case dictionary word ("COCA-COLA" → "Coca-Cola", "OF" → "of", "UN" → "UN")."""
    if word.lower() in SMALL:
        return word.lower()
    letters = [c for c in word if c.isalpha()]
    if len(letters) <= 3 or not any(c in "AEIOUY" for c in letters):
        return word  # an acronym ("UN", "KPMG") keeps its capitals
    return "-".join(p[:1] + p[1:].lower() for p in word.split("-"))


def forms(name: str, *, company: bool) -> list[str]:
    """Written forms of one dictionary name (underscores are spaces; an acronym in brackets is its own form)."""
    out = []
    acronym = re.search(r"\(([A-Z][A-Z0-9&.-]{1,9})\)", name)
    if acronym:
        out.append(acronym.group(1))
        name = name[: acronym.start()]
    words = [w for w in name.replace("_", " ").split() if w]
    if not words or any(w in ROLE_WORDS for w in words):
        return out
    if words[0] == "THE":
        words = words[1:]
    if not company and len(words) > 1 and not any(w in ORG_WORDS for w in words):
        return out  # most likely a person ("ABRAHAM_ABRAHAM")
    out.append(" ".join(title(w) for w in words))
    short = list(words)
    while company and len(short) > 1 and short[-1] in LEGAL_SUFFIXES:
        short.pop()
    if short != words:
        out.append(" ".join(title(w) for w in short))
    return out


def build(data: Path) -> list[str]:
    lines = (data / SOURCE).read_text(encoding="utf-8").splitlines()
    names: dict[str, str] = {}
    for group, codes, comment in entries(lines):
        if not codes or any(re.search(r"\d{6}|[<>]\d", c) for c in codes) or "rulers" in comment.lower():
            continue  # dated codes belong to people in office
        kinds = {c.strip()[:3] for c in codes}
        if not kinds <= {"MNC", "NGO", "IGO"}:
            continue
        company = kinds == {"MNC"}
        for name in group:
            for form in forms(name, company=company):
                if sum(c.isalpha() for c in form) >= 2:
                    names.setdefault(form.casefold(), form)
    return sorted(names.values(), key=str.casefold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    if not args.data.exists():
        args.data = Path("/work/shared/data")
    names = build(args.data)
    header = [
        "# Organisations known across languages (IGOs, NGOs, companies), one name per line, derived by",
        "# bench/build_org_lexicon.py from the CAMEO international actors dictionary",
        "# (Phoenix.International.actors.txt, openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf).",
        "# Computational Event Data System Project / Open Event Data Alliance, MIT licence:",
        "# see LICENSE-petrarch2-MIT.txt in this folder. Names are re-cased from the upper-case source.",
    ]
    (OUT / "intl.tsv").write_text("\n".join(header + names) + "\n", encoding="utf-8")
    shutil.copyfile(args.data / LICENCE, OUT / "LICENSE-petrarch2-MIT.txt")
    print(f"{len(names)} names -> {OUT / 'intl.tsv'}")


if __name__ == "__main__":
    main()
