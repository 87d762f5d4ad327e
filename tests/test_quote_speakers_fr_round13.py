"""French speakers of round 13: a relative clause after "selon X," ("selon la police, qui précise que"), an
opinion phrase naming a person and their body ("pour Marie Roux du syndicat FAGE, « … »"), a communiqué of
an institution ("un communiqué de l'armée kurde"), and an acronym glossed in square brackets ("le PNF
[parquet national financier]")."""

from __future__ import annotations

import pytest

from quote_helpers import production_speakers

pytestmark = pytest.mark.slow


def test_relative_after_selon_speaks_for_the_source(nlp_fr) -> None:
    text = (
        "Un camion a percuté la foule. Il ne s'agirait pas d'un acte terroriste selon la police, qui précise "
        "que « le conducteur était connu pour des violences » ."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["police", "police"]


def test_relative_after_selon_a_named_person(nlp_fr) -> None:
    text = "Le bilan s'est alourdi selon Marie Dupont, qui a ajouté que « onze blessés sont dans un état grave » ."
    assert production_speakers(text, nlp_fr, "fr")[-1] == "Marie Dupont"


def test_relative_after_selon_one_of_the_judges_names_nobody(nlp_fr) -> None:
    text = (
        "Le procès s'est tenu à Lyon. Cela ne change rien, selon l'une des juges du Tribunal, qui précise que "
        "« les témoignages n'ont pas été infirmés » ."
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] is None


def test_opinion_of_a_person_of_a_body(nlp_fr) -> None:
    text = (
        "Les universités manquent de places. En effet, pour Marie Dubois du syndicat étudiant FAGE, « le "
        "baby-boom ne nous est pas tombé dessus. On connaît ces chiffres » ."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Marie Dubois"]


def test_communique_of_an_institution_speaks_for_it(nlp_fr) -> None:
    text = (
        "Les combats ont repris. « Nous appelons tous les citoyens à résister aux assaillants », a déclaré un "
        "communiqué de l'armée kurde."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["armée kurde"]


def test_report_of_an_unnamed_bank_names_nobody(nlp_fr) -> None:
    text = "Selon le rapport de la banque, « la croissance ralentira en 2018 » ."
    assert production_speakers(text, nlp_fr, "fr") == [None]


def test_acronym_glossed_in_brackets_is_named_in_full(nlp_fr) -> None:
    text = (
        "Le député a souhaité « que le PNF [parquet national financier] se saisisse rapidement » du dossier. "
        "Mercredi, le PNF a indiqué à l'AFP que « le dossier est à l'étude » ."
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] == "parquet national financier"


def test_complement_pronoun_after_the_verb_is_not_the_speaker(nlp_fr) -> None:
    text = (
        "Adrien Duvillard est mort samedi. « Il aimait raconter qu'il avait su mettre à profit les conditions de "
        "neige difficiles » , a dit de lui la municipalité de Megève."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["municipalité de Megève"]


def test_pope_known_by_one_name_is_not_completed_from_another_person(nlp_fr) -> None:
    text = "François Hollande a condamné l'attentat. Le pape François « s'associe à la douleur et à l'horreur » ."
    assert production_speakers(text, nlp_fr, "fr") == ["François"]


def test_sovereign_keeps_the_regnal_number_of_the_article(nlp_fr) -> None:
    text = (
        "La reine Élisabeth II a reçu Marie Roux. La reine Élisabeth a déclaré que « le pays traverse une "
        "épreuve » ."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Élisabeth II"]


def test_capitalised_minister_without_a_name_names_nobody(nlp_fr) -> None:
    text = (
        "Un policier a été blessé au cou. Le Ministre de l'Intérieur a déclaré : « On s'aperçoit qu'on est passé "
        "à un terrorisme où n'importe quel outil peut servir. »"
    )
    assert production_speakers(text, nlp_fr, "fr") == [None]


def test_capitalised_minister_is_the_minister_named_before(nlp_fr) -> None:
    text = (
        "Le ministre de l'Intérieur Gérard Colin s'est rendu sur place. Un policier a été blessé au cou. Le "
        "Ministre de l'Intérieur a déclaré : « On s'aperçoit qu'on est passé à un terrorisme où n'importe quel "
        "outil peut servir. »"
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Gérard Colin"]


def test_dash_aside_after_a_long_role_and_its_name(nlp_fr) -> None:
    text = (
        "Le ministre des Postes, des Technologies de l'information, de la Communication et des Médias Jean "
        "Ndayizeye — par ailleurs ancien directeur de la télévision nationale — a annoncé que le réseau est "
        "installé à 90 %."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Jean Ndayizeye"]


def test_name_closing_a_role_complement_cut_by_the_parse(nlp_fr) -> None:
    text = (
        "À l'occasion du 32 e anniversaire de la télévision nationale (créée en 1984), le ministre des Postes, "
        "des Technologies de l'information, de la Communication et des Médias Jean Ndayizeye — par ailleurs "
        "ancien directeur de la télévision nationale entre 2013 à 2015 — a annoncé que le réseau est d'ores et "
        "déjà installé à plus de 90 %."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Jean Ndayizeye"]


def test_passive_agent_before_a_colon_speaks(nlp_fr) -> None:
    text = (
        "Le projet a été présenté mardi par la ministre Anne Morel : « Nous voulons des villes plus vertes et "
        "plus sûres pour tous. »"
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Anne Morel"]


def test_organisation_named_in_full_before_its_acronym(nlp_fr) -> None:
    text = (
        "Le président Paul Roux a réagi. La nouvelle est accueillie avec soulagement par l' Union américaine pour "
        "les libertés civiles (ACLU) : « Les tentatives chaotiques du gouvernement ont eu un impact terrible. »"
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] == "Union américaine pour les libertés civiles"


def test_participle_after_an_incise_speaks_for_the_incise_not_the_quote(nlp_fr) -> None:
    text = (
        "Pour Marc Durand , candidat du Parti ouvrier , l'absence de représentativité constitue le problème "
        "principal. « Les parlementaires sont pour 3% des ouvriers » , déplore-t-il, estimant que chaque député "
        "devrait toucher « une seule rémunération » ."
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] == "Marc Durand"


def test_name_with_apposed_participle_role_speaks(nlp_fr) -> None:
    text = (
        "Le gouvernement publie un communiqué. Le 3 avril, Dimitri Peskov , attaché de presse du gouvernement "
        "russe, annonce que le ministère s'emploie à « vérifier les informations » ."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Dimitri Peskov"]


def test_title_before_a_name_and_its_apposition(nlp_fr) -> None:
    text = (
        "Le mois dernier, Sheik Saif Al Thani, directeur du bureau des communications du gouvernement du Qatar, "
        "a déclaré au CNN que les lois étaient en cours de révision."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Saif Al Thani"]


def test_research_conducted_by_an_organisation_speaks_for_it(nlp_fr) -> None:
    text = (
        "Selon les recherches menées par l'organisation Human Rights Watch basée à New York, les travailleurs "
        "devaient travailler dans un climat extrême."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Human Rights Watch"]


def test_unattributed_research_is_data_not_a_quote(nlp_fr) -> None:
    text = "Selon des recherches récentes, les abeilles disparaissent plus vite que prévu."
    assert production_speakers(text, nlp_fr, "fr") == []  # research nobody carries out is data


def test_suspect_is_the_person_named_as_the_suspect(nlp_fr) -> None:
    text = (
        "Le suspect Hubert Roux a été interpellé lundi. Le suspect avait confié aux enquêteurs qu'il n'avait pas vu "
        "la famille depuis longtemps."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Hubert Roux"]


def test_unnamed_gunman_names_nobody(nlp_fr) -> None:
    text = "Un homme a ouvert le feu dans un bar. Le tireur aurait crié « Vive la révolution ! » avant de se rendre."
    assert production_speakers(text, nlp_fr, "fr") == [None]


@pytest.mark.parametrize(
    ("intro", "speaker"),
    [
        ("Selon ce que rapportent des médias belges", "médias belges"),
        ("Selon ce qu'a déclaré le procureur Jean Roux", "Jean Roux"),
        ("D'après ce qu'affirme la police", "police"),
        ("Selon ce que l'on sait", None),
    ],
)
def test_selon_ce_que_gives_the_subject_of_the_relative(nlp_fr, intro: str, speaker: str | None) -> None:
    text = f"Le suspect a été arrêté jeudi. {intro}, le suspect était endormi au volant de sa voiture."
    assert production_speakers(text, nlp_fr, "fr") == [speaker]


def test_apposed_participle_is_not_part_of_the_role(nlp_fr) -> None:
    text = (
        "Le président Paul Roux ainsi que l'archevêque de Lyon Pierre Martin , ordinaire du lieu a annoncé son "
        "retour. L'imam de la ville, Ali Benkir, est « effaré par le décès de [son] ami. » L'archevêque de Lyon, "
        "invité à l'Élysée, a déclaré que « tout le monde doit prier » ."
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] == "Pierre Martin"


def test_role_and_party_acronym_is_the_role_holder(nlp_fr) -> None:
    text = (
        "Le maire de Nice Christian Estrosi a réagi sur Twitter. Le maire LR a dénoncé « un acte de barbarie » ."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Christian Estrosi"]


def test_role_and_party_acronym_without_holder_names_nobody(nlp_fr) -> None:
    text = "Le vote a eu lieu mardi. La députée PS a dénoncé « un texte injuste » ."
    assert production_speakers(text, nlp_fr, "fr") == [None]


@pytest.mark.parametrize(
    ("description", "speaker"),
    [
        ("Le chef de l'État", "Emmanuel Macron"),
        ("Le président", "Emmanuel Macron"),
        ("L'ancien chef de l'État", "Nicolas Sarkozy"),
        ("L'ancien président", "Nicolas Sarkozy"),
    ],
)
def test_former_holder_is_told_from_the_sitting_one(nlp_fr, description: str, speaker: str) -> None:
    text = (
        "Le président Emmanuel Macron a reçu l'ancien président Nicolas Sarkozy à l'Élysée. "
        f"{description} a affirmé que « la France doit se réformer » ."
    )
    assert production_speakers(text, nlp_fr, "fr") == [speaker]


@pytest.mark.parametrize(
    ("incise", "speaker"),
    [
        ("a-t-on appris auprès de la préfecture", "préfecture"),
        ("précise-t-on à l'Élysée", "Élysée"),
        ("indique-t-on au ministère de l'Intérieur", "ministère de l'Intérieur"),
        ("dit-on à Paris", None),
        ("confie-t-on dans son entourage", None),
    ],
)
def test_impersonal_incise_gives_the_body_it_names(nlp_fr, incise: str, speaker: str | None) -> None:
    text = f"La manifestation a réuni 3 000 personnes. « Aucun incident n'a été signalé », {incise}."
    assert production_speakers(text, nlp_fr, "fr") == [speaker]
